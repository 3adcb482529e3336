import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readProjectFacts } from '../../../analyzer/scan/index.ts';
import { scanFiles } from '../../../analyzer/scan/scan-files.ts';
import { generateMonolith } from '../../../bench/generate/index.ts';
import { fixturePath } from './read-fixture.ts';

/**
 * Large projects are read by two threads (analyzer/scan/scan-files.ts). Whichever thread reads
 * a file, the facts must be the same, in the same order, as one thread reading them all.
 */
describe('reading with a helper thread', () => {
  let dir: string;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'strangler-helper-'));
    await generateMonolith({ dir, files: 250, domains: 5, seed: 3 });
  });

  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('reads files in the helper thread', async () => {
    const files = ['src/app.ts', 'src/server.ts'];
    const { scans, byHelper } = await scanFiles({ root: dir, options: {}, files, helper: 'only' });
    expect(byHelper).toBe(2);
    expect(scans.map((scan) => scan.id)).toEqual(files);
    expect(scans[0]!.imports.length).toBeGreaterThan(0);
  }, 60_000);

  it('gives the facts one thread gives, with progress reaching the total', async () => {
    const alone = await readProjectFacts({ root: dir, helper: 'never' });
    const seen: number[] = [];
    const shared = await readProjectFacts({
      root: dir,
      helper: 'always',
      onProgress: (done, total) => {
        expect(total).toBe(250);
        seen.push(done);
      },
    });
    expect(alone.files).toHaveLength(250);
    expect(alone.endpoints.length).toBeGreaterThan(0);
    expect(JSON.stringify(shared)).toBe(JSON.stringify(alone));
    expect(seen.at(-1)).toBe(250);
    expect(seen.every((done, i) => i === 0 || done >= seen[i - 1]!)).toBe(true);
  }, 60_000);

  it('keeps each file warning in file order', async () => {
    for (const fixture of ['syntax-error', 'unresolvable']) {
      const alone = await readProjectFacts({ root: fixturePath(fixture), helper: 'never' });
      const shared = await readProjectFacts({ root: fixturePath(fixture), helper: 'only' });
      expect(alone.warnings.length, fixture).toBeGreaterThan(0);
      expect(shared).toEqual(alone);
    }
  }, 60_000);
});
