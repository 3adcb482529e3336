/** Real `strangler` and monolith processes for the end-to-end tests. */
import { type ChildProcess, spawn } from 'node:child_process';

const root = new URL('../../../', import.meta.url).pathname;

type Stream = 'stdout' | 'stderr';

export interface RunningProcess {
  child: ChildProcess;
  /** The first match of the start pattern. */
  found: Promise<RegExpMatchArray>;
  output(stream?: Stream): string;
  /** Resolves when `pattern` matches output written after `from` characters. */
  waitFor(pattern: RegExp, stream: Stream, from?: number): Promise<RegExpMatchArray>;
}

/** Starts `node ARGS` in the repository root; `found` resolves with the first match of `pattern`. */
export function startProcess(
  args: string[],
  env: Record<string, string>,
  pattern: RegExp,
  stream: Stream,
): RunningProcess {
  const child = spawn(process.execPath, args, { cwd: root, env: { ...process.env, ...env }, stdio: 'pipe' });
  const text = { stdout: '', stderr: '' };
  const waiters = new Set<() => void>();
  for (const name of ['stdout', 'stderr'] as const) {
    child[name].on('data', (chunk: Buffer) => {
      text[name] += chunk.toString();
      for (const check of waiters) check();
    });
  }
  const waitFor = (wanted: RegExp, on: Stream, from = 0) =>
    new Promise<RegExpMatchArray>((resolve, reject) => {
      const check = () => {
        const match = wanted.exec(text[on].slice(from));
        if (match) {
          waiters.delete(check);
          resolve(match);
        }
      };
      waiters.add(check);
      child.once('exit', (code) =>
        reject(new Error(`${args.join(' ')} exited ${code}:\n${text.stdout}\n${text.stderr}`)),
      );
      check();
    });
  return { child, found: waitFor(pattern, stream), output: (on = stream) => text[on], waitFor };
}

export function stop(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => {
    child.once('exit', (code) => resolve(code));
    child.kill('SIGTERM');
  });
}
