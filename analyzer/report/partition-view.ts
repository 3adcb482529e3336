/**
 * What the what-if editor shows for any assignment of modules to services. The numbers and the
 * judgement (metrics, service dependencies with their symbols, shared tables and their owner)
 * come from the analyzer's own `evaluatePartition`, bundled into the page; this file only
 * shapes them for display and lists the individual imports that cross the cut.
 * Browser-safe: no Node imports, types only from the contract.
 */
import type { Analysis, Metrics } from '../analysis.ts';
import { evaluatePartition } from '../propose/what-if.ts';

/** module id -> service name; modules left out belong to no service (shared kernel, wiring). */
export type Assignment = Record<string, string>;

export interface ServiceView {
  name: string;
  modules: string[];
  endpoints: string[];
  loc: number;
}

export interface DependencyView {
  from: string;
  to: string;
  /** `file#symbol`, as in analysis.json's `dependsOn`. */
  symbols: string[];
  /** Import sites. */
  calls: number;
}

export interface CrossingView {
  from: string;
  to: string;
  fromService: string;
  toService: string;
  kind: string;
  symbols: string[];
  /** False for type-only imports: they cross the cut but are no call at run time. */
  isCall: boolean;
}

export interface SharedTableView {
  name: string;
  owner: string | null;
  services: Array<{ service: string; reads: boolean; writes: boolean }>;
  /** More than one service writes it: the riskiest kind of sharing. */
  sharedWrite: boolean;
}

export interface PartitionView {
  metrics: Metrics;
  services: ServiceView[];
  dependencies: DependencyView[];
  crossings: CrossingView[];
  sharedTables: SharedTableView[];
}

const CODE_KINDS = new Set(['import', 'type', 'dynamic', 'require', 'reexport']);
const CALL_KINDS = new Set(['import', 'dynamic', 'require']);

export function toPartitionView(analysis: Analysis, assignment: Assignment): PartitionView {
  const evaluation = evaluatePartition(analysis, assignment);
  const names = [
    ...new Set([...analysis.services.map((service) => service.name), ...Object.values(assignment)]),
  ];
  const services = names.map((name): ServiceView => {
    const modules = analysis.modules.filter((module) => assignment[module.id] === name);
    return {
      name,
      modules: modules.map((module) => module.id),
      endpoints: modules.flatMap((module) => module.endpoints),
      loc: modules.reduce((sum, module) => sum + module.loc, 0),
    };
  });
  const dependencies = Object.entries(evaluation.dependsOn).flatMap(([from, list]) =>
    list.map((d): DependencyView => ({ from, to: d.service, symbols: d.symbols, calls: d.calls })),
  );
  const sharedTables = evaluation.sharedTables.map((table): SharedTableView => {
    const access = table.access.flatMap((a) =>
      a.service ? [{ service: a.service, reads: a.reads, writes: a.writes }] : [],
    );
    return {
      name: table.name,
      owner: table.owner,
      services: access.sort((a, b) => a.service.localeCompare(b.service)),
      sharedWrite: access.filter((a) => a.writes).length > 1,
    };
  });
  return {
    metrics: evaluation.metrics,
    services: services.filter((service) => service.modules.length > 0),
    dependencies: dependencies.sort((a, b) => a.from.localeCompare(b.from) || a.to.localeCompare(b.to)),
    crossings: getCrossings(analysis, assignment),
    sharedTables: sharedTables.sort((a, b) => a.name.localeCompare(b.name)),
  };
}

function getCrossings(analysis: Analysis, assignment: Assignment): CrossingView[] {
  const crossings: CrossingView[] = [];
  for (const edge of analysis.edges) {
    if (!CODE_KINDS.has(edge.kind)) continue;
    const fromService = assignment[edge.from];
    const toService = assignment[edge.to];
    if (!fromService || !toService || fromService === toService) continue;
    crossings.push({
      from: edge.from,
      to: edge.to,
      fromService,
      toService,
      kind: edge.kind,
      symbols: edge.symbols,
      isCall: CALL_KINDS.has(edge.kind),
    });
  }
  return crossings;
}

/** The edited partition as a `--constraints` file: a pin per module (docs/analyzer.md, "Constraints"). */
export function toConstraintsFile(assignment: Assignment): { pin: Record<string, string> } {
  const pin: Record<string, string> = {};
  for (const id of Object.keys(assignment).sort()) pin[id] = assignment[id] as string;
  return { pin };
}
