/** The standalone proxy, `node bin/strangler.js proxy --config FILE`, as a child process. */
import { type ChildProcess, spawn } from 'node:child_process';

const root = new URL('../../', import.meta.url).pathname;

export interface Standalone {
  child: ChildProcess;
  /** Resolves with the proxy and admin base URLs once both listen. */
  ready: Promise<{ base: string; admin: string }>;
  stderr(): string;
}

export function startStandalone(file: string): Standalone {
  const child = spawn(process.execPath, ['bin/strangler.js', 'proxy', '--config', file], {
    cwd: root,
    stdio: 'pipe',
  });
  let err = '';
  const ready = new Promise<{ base: string; admin: string }>((resolve, reject) => {
    child.stderr!.on('data', (chunk: Buffer) => {
      err += chunk.toString();
      const base = /listening on (http:\S+)/.exec(err);
      const admin = /admin API on (http:\S+)/.exec(err);
      if (base && admin) resolve({ base: base[1]!, admin: admin[1]! });
    });
    child.once('exit', (code) => reject(new Error(`proxy exited ${code}: ${err}`)));
  });
  child.stdout!.resume();
  return { child, ready, stderr: () => err };
}
