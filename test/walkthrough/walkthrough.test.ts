import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isListening, printedPorts, printedTempDir, processesMentioning } from './leftovers.ts';

const bin = new URL('../../bin/strangler.js', import.meta.url).pathname;
const out = mkdtempSync(join(tmpdir(), 'walkthrough-out-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

/** The budget for `--yes --speed fast` on a fresh clone. */
const BUDGET_MS = 180_000;

describe('strangler walkthrough --yes --speed fast', () => {
  it(
    'migrates the shop with 0 failed requests out of at least 5,000, and leaves nothing running',
    async () => {
      const child = spawn(process.execPath, [bin, 'walkthrough', '--yes', '--speed', 'fast', '--out', out], {
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let output = '';
      child.stdout.on('data', (chunk) => {
        output += chunk;
      });
      child.stderr.on('data', (chunk) => {
        output += chunk;
      });
      const timer = setTimeout(() => child.kill('SIGINT'), BUDGET_MS);
      const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
      clearTimeout(timer);

      expect(output, output).not.toMatch(/Interrupted/);
      expect(code, output).toBe(0);
      const done = /Done: (\d+) requests sent, (\d+) failed\./.exec(output);
      expect(done, output).not.toBeNull();
      expect(Number(done![1])).toBeGreaterThanOrEqual(5000);
      expect(Number(done![2])).toBe(0);
      expect(output).toMatch(/guardrail\s+rolled .* back/);
      expect(output).toMatch(/mismatches caught/);

      const temp = printedTempDir(output);
      expect(temp).not.toBeNull();
      expect(processesMentioning(temp!)).toEqual([]);
      const ports = printedPorts(output);
      expect(ports.length).toBeGreaterThanOrEqual(4);
      for (const port of ports) expect(await isListening(port), `port ${port}`).toBe(false);
    },
    BUDGET_MS + 20_000,
  );
});

describe('strangler walkthrough, interactive', () => {
  it('explains each step and waits for Enter; Ctrl-C stops everything and cleans up', async () => {
    const child = spawn(process.execPath, [bin, 'walkthrough', '--speed', 'fast', '--out', out], {
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let output = '';
    const prompts: number[] = [];
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk;
      const count = output.split('Press Enter').length - 1;
      while (prompts.length < count) {
        prompts.push(Date.now());
        // Step 1 and 2 are answered; at the third prompt the person presses Ctrl-C.
        if (prompts.length <= 2) setTimeout(() => child.stdin.write('\n'), 300);
        else child.kill('SIGINT');
      }
    });
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));

    expect(output).toMatch(/Step 1\/\d+: Start the monolith/);
    expect(output).toMatch(/Step 2\/\d+: Analyze the code/);
    // Nothing of step 1 happened before Enter was pressed.
    expect(output.indexOf('monolith    http')).toBeGreaterThan(output.indexOf('Press Enter'));
    expect(output).toMatch(/Interrupted: everything the walkthrough started has been stopped/);
    expect(code).toBe(130);
    const temp = printedTempDir(output);
    expect(temp).not.toBeNull();
    expect(processesMentioning(temp!)).toEqual([]);
    for (const port of printedPorts(output)) expect(await isListening(port), `port ${port}`).toBe(false);
  }, 120_000);
});
