/**
 * Facts in, `analysis.json` out: builds the coupling graph, clusters it, and turns the clusters
 * into the proposal (names, ownership, dependencies, extraction order, risks, metrics beside the
 * folder baseline). Pure: history and traffic arrive as data, files are read by the caller.
 */
import { ANALYSIS_VERSION, type Analysis } from '../analysis.ts';
import type { Constraints } from '../cluster/constraints.ts';
import { clusterModules } from '../cluster/index.ts';
import { DEFAULT_SEED } from '../cluster/rng.ts';
import type { ProjectFacts } from '../facts/types.ts';
import { getAffinity } from '../graph/affinity.ts';
import { buildModuleGraph, getSignals } from '../graph/build-module-graph.ts';
import type { TrafficInput } from '../graph/traffic-signal.ts';
import { type CouplingWeights, resolveWeights } from '../graph/weights.ts';
import type { ChangeHistory } from '../history/types.ts';
import { computeMetrics } from '../metrics/index.ts';
import { getServiceDependencies } from '../propose/dependencies.ts';
import { rankExtraction } from '../propose/extraction-order.ts';
import { getFolderBaseline } from '../propose/folder-baseline.ts';
import { nameServices } from '../propose/naming.ts';
import { getTableOwnership } from '../propose/ownership.ts';
import { findRisks } from '../propose/risks.ts';
import { explainModule } from '../propose/why.ts';
import { describeSelection } from './selection.ts';

export interface ProposalOptions {
  seed?: number;
  /** `--services N`. */
  services?: number | null;
  constraints?: Constraints;
  /** `--expected`, already resolved to module id -> expected service. */
  expected?: Record<string, string> | null;
  weights?: Partial<CouplingWeights>;
  history?: ChangeHistory | null;
  traffic?: TrafficInput | null;
}

export interface RunInfo {
  generatedAt: string;
  durationMs: number;
  peakRssBytes: number;
}

export function assembleAnalysis(
  facts: ProjectFacts,
  options: ProposalOptions = {},
  run?: Partial<RunInfo>,
): Analysis {
  const weights = resolveWeights(options.weights);
  const seed = options.seed ?? DEFAULT_SEED;
  const signals = { weights, history: options.history ?? null, traffic: options.traffic ?? null };
  const graph = buildModuleGraph(facts, signals);
  const cluster = clusterModules(facts, graph, {
    seed,
    folderWeight: weights.folder,
    services: options.services ?? null,
    ...(options.constraints ? { constraints: options.constraints } : {}),
  });

  const files = new Map(facts.files.map((file) => [file.id, file]));
  const endpointsOf = groupBy(facts.endpoints, (e) => e.file);
  const accessesOf = groupBy(facts.tableAccesses, (a) => a.file);
  const names = nameServices(
    cluster.services.map((service) => {
      const writes = new Map<string, number>();
      for (const id of service.modules) {
        for (const access of accessesOf.get(id) ?? []) {
          if (access.access === 'write') writes.set(access.table, (writes.get(access.table) ?? 0) + 1);
        }
      }
      return {
        modules: service.modules,
        pinned: service.pinned,
        paths: service.modules.flatMap((id) => (endpointsOf.get(id) ?? []).map((e) => e.path)),
        writes,
        loc: service.modules.reduce((sum, id) => sum + (files.get(id)?.loc ?? 0), 0),
      };
    }),
  );
  const assignment: Record<string, string> = {};
  cluster.services.forEach((service, i) => {
    for (const id of service.modules) assignment[id] = names[i]!;
  });
  const kernel = new Set(cluster.sharedKernel);
  const wiring = new Set(cluster.wiring);
  const affinity = getAffinity(graph.edges);

  const modules: Analysis['modules'] = graph.modules.map((id) => {
    const accesses = accessesOf.get(id) ?? [];
    return {
      id,
      loc: files.get(id)?.loc ?? 0,
      service: assignment[id] ?? null,
      role: kernel.has(id) ? 'shared-kernel' : wiring.has(id) ? 'wiring' : 'domain',
      exports: [...(files.get(id)?.exports ?? [])].sort(),
      endpoints: (endpointsOf.get(id) ?? []).map((e) => e.id).sort(),
      tables: {
        reads: unique(accesses.filter((a) => a.access === 'read').map((a) => a.table)),
        writes: unique(accesses.filter((a) => a.access === 'write').map((a) => a.table)),
      },
      why: explainModule(id, affinity, assignment),
    };
  });
  // The graph holds only output kinds; the folder prior lives inside clustering.
  const edges = graph.edges.map((e) => ({ ...e })) as Analysis['edges'];
  const transactions: Analysis['transactions'] = facts.transactions.map((tx) => ({
    file: tx.file,
    line: tx.line,
    tables: [...tx.tables].sort(),
    modules: [...tx.modules].sort(),
    services: unique(tx.modules.map((id) => assignment[id]).filter((s): s is string => !!s)),
  }));
  const tables = getTableOwnership(modules, transactions, assignment);
  const dependencies = getServiceDependencies(edges, assignment);
  const ranks = rankExtraction(
    names.map((name, i) => ({
      name,
      modules: cluster.services[i]!.modules,
      endpointPaths: cluster.services[i]!.modules.flatMap((id) =>
        (endpointsOf.get(id) ?? []).map((e) => e.path),
      ),
      dependsOn: dependencies.get(name) ?? [],
      loc: cluster.services[i]!.modules.reduce((sum, id) => sum + (files.get(id)?.loc ?? 0), 0),
      splitTransactions: transactions.filter((tx) => tx.services.length > 1 && tx.services.includes(name))
        .length,
    })),
    tables,
  );
  const services: Analysis['services'] = names
    .map((name, i) => {
      const ids = cluster.services[i]!.modules;
      const owned = tables.filter((t) => t.owner === name).map((t) => t.name);
      const rank = ranks.get(name)!;
      return {
        name,
        modules: ids,
        endpoints: ids.flatMap((id) => (endpointsOf.get(id) ?? []).map((e) => e.id)).sort(),
        tables: owned,
        reads: tables
          .filter((t) => t.owner !== name && t.access.some((a) => a.service === name && a.reads))
          .map((t) => t.name),
        dependsOn: dependencies.get(name) ?? [],
        extractionOrder: rank.order,
        extractionReasons: rank.reasons,
        scores: rank.scores,
      };
    })
    .sort((a, b) => a.extractionOrder - b.extractionOrder);

  const domainModules = graph.modules.filter((id) => Object.hasOwn(assignment, id));
  const expected = options.expected ?? undefined;
  const metricsFor = (partition: Record<string, string>) =>
    computeMetrics({
      modules: domainModules,
      edges,
      assignment: partition,
      ...(expected ? { expected } : {}),
    });
  const baseline = getFolderBaseline(domainModules);
  const forced = new Set(cluster.forcedSplits.map((tx) => `${tx.file}:${tx.line}`));
  const edgesByKind: Record<string, number> = {};
  for (const edge of edges) edgesByKind[edge.kind] = (edgesByKind[edge.kind] ?? 0) + 1;

  return {
    version: ANALYSIS_VERSION,
    root: facts.root,
    generatedAt: run?.generatedAt ?? new Date(0).toISOString(),
    modules,
    edges,
    endpoints: facts.endpoints
      .map((e) => ({
        id: e.id,
        method: e.method,
        path: e.path,
        file: e.file,
        line: e.line,
        framework: e.framework,
        service: assignment[e.file] ?? null,
      }))
      .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)),
    tables,
    transactions,
    services,
    sharedKernel: cluster.sharedKernel,
    wiring: cluster.wiring,
    cycles: facts.cycles,
    metrics: metricsFor(assignment),
    baseline: { name: baseline.name, services: baseline.services, metrics: metricsFor(baseline.assignment) },
    risks: findRisks(transactions, tables, services, forced),
    settings: {
      requestedServices: options.services ?? null,
      chosenResolution: cluster.chosenResolution,
      seed,
      weights: { ...weights },
      signals: getSignals(signals),
      selection: describeSelection(options.services ?? null, cluster, services.length),
      ...(expected ? { expected: sortRecord(expected) } : {}),
    },
    stats: {
      files: facts.files.length,
      edgesByKind,
      durationMs: run?.durationMs ?? 0,
      peakRssBytes: run?.peakRssBytes ?? 0,
    },
    warnings: [...facts.warnings, ...cluster.warnings],
  };
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = map.get(k);
    if (list) list.push(item);
    else map.set(k, [item]);
  }
  return map;
}

function unique(values: string[]): string[] {
  return [...new Set(values)].sort();
}

function sortRecord(record: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : 1)));
}
