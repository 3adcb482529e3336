import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getServiceMatchers } from '../../../analyzer/report/boundaries.ts';
import { loadAnalysis, writeReports } from '../../../analyzer/report/index.ts';
import { getCrossBoundaryImports } from '../../../analyzer/report/view.ts';
import { loadFixture, SHOP_DIR } from './fixture.ts';

const run = promisify(execFile);
const REPO = new URL('../../../', import.meta.url).pathname;
const DEPCRUISE = path.join(REPO, 'node_modules/dependency-cruiser/bin/dependency-cruise.mjs');

interface CruiseResult {
  summary: { violations: Array<{ from: string; to: string; rule: { name: string } }> };
}

describe('.dependency-cruiser.boundaries.cjs', () => {
  let outDir: string;

  beforeAll(async () => {
    outDir = await mkdtemp(path.join(os.tmpdir(), 'strangler-boundaries-'));
  });
  afterAll(async () => {
    await rm(outDir, { recursive: true, force: true });
  });

  it('matches a service by whole folders when a folder holds only its modules', () => {
    const matchers = getServiceMatchers(loadFixture());
    expect(matchers.get('orders')).toEqual({ folders: ['src/cart', 'src/orders'], files: [] });
    expect(matchers.get('catalog')).toEqual({ folders: ['src/catalog'], files: [] });
  });

  it('falls back to single files when a folder is split between services', () => {
    const analysis = loadFixture();
    const module = analysis.modules.find((m) => m.id === 'src/cart/cart.router.ts')!;
    module.service = 'catalog';
    const matchers = getServiceMatchers(analysis);
    expect(matchers.get('orders')).toEqual({
      folders: ['src/orders'],
      files: ['src/cart/cart.repository.ts'],
    });
    expect(matchers.get('catalog')).toEqual({ folders: ['src/catalog'], files: ['src/cart/cart.router.ts'] });
  });

  it('makes dependency-cruiser report exactly the imports that cross the cut, @shop alias included', async () => {
    const analysis = { ...loadFixture(), root: SHOP_DIR.replace(/\/$/, '') };
    await writeReports(analysis, { formats: ['boundaries'], outDir });
    const config = path.join(outDir, '.dependency-cruiser.boundaries.cjs');
    const target = path.relative(REPO, SHOP_DIR);
    // depcruise exits non-zero when it finds violations: that is the point of the rules.
    const output = await run(
      process.execPath,
      [DEPCRUISE, '--config', config, '--output-type', 'json', target],
      {
        cwd: REPO,
        maxBuffer: 32 * 1024 * 1024,
      },
    ).catch((error: { stdout: string }) => ({ stdout: error.stdout }));
    const result = JSON.parse(output.stdout) as CruiseResult;
    const strip = (file: string) => path.relative(target, file);
    const found = result.summary.violations
      .map((v) => `${v.rule.name}: ${strip(v.from)} -> ${strip(v.to)}`)
      .sort();
    const expected = getCrossBoundaryImports(analysis)
      .map((c) => `${c.fromService}-not-into-other-services: ${c.from} -> ${c.to}`)
      .sort();
    expect(expected).toHaveLength(6);
    expect(found).toEqual(expected);
  });
});

describe('reports/sample-monolith/.dependency-cruiser.boundaries.cjs', () => {
  it('reports the sample monolith’s known cross-boundary imports, and only those', async () => {
    const analysis = await loadAnalysis(path.join(REPO, 'reports/sample-monolith/analysis.json'));
    const config = path.join(REPO, 'reports/sample-monolith/.dependency-cruiser.boundaries.cjs');
    const output = await run(
      process.execPath,
      [DEPCRUISE, '--config', config, '--output-type', 'json', 'sample-monolith'],
      {
        cwd: REPO,
        maxBuffer: 32 * 1024 * 1024,
      },
    ).catch((error: { stdout: string }) => ({ stdout: error.stdout }));
    const serviceOf = new Map(analysis.modules.map((module) => [module.id, module.service]));
    const strip = (file: string) => file.replace(/^sample-monolith\//, '');
    // depcruise stops at a barrel (`src/catalog/index.ts`) where the analysis looks through it to
    // the defining file, so compare importing file and the service it reaches.
    const found = new Set(
      (JSON.parse(output.stdout) as CruiseResult).summary.violations.map(
        (v) => `${strip(v.from)} -> ${serviceOf.get(strip(v.to))}`,
      ),
    );
    const known = new Set(getCrossBoundaryImports(analysis).map((c) => `${c.from} -> ${c.toService}`));
    expect(known.size).toBeGreaterThan(0);
    expect([...found].sort()).toEqual([...known].sort());
  });
});
