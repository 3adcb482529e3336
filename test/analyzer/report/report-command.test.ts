import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analysisSchema } from '../../../analyzer/analysis.ts';
import { main } from '../../../cli/main.ts';
import { FIXTURE_FILE } from './fixture.ts';

async function strangler(cwd: string, ...args: string[]) {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const chunks = { out: '', err: '' };
  stdout.on('data', (c) => (chunks.out += c));
  stderr.on('data', (c) => (chunks.err += c));
  const code = await main(args, { stdout, stderr, env: {}, cwd });
  return { code, stdout: chunks.out, stderr: chunks.err };
}

describe('strangler report', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'strangler-report-cli-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('re-renders only the formats asked for', async () => {
    const out = path.join(dir, 'md-only');
    const result = await strangler(dir, 'report', FIXTURE_FILE, '--format', 'md,routes', '--out', out);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect((await readdir(out)).sort()).toEqual(['report.md', 'routes.plan.json']);
    expect(result.stdout.trim().split('\n')).toEqual(['md-only/report.md', 'md-only/routes.plan.json']);
  });

  it('writes every format by default, and the analysis.json it writes is still valid', async () => {
    const out = path.join(dir, 'all');
    const result = await strangler(dir, 'report', FIXTURE_FILE, '--out', out);
    expect(result.code).toBe(0);
    expect((await readdir(out)).sort()).toEqual([
      '.dependency-cruiser.boundaries.cjs',
      'analysis.json',
      'modules.svg',
      'report.html',
      'report.md',
      'routes.plan.json',
      'services.dot',
      'services.mmd',
      'services.svg',
    ]);
    const copy = JSON.parse(await readFile(path.join(out, 'analysis.json'), 'utf8'));
    expect(analysisSchema.safeParse(copy).success).toBe(true);
    expect(copy).toEqual(JSON.parse(await readFile(FIXTURE_FILE, 'utf8')));
  });

  it.each([
    ['a missing file', null, 'REPORT_ANALYSIS_NOT_FOUND', 1],
    ['a file that is not JSON', '{ "version": 1, ', 'REPORT_ANALYSIS_INVALID', 1],
    ['JSON that is not an analysis', '{ "version": 1, "services": "orders" }', 'REPORT_ANALYSIS_INVALID', 1],
    ['an analysis from another version', '{ "version": 0, "modules": [] }', 'REPORT_ANALYSIS_VERSION', 1],
  ])('refuses %s with a code and a hint', async (_label, contents, errorCode, exit) => {
    const file = path.join(dir, `input-${errorCode}-${exit}-${String(contents).length}.json`);
    if (contents !== null) await writeFile(file, contents);
    const result = await strangler(dir, 'report', file, '--out', path.join(dir, 'never'));
    expect(result.code).toBe(exit);
    expect(result.stderr).toMatch(new RegExp(`^error ${errorCode}: `));
    expect(result.stderr).toMatch(/\nhint: /);
  });

  it('exits 2 on an unknown format before reading anything', async () => {
    const result = await strangler(dir, 'report', FIXTURE_FILE, '--format', 'md,pdf');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('error REPORT_UNKNOWN_FORMAT: Unknown report format "pdf".');
  });
});
