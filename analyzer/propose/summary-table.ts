import type { Analysis, Metrics } from '../analysis.ts';

/**
 * The proposal as the terminal shows it after `strangler analyze`: one row per service in
 * extraction order, then the metrics beside the folder baseline. Returns lines; the CLI prints.
 */
export function toProposalLines(analysis: Analysis): string[] {
  const lines: string[] = [''];
  if (analysis.services.length === 0) return [...lines, 'services   none proposed'];
  const rows = analysis.services.map((s) => [
    String(s.extractionOrder),
    s.name,
    String(s.modules.length),
    String(s.endpoints.length),
    toList(s.tables),
    toList(s.dependsOn.map((d) => d.service)),
  ]);
  lines.push(...toTable(['rank', 'service', 'files', 'endpoints', 'tables owned', 'depends on'], rows));
  lines.push('');
  lines.push(
    `set aside  ${analysis.sharedKernel.length} shared-kernel, ${analysis.wiring.length} wiring module(s)`,
  );
  if (analysis.settings.selection) lines.push(`chosen     ${analysis.settings.selection.reason}`);
  const risks = countBy(analysis.risks.map((r) => r.kind));
  lines.push(
    `risks      ${
      Object.entries(risks)
        .map(([k, n]) => `${n} ${k}`)
        .join(', ') || 'none'
    }`,
  );
  lines.push('');
  lines.push(
    ...toMetricsTable(analysis.metrics, analysis.baseline.metrics, analysis.baseline.services.length),
  );
  return lines;
}

const METRIC_ROWS: Array<[keyof Metrics, string]> = [
  ['modularity', 'higher is better'],
  ['sm', 'higher is better'],
  ['icp', 'lower is better'],
  ['ifn', 'lower is better'],
  ['ned', 'lower is better'],
  ['mojofm', 'vs --expected, higher is better'],
];

function toMetricsTable(proposal: Metrics, baseline: Metrics, folders: number): string[] {
  const rows = METRIC_ROWS.filter(([key]) => proposal[key] !== undefined).map(([key, note]) => [
    key,
    format(proposal[key]),
    format(baseline[key]),
    note,
  ]);
  return toTable(['metric', 'proposal', `folders (${folders})`, ''], rows);
}

function format(value: number | undefined): string {
  return value === undefined ? '-' : String(Math.round(value * 1000) / 1000);
}

function toTable(header: string[], rows: string[][]): string[] {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, i) => cell.padEnd(widths[i]!))
      .join('  ')
      .trimEnd();
  return [line(header), ...rows.map(line)];
}

/** At most three names, so a wide service keeps the table readable; analysis.json has them all. */
function toList(names: string[]): string {
  if (names.length === 0) return '-';
  return names.length <= 3 ? names.join(', ') : `${names.slice(0, 3).join(', ')} +${names.length - 3}`;
}

function countBy(values: string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const value of values) out[value] = (out[value] ?? 0) + 1;
  return out;
}
