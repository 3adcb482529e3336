import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

export interface Measurement {
  wallMs: number;
  cpuMs: number;
  maxRssBytes: number;
  stdout: string;
}

const RECORD_USAGE = fileURLToPath(new URL('./tools/record-usage.mjs', import.meta.url));

/**
 * Runs `node <args>` as a child with the usage recorder preloaded and times it from spawn to
 * exit: start-up, parsing and writing included, as a user would wait for it.
 */
export async function measureNode(
  args: string[],
  options: { cwd: string; label: string },
): Promise<Measurement> {
  const scratch = await mkdtemp(join(tmpdir(), 'strangler-bench-usage-'));
  const usageFile = join(scratch, 'usage.json');
  try {
    const started = performance.now();
    const { code, stdout, stderr } = await run(process.execPath, ['--import', RECORD_USAGE, ...args], {
      cwd: options.cwd,
      env: { ...process.env, BENCH_USAGE_FILE: usageFile, NODE_OPTIONS: '' },
    });
    const wallMs = performance.now() - started;
    if (code !== 0) throw new Error(`${options.label} exited with ${code}:\n${stderr.slice(-2000)}`);
    const usage = JSON.parse(await readFile(usageFile, 'utf8')) as { maxRssBytes: number; cpuMs: number };
    return { wallMs, ...usage, stdout };
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

function run(command: string, args: string[], options: { cwd: string; env: NodeJS.ProcessEnv }) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve, reject) => {
    const child = spawn(command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}
