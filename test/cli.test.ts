import { describe, expect, it } from 'vitest';
import { strangler } from './support/run-strangler.ts';

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
