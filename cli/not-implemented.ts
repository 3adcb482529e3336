import { StranglerError } from '../errors/index.ts';
import { CLI_ERRORS } from './errors.ts';

/** Placeholder action for a command whose issue has not landed yet. */
export function notImplemented(name: string): () => never {
  return () => {
    throw new StranglerError(CLI_ERRORS.CLI_NOT_IMPLEMENTED, `\`strangler ${name}\` is not implemented yet.`);
  };
}
