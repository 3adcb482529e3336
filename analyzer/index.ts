/**
 * `analyze(options)`: the analyzer's one entry. Reads the project's facts (scan + facts), then
 * turns them into `analysis.json` v1. The proposal stages (graph, cluster, propose) fill
 * `services`, `metrics` and `baseline`; until they run, those stay empty.
 */
import { ANALYSIS_VERSION, type Analysis } from './analysis.ts';
import type { ProjectFacts } from './facts/types.ts';
import { readProjectFacts } from './scan/index.ts';

export interface AnalyzeOptions {
  root: string;
  tsconfig?: string;
  exclude?: string[];
  includeTests?: boolean;
  /** Files parsed so far, out of the total: the CLI draws its progress bar from this. */
  onProgress?: (done: number, total: number) => void;
  /** Clock and memory probe, injectable for tests; default to the process's own. */
  now?: () => number;
  peakRssBytes?: () => number;
}

export async function analyze(options: AnalyzeOptions): Promise<Analysis> {
  const now = options.now ?? (() => performance.now());
  const started = now();
  const facts = await readProjectFacts({
    root: options.root,
    ...(options.tsconfig ? { tsconfig: options.tsconfig } : {}),
    exclude: options.exclude ?? [],
    includeTests: options.includeTests ?? false,
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
  });
  const peak = options.peakRssBytes ?? (() => process.resourceUsage().maxRSS * 1024);
  return toFactsAnalysis(facts, {
    generatedAt: new Date().toISOString(),
    durationMs: now() - started,
    peakRssBytes: peak(),
  });
}

const ZERO_METRICS = { modularity: 0, sm: 0, icp: 0, ifn: 0, ned: 0 };

/** `analysis.json` holding only what was read: no services yet, every module unassigned. */
export function toFactsAnalysis(
  facts: ProjectFacts,
  run: { generatedAt: string; durationMs: number; peakRssBytes: number },
): Analysis {
  const endpointsByFile = groupBy(facts.endpoints, (e) => e.file);
  // file -> tables, and table -> files, for each side, in one pass.
  const reads = new Map<string, Set<string>>();
  const writes = new Map<string, Set<string>>();
  const readers = new Map<string, Set<string>>();
  const writers = new Map<string, Set<string>>();
  for (const access of facts.tableAccesses) {
    const isRead = access.access === 'read';
    addTo(isRead ? reads : writes, access.file, access.table);
    addTo(isRead ? readers : writers, access.table, access.file);
  }
  const edges = new Map<string, Analysis['edges'][number]>();
  for (const edge of facts.imports) {
    const key = `${edge.from}|${edge.to}|${edge.kind}`;
    const existing = edges.get(key);
    if (existing) {
      existing.weight += 1;
      existing.count = (existing.count ?? 0) + 1;
      existing.symbols = [...new Set([...existing.symbols, ...edge.symbols])].sort();
    } else {
      edges.set(key, {
        from: edge.from,
        to: edge.to,
        kind: edge.kind,
        weight: 1,
        count: 1,
        symbols: [...edge.symbols].sort(),
      });
    }
  }
  const tableNames = [...new Set(facts.tableAccesses.map((a) => a.table))].sort();
  const edgesByKind: Record<string, number> = {};
  for (const edge of facts.imports) edgesByKind[edge.kind] = (edgesByKind[edge.kind] ?? 0) + 1;
  return {
    version: ANALYSIS_VERSION,
    root: facts.root,
    generatedAt: run.generatedAt,
    modules: facts.files.map((file) => ({
      id: file.id,
      loc: file.loc,
      service: null,
      role: 'domain',
      exports: file.exports,
      endpoints: (endpointsByFile.get(file.id) ?? []).map((e) => e.id),
      tables: {
        reads: [...(reads.get(file.id) ?? [])].sort(),
        writes: [...(writes.get(file.id) ?? [])].sort(),
      },
      why: [],
    })),
    edges: [...edges.values()],
    endpoints: facts.endpoints.map((e) => ({
      id: e.id,
      method: e.method,
      path: e.path,
      file: e.file,
      line: e.line,
      framework: e.framework,
      service: null,
    })),
    tables: tableNames.map((name) => ({
      name,
      readers: [...(readers.get(name) ?? [])].sort(),
      writers: [...(writers.get(name) ?? [])].sort(),
      owner: null,
      shared: false,
      access: [],
    })),
    transactions: facts.transactions.map((t) => ({ ...t, services: [] })),
    services: [],
    sharedKernel: [],
    wiring: [],
    cycles: facts.cycles,
    metrics: { ...ZERO_METRICS },
    baseline: { name: 'folders', services: [], metrics: { ...ZERO_METRICS } },
    risks: [],
    settings: {
      requestedServices: null,
      chosenResolution: null,
      seed: 0,
      weights: {},
      signals: ['static', 'data'],
    },
    stats: {
      files: facts.files.length,
      edgesByKind,
      durationMs: run.durationMs,
      peakRssBytes: run.peakRssBytes,
    },
    warnings: facts.warnings,
  };
}

function addTo(map: Map<string, Set<string>>, key: string, value: string): void {
  const set = map.get(key);
  if (set) set.add(value);
  else map.set(key, new Set([value]));
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = groups.get(k);
    if (list) list.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}
