import { describeEngineContract } from './engine.contract.ts';

describeEngineContract('undici');
