import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Analysis, analysisSchema } from '../../../analyzer/analysis.ts';

const run = promisify(execFile);
const repo = new URL('../../../', import.meta.url).pathname;
const bin = join(repo, 'bin/strangler.js');

/** The issue's must-show, run as a user runs it: the CLI, twice, on the sample shop. */
describe('strangler analyze sample-monolith --expected', () => {
  const out: string[] = [];
  const analyses: Analysis[] = [];
  let printed = '';

  beforeAll(async () => {
    for (let i = 0; i < 2; i++) {
      const dir = mkdtempSync(join(tmpdir(), 'strangler-sample-'));
      out.push(dir);
      const args = [
        'analyze',
        'sample-monolith',
        '--expected',
        'sample-monolith/expected-boundaries.json',
        '--out',
        dir,
      ];
      const { stdout } = await run(process.execPath, [bin, ...args], { cwd: repo });
      printed = stdout;
      analyses.push(JSON.parse(readFileSync(join(dir, 'analysis.json'), 'utf8')));
    }
  }, 240_000);
  afterAll(() => {
    for (const dir of out) rmSync(dir, { recursive: true, force: true });
  });

  it("matches the architects' boundaries (MoJoFM >= 90) and beats the folder baseline on ICP", () => {
    const [analysis] = analyses;
    expect(analysis!.metrics.mojofm).toBeGreaterThanOrEqual(90);
    expect(analysis!.metrics.icp).toBeLessThan(analysis!.baseline.metrics.icp);
  });

  it('sets the shared folder aside as the kernel and app/routes/server as wiring', () => {
    const [analysis] = analyses;
    expect(analysis!.sharedKernel).toEqual(
      expect.arrayContaining(['src/shared/db.ts', 'src/shared/logger.ts', 'src/shared/config.ts']),
    );
    // health.ts only answers probes: every service answers its own, so it is not one to extract.
    expect(analysis!.wiring).toEqual(['src/app.ts', 'src/health.ts', 'src/routes.ts', 'src/server.ts']);
  });

  it('splits no transaction: each one, checkout included, stays inside one service', () => {
    const [analysis] = analyses;
    const checkout = analysis!.transactions.find((tx) => tx.file === 'src/orders/orders.service.ts')!;
    expect(checkout.tables).toEqual(
      expect.arrayContaining(['orders', 'payments', 'shipments', 'stock_levels']),
    );
    expect(analysis!.transactions.filter((tx) => tx.services.length !== 1)).toEqual([]);
    expect(analysis!.risks.filter((r) => r.kind === 'split-transaction')).toEqual([]);
  });

  it('moves the areas checkout writes along with their repositories, so no area calls its own repository remotely', () => {
    const [analysis] = analyses;
    const serviceOf = (id: string) => analysis!.modules.find((m) => m.id === id)!.service;
    const checkout = serviceOf('src/orders/orders.service.ts');
    for (const area of ['cart', 'inventory', 'payments', 'shipping', 'notifications']) {
      const files = analysis!.modules.filter((m) => m.id.startsWith(`src/${area}/`));
      expect(files.length).toBeGreaterThan(0);
      expect(files.filter((m) => m.service !== checkout).map((m) => m.id)).toEqual([]);
    }
  });

  it('gives byte-identical services on a second run', () => {
    expect(JSON.stringify(analyses[1]!.services)).toBe(JSON.stringify(analyses[0]!.services));
    expect(JSON.stringify(analyses[1]!.metrics)).toBe(JSON.stringify(analyses[0]!.metrics));
  });

  it('writes an analysis.json that the schema accepts', () => {
    const parsed = analysisSchema.safeParse(analyses[0]);
    expect(parsed.success ? [] : parsed.error.issues.slice(0, 3)).toEqual([]);
  });

  it('prints the services table and the metrics beside the folder baseline', () => {
    expect(printed).toMatch(/^rank\s+service\s+files\s+endpoints\s+tables owned\s+depends on$/m);
    expect(printed).toMatch(/^mojofm\s+\d/m);
    for (const service of analyses[0]!.services) expect(printed).toContain(service.name);
  });
});
