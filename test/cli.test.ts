import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const bin = new URL('../bin/strangler.js', import.meta.url).pathname;

async function strangler(...args: string[]) {
  try {
    const { stdout, stderr } = await run(process.execPath, [bin, ...args]);
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('strangler command', () => {
  it('lists every subcommand in --help', async () => {
    const { code, stdout } = await strangler('--help');
    expect(code).toBe(0);
    for (const name of [
      'analyze',
      'report',
      'proxy',
      'routes',
      'diffs',
      'extract',
      'sync',
      'export',
      'walkthrough',
    ]) {
      expect(stdout).toMatch(new RegExp(`^\\s+${name}\\b`, 'm'));
    }
  });

  it('exits 2 on an unknown command and says so', async () => {
    const { code, stderr } = await strangler('frobnicate');
    expect(code).toBe(2);
    expect(stderr).toMatch(/unknown command/);
  });

  it('exits 2 when a required argument is missing', async () => {
    const { code, stderr } = await strangler('analyze');
    expect(code).toBe(2);
    expect(stderr).toMatch(/missing required argument/);
  });
});
