/**
 * `analyze(options)`: the analyzer's one entry. Reads the project's facts (scan + facts), then
 * turns them into `analysis.json` v1: the proposal stages (graph, cluster, propose, via
 * analyzer/assemble) fill `services`, `sharedKernel`, `wiring`, `metrics`, `baseline`, `risks`.
 */
import { ANALYSIS_VERSION, type Analysis } from './analysis.ts';
import { assembleAnalysis } from './assemble/index.ts';
import type { Constraints } from './cluster/constraints.ts';
import type { ProjectFacts } from './facts/types.ts';
import { summariseTraffic, type TrafficInput } from './graph/traffic-signal.ts';
import type { CouplingWeights } from './graph/weights.ts';
import { hasOwnGitDirectory, readGitHistory } from './history/git-log.ts';
import type { HistoryOptions } from './history/types.ts';
import { type ExpectedBoundaries, toExpectedAssignment } from './metrics/expected-boundaries.ts';
import { readProjectFacts } from './scan/index.ts';

export interface AnalyzeOptions {
  root: string;
  tsconfig?: string;
  exclude?: string[];
  includeTests?: boolean;
  /** `--cross-check`: also resolve with madge and warn where it disagrees (slow). */
  crossCheck?: boolean;
  /** Files parsed so far, out of the total: the CLI draws its progress bar from this. */
  onProgress?: (done: number, total: number) => void;
  /** Clock and memory probe, injectable for tests; default to the process's own. */
  now?: () => number;
  peakRssBytes?: () => number;
  /** About how many services to propose (`--services N`); default: the count that scores best. */
  services?: number | null;
  /** `--constraints`: together, apart, pin (already parsed, see analyzer/cluster/constraints.ts). */
  constraints?: Constraints;
  /** `--expected`: adds `metrics.mojofm` (already parsed, see analyzer/metrics/expected-boundaries.ts). */
  expected?: ExpectedBoundaries;
  /** Co-change from git history; default: on when `<root>/.git` exists. */
  git?: boolean;
  history?: Partial<HistoryOptions>;
  seed?: number;
  weights?: Partial<CouplingWeights>;
  /** `--traffic`: sessions the proxy recorded (the CLI reads them from the proxy's database). */
  traffic?: TrafficInput;
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
    ...(options.crossCheck ? { crossCheck: true } : {}),
  });
  const peak = options.peakRssBytes ?? (() => process.resourceUsage().maxRSS * 1024);
  const useGit = options.git ?? hasOwnGitDirectory(facts.root);
  const history = useGit ? await readGitHistory(facts.root, options.history) : null;
  const proposal = assembleAnalysis(facts, {
    services: options.services ?? null,
    history,
    ...(options.constraints ? { constraints: options.constraints } : {}),
    ...(options.expected
      ? {
          expected: toExpectedAssignment(
            options.expected,
            facts.files.map((file) => file.id),
          ),
        }
      : {}),
    ...(options.seed !== undefined ? { seed: options.seed } : {}),
    ...(options.weights ? { weights: options.weights } : {}),
    ...(options.traffic ? { traffic: options.traffic } : {}),
  });
  // The facts summary keeps counting import sites per kind; the proposal adds the rest.
  const summary = toFactsAnalysis(facts, {
    generatedAt: new Date().toISOString(),
    durationMs: now() - started,
    peakRssBytes: peak(),
  });
  const analysis = { ...proposal, generatedAt: summary.generatedAt, stats: summary.stats };
  return options.traffic ? withTrafficSettings(analysis, facts, options.traffic) : analysis;
}

/** Says in `settings.traffic` that traffic was used, and warns when it could not couple anything. */
function withTrafficSettings(analysis: Analysis, facts: ProjectFacts, traffic: TrafficInput): Analysis {
  const endpointModule = new Map(facts.endpoints.map((endpoint) => [endpoint.id, endpoint.file]));
  const summary = summariseTraffic(traffic, endpointModule);
  const warnings = [...analysis.warnings];
  if (summary.sessions === 0) {
    warnings.push({
      code: 'TRAFFIC_NO_SESSIONS',
      message:
        'The traffic database holds no sessions: configure `sessions` in the proxy config and let it serve traffic first',
    });
  } else if (summary.endpoints > 0 && summary.unmatchedEndpoints === summary.endpoints) {
    warnings.push({
      code: 'TRAFFIC_NO_MATCHING_ENDPOINTS',
      message: `None of the ${summary.endpoints} endpoints in the recorded sessions has a handler in this project: is it the monolith behind that proxy?`,
    });
  }
  return { ...analysis, settings: { ...analysis.settings, traffic: summary }, warnings };
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
