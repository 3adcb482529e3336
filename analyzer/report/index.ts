/**
 * Reports: pure renderers from an `Analysis` to files, and `writeReports`, the only place in
 * the analyzer that writes to disk. `strangler analyze` and `strangler report` both end here.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Analysis } from '../analysis.ts';
import { renderBoundaries } from './boundaries.ts';
import { renderDot } from './dot.ts';
import { REPORT_FORMATS, type ReportFormat } from './formats.ts';
import { renderHtml } from './html.ts';
import { renderJson } from './json.ts';
import { renderMarkdown } from './markdown.ts';
import { renderMermaid } from './mermaid.ts';
import { renderRoutePlan } from './route-plan.ts';
import { renderSvg } from './svg.ts';
import type { Reporter, ReportFile, ReportOptions } from './types.ts';

export { FORMAT_FILES, parseFormats, REPORT_FORMATS, type ReportFormat } from './formats.ts';
export { loadAnalysis, parseAnalysis } from './load-analysis.ts';
export type { ReportFile, ReportOptions } from './types.ts';

const REPORTERS: Readonly<Record<ReportFormat, Reporter>> = {
  json: renderJson,
  md: renderMarkdown,
  html: renderHtml,
  mermaid: renderMermaid,
  dot: renderDot,
  svg: renderSvg,
  routes: renderRoutePlan,
  boundaries: renderBoundaries,
};

export async function renderReports(
  analysis: Analysis,
  formats: readonly ReportFormat[] = REPORT_FORMATS,
  options: ReportOptions = {},
): Promise<ReportFile[]> {
  const files = await Promise.all(formats.map((format) => REPORTERS[format](analysis, options)));
  return files.flat();
}

export interface WriteReportsOptions {
  outDir: string;
  /** Default: every format. */
  formats?: readonly ReportFormat[];
}

/** Renders the chosen formats and writes them under `outDir`; returns the absolute paths written. */
export async function writeReports(analysis: Analysis, options: WriteReportsOptions): Promise<string[]> {
  const outDir = path.resolve(options.outDir);
  const rootFromOutDir = toPosix(path.relative(outDir, analysis.root)) || '.';
  const files = await renderReports(analysis, options.formats ?? REPORT_FORMATS, { rootFromOutDir });
  await mkdir(outDir, { recursive: true });
  const written: string[] = [];
  for (const file of files) {
    const target = path.join(outDir, file.path);
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, file.contents);
    written.push(target);
  }
  return written;
}

function toPosix(p: string): string {
  return p.split(path.sep).join('/');
}
