import { isStranglerError, StranglerError } from '../errors/index.ts';
import { type CliContext, writeLine } from './context.ts';
import { CLI_ERRORS } from './errors.ts';

/** Prints an error as `error CODE: message` plus a hint line, and returns the exit code. */
export function reportError(error: unknown, ctx: CliContext): 1 | 2 {
  const known = isStranglerError(error)
    ? error
    : new StranglerError(CLI_ERRORS.CLI_UNEXPECTED, error instanceof Error ? error.message : String(error), {
        cause: error,
      });
  writeLine(ctx.stderr, `error ${known.code}: ${known.message}`);
  writeLine(ctx.stderr, `hint: ${known.hint}`);
  if (ctx.env.STRANGLER_DEBUG && error instanceof Error && error.stack) writeLine(ctx.stderr, error.stack);
  return known.exitCode;
}
