import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { analysisSchema } from '../../../analyzer/analysis.ts';
import type { CliContext } from '../../../cli/context.ts';
import { main } from '../../../cli/main.ts';
import { fixturePath } from './read-fixture.ts';

function capture(isTTY: boolean) {
  let text = '';
  const stream = new Writable({
    write(chunk, _encoding, done) {
      text += String(chunk);
      done();
    },
  }) as Writable & { isTTY?: boolean; columns?: number };
  stream.isTTY = isTTY;
  stream.columns = 100;
  return { stream, text: () => text };
}

async function run(args: string[], options: { tty?: boolean; cwd: string }) {
  const stdout = capture(false);
  const stderr = capture(options.tty ?? false);
  const ctx: CliContext = { stdout: stdout.stream, stderr: stderr.stream, env: {}, cwd: options.cwd };
  const code = await main(args, ctx);
  return { code, stdout: stdout.text(), stderr: stderr.text() };
}

describe('strangler analyze', () => {
  let out: string;
  beforeEach(async () => {
    out = await mkdtemp(path.join(tmpdir(), 'strangler-analyze-'));
  });
  afterEach(async () => {
    await rm(out, { recursive: true, force: true });
  });

  it('writes a valid analysis.json and prints the facts summary with time and peak memory', async () => {
    const result = await run(['analyze', fixturePath('express-nested'), '--out', out, '--no-git'], {
      cwd: out,
    });
    expect(result.code).toBe(0);
    const analysis = analysisSchema.parse(
      JSON.parse(await readFile(path.join(out, 'analysis.json'), 'utf8')),
    );
    expect(analysis.endpoints.map((e) => e.id)).toContain('GET /api/orders/:orderId/items');
    expect(analysis.stats.files).toBe(10);
    expect(result.stdout).toMatch(/^files\s+10$/m);
    expect(result.stdout).toMatch(/^edges\s+9 \(9 import\)$/m);
    expect(result.stdout).toMatch(/^endpoints\s+9$/m);
    expect(result.stdout).toMatch(/^warnings\s+1$/m);
    expect(result.stdout).toMatch(/^time\s+[\d.]+ s, peak memory \d+ MB$/m);
    // Piped stderr: no progress bar.
    expect(result.stderr).toBe('');
  });

  it('draws a progress bar on a terminal, and nothing with --quiet', async () => {
    const onTerminal = await run(['analyze', fixturePath('cycle'), '--out', out, '--no-git'], {
      cwd: out,
      tty: true,
    });
    expect(onTerminal.stderr).toContain('parsing [');
    expect(onTerminal.stderr).toContain('4/4');
    const quiet = await run(['analyze', fixturePath('cycle'), '--out', out, '--no-git', '--quiet'], {
      cwd: out,
      tty: true,
    });
    expect(quiet.code).toBe(0);
    expect(quiet.stderr).toBe('');
    expect(quiet.stdout).toBe('');
  });

  it('exits 1 with the code and a hint when the folder does not exist', async () => {
    const result = await run(['analyze', 'no-such-monolith', '--out', out], { cwd: out });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^error ANALYZE_DIR_NOT_FOUND: /m);
    expect(result.stderr).toMatch(/^hint: /m);
  });

  it('exits 1 when nothing is left to read, or the tsconfig is unreadable', async () => {
    const empty = await run(['analyze', fixturePath('default-skips'), '--out', out, '--exclude', 'src/**'], {
      cwd: out,
    });
    expect(empty.code).toBe(1);
    expect(empty.stderr).toMatch(/^error ANALYZE_NO_SOURCE_FILES: /m);
    const broken = await run(['analyze', fixturePath('broken-tsconfig'), '--out', out], { cwd: out });
    expect(broken.code).toBe(1);
    expect(broken.stderr).toMatch(/^error ANALYZE_TSCONFIG_UNREADABLE: /m);
  });
});
