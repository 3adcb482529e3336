import { StranglerError } from '../../errors/index.ts';
import { ROUTING_ERRORS } from '../routing/errors.ts';
import type { EngineName, ForwardEngine } from './engine.ts';
import { createHpmEngine } from './hpm-engine.ts';
import { createUndiciEngine } from './undici-engine.ts';

export function createEngine(name: EngineName): ForwardEngine {
  if (name === 'undici') return createUndiciEngine();
  if (name === 'http-proxy-middleware') return createHpmEngine();
  throw new StranglerError(
    ROUTING_ERRORS.FORWARD_ENGINE_UNKNOWN,
    `Unknown forwarding engine "${String(name)}".`,
  );
}
