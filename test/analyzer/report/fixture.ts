import { readFileSync } from 'node:fs';
import type { Analysis } from '../../../analyzer/analysis.ts';
import { parseAnalysis } from '../../../analyzer/report/index.ts';

export const FIXTURE_FILE = new URL('../../fixtures/report/analysis.json', import.meta.url).pathname;
/** The tiny project on disk whose imports the fixture analysis describes. */
export const SHOP_DIR = new URL('../../fixtures/report/shop/', import.meta.url).pathname;

/** A fresh copy of the hand-made analysis of the five-service shop (validated against the schema). */
export function loadFixture(): Analysis {
  return parseAnalysis(readFileSync(FIXTURE_FILE, 'utf8'), FIXTURE_FILE);
}
