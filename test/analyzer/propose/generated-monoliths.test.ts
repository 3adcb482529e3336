import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../../analyzer/index.ts';
import { generateMonolith } from '../../../bench/generate/index.ts';

/**
 * Accuracy on synthetic monoliths whose domains are known (bench/generate): three seeds, sizes
 * and layouts, including the layered one where folders say nothing about domains.
 */
const CASES = [
  { files: 160, domains: 5, seed: 11, layout: 'modules' },
  { files: 240, domains: 6, seed: 23, layout: 'layered' },
  { files: 320, domains: 8, seed: 37, layout: 'mixed' },
] as const;

describe('generated monoliths', () => {
  for (const options of CASES) {
    it(`recovers the ${options.domains} domains of ${options.files} ${options.layout} files (seed ${options.seed}) with MoJoFM >= 85`, async () => {
      const dir = mkdtempSync(join(tmpdir(), 'strangler-generated-'));
      try {
        const monolith = await generateMonolith({ dir, ...options });
        const analysis = await analyze({ root: dir, expected: monolith.expected, git: false });
        expect(analysis.metrics.mojofm).toBeGreaterThanOrEqual(85);
        expect(analysis.services.length).toBe(options.domains);
        expect(analysis.sharedKernel).toEqual(
          expect.arrayContaining(['src/shared/db.ts', 'src/shared/logger.ts']),
        );
        expect(analysis.wiring).toEqual(expect.arrayContaining(['src/app.ts', 'src/server.ts']));
        expect(analysis.metrics.icp).toBeLessThanOrEqual(analysis.baseline.metrics.icp);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }, 180_000);
  }
});
