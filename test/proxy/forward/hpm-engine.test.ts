import { describeEngineContract } from './engine.contract.ts';

describeEngineContract('http-proxy-middleware');
