/** Each test records its figures here; figures-table.ts prints them when the suite ends. */
import { appendFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const FIGURES_FILE = join(tmpdir(), 'strangler-reliability-figures.jsonl');

export interface Figure {
  /** What was tried, e.g. "safe requests while the service is killed". */
  tried: string;
  times: number;
  /** How many failed or were lost. */
  failed: number;
  /** The goal in words, e.g. "0". */
  goal: string;
  met: boolean;
  /** Scaled-down counts and other caveats. */
  note?: string;
}

export function recordFigure(figure: Figure): void {
  appendFileSync(FIGURES_FILE, `${JSON.stringify(figure)}\n`);
}
