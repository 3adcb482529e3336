import { type ChildProcess, spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';

/** A child process the walkthrough started, and will stop. */
export interface Supervised {
  name: string;
  pid: number;
  /** Resolves with the exit code (or signal) once the process is gone. */
  exited: Promise<number | string>;
}

export interface Supervisor {
  /** Starts `node args...`; stdout and stderr go to `<logs>/<name>.log`. */
  start(name: string, args: string[], options: { cwd: string; env: NodeJS.ProcessEnv }): Supervised;
  /** Runs `node args...` to completion; rejects with its log on a non-zero exit. */
  run(name: string, args: string[], options: { cwd: string; env: NodeJS.ProcessEnv }): Promise<void>;
  /** SIGKILL, as a crash would: no graceful shutdown. */
  kill(name: string): Promise<void>;
  /** SIGTERM, then SIGKILL after `graceMs`. */
  stop(name: string, graceMs?: number): Promise<void>;
  stopAll(): Promise<void>;
  running(): Supervised[];
}

export function createSupervisor(logsDir: string): Supervisor {
  const children = new Map<string, { child: ChildProcess; handle: Supervised }>();

  function start(name: string, args: string[], options: { cwd: string; env: NodeJS.ProcessEnv }): Supervised {
    const log = createWriteStream(join(logsDir, `${name}.log`), { flags: 'a' });
    const child = spawn(process.execPath, args, {
      cwd: options.cwd,
      env: options.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout?.pipe(log);
    child.stderr?.pipe(log);
    const exited = new Promise<number | string>((resolve) => {
      child.once('exit', (code, signal) => {
        children.delete(name);
        resolve(code ?? signal ?? 0);
      });
    });
    const handle = { name, pid: child.pid ?? -1, exited };
    children.set(name, { child, handle });
    return handle;
  }

  async function stop(name: string, graceMs = 5000): Promise<void> {
    const entry = children.get(name);
    if (!entry) return;
    entry.child.kill('SIGTERM');
    const timer = setTimeout(() => entry.child.kill('SIGKILL'), graceMs);
    await entry.handle.exited;
    clearTimeout(timer);
  }

  return {
    start,
    async run(name, args, options) {
      const handle = start(name, args, options);
      const code = await handle.exited;
      if (code !== 0) throw new Error(`${name} exited with ${code}; see ${join(logsDir, `${name}.log`)}`);
    },
    async kill(name) {
      const entry = children.get(name);
      if (!entry) return;
      entry.child.kill('SIGKILL');
      await entry.handle.exited;
    },
    stop,
    async stopAll() {
      await Promise.all([...children.keys()].map((name) => stop(name)));
    },
    running: () => [...children.values()].map((entry) => entry.handle),
  };
}

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (!address || typeof address === 'string') throw new Error('no port');
  return address.port;
}

/** Polls `url` until it answers 2xx, or fails after `timeoutMs`. */
export async function waitForHttp(url: string, timeoutMs: number, signal?: AbortSignal): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    signal?.throwIfAborted();
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(1000) });
      await response.arrayBuffer();
      if (response.ok) return;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
  throw new Error(`${url} did not answer within ${Math.round(timeoutMs / 1000)} s`);
}
