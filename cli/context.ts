import type { Writable } from 'node:stream';

/** What a command may touch of the outside world; `cli/` is the only layer that sees `process`. */
export interface CliContext {
  readonly stdout: Writable & { isTTY?: boolean; columns?: number };
  readonly stderr: Writable & { isTTY?: boolean; columns?: number };
  readonly env: NodeJS.ProcessEnv;
  readonly cwd: string;
}

export function getProcessContext(): CliContext {
  return { stdout: process.stdout, stderr: process.stderr, env: process.env, cwd: process.cwd() };
}

export function writeLine(stream: Writable, line = ''): void {
  stream.write(`${line}\n`);
}
