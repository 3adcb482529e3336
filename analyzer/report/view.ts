/**
 * Read-only views over an analysis that several reporters share: services in extraction
 * order, the service of each module, the imports that cross the proposed cut.
 */
import type { Analysis, AnalysisService, AnalysisTable, Metrics } from '../analysis.ts';

/** Edge kinds that come from code (the rest, data/cochange/traffic, are coupling signals). */
export const CODE_EDGE_KINDS: ReadonlySet<string> = new Set([
  'import',
  'type',
  'dynamic',
  'require',
  'reexport',
]);

export function getServicesInOrder(analysis: Analysis): AnalysisService[] {
  return [...analysis.services].sort(
    (a, b) => a.extractionOrder - b.extractionOrder || a.name.localeCompare(b.name),
  );
}

export function getModuleServices(analysis: Analysis): Map<string, string | null> {
  return new Map(analysis.modules.map((module) => [module.id, module.service]));
}

export interface CrossBoundaryImport {
  from: string;
  to: string;
  fromService: string;
  toService: string;
  kind: string;
  symbols: string[];
}

/** Code edges between modules of two different services: each becomes a remote call or a shared library. */
export function getCrossBoundaryImports(analysis: Analysis): CrossBoundaryImport[] {
  const serviceOf = getModuleServices(analysis);
  const found: CrossBoundaryImport[] = [];
  for (const edge of analysis.edges) {
    if (!CODE_EDGE_KINDS.has(edge.kind)) continue;
    const fromService = serviceOf.get(edge.from);
    const toService = serviceOf.get(edge.to);
    if (!fromService || !toService || fromService === toService) continue;
    found.push({
      from: edge.from,
      to: edge.to,
      fromService,
      toService,
      kind: edge.kind,
      symbols: edge.symbols,
    });
  }
  return found.sort((a, b) => a.from.localeCompare(b.from) || a.to.localeCompare(b.to));
}

export function getSharedTables(analysis: Analysis): AnalysisTable[] {
  return analysis.tables.filter((table) => table.shared).sort((a, b) => a.name.localeCompare(b.name));
}

export interface MetricInfo {
  key: keyof Metrics;
  label: string;
  better: 'higher' | 'lower';
}

/** Definitions in docs/analyzer.md; `better` decides the ✓ beside the baseline. */
export const METRIC_INFO: readonly MetricInfo[] = [
  { key: 'modularity', label: 'Modularity', better: 'higher' },
  { key: 'sm', label: 'Structural modularity (SM)', better: 'higher' },
  { key: 'icp', label: 'Inter-partition calls (ICP)', better: 'lower' },
  { key: 'ifn', label: 'Interface number (IFN)', better: 'lower' },
  { key: 'ned', label: 'Non-extreme distribution (NED)', better: 'lower' },
  { key: 'mojofm', label: 'MoJoFM vs expected', better: 'higher' },
];

export function formatNumber(value: number | undefined): string {
  if (value === undefined || Number.isNaN(value)) return '–';
  return Number.isInteger(value) ? String(value) : value.toFixed(3).replace(/0+$/, '').replace(/\.$/, '');
}

/** `better` | `worse` | `same` for a proposal value against the baseline. */
export function compareMetric(
  info: MetricInfo,
  value: number,
  baseline: number,
): 'better' | 'worse' | 'same' {
  if (Math.abs(value - baseline) < 1e-9) return 'same';
  return value > baseline === (info.better === 'higher') ? 'better' : 'worse';
}

/** `1 module`, `3 modules`. */
export function countOf(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/** A stable identifier for graph node ids in Mermaid/DOT (letters, digits, underscores). */
export function toNodeId(prefix: string, name: string): string {
  return `${prefix}_${name.replace(/[^A-Za-z0-9]/g, '_')}`;
}
