/**
 * What a partition looks like from the outside, for any assignment of modules to services:
 * the service-to-service dependencies with their symbols, the imports that cross the cut and
 * the tables several services touch. The HTML report's what-if editor recomputes it after
 * every move; the numbers that judge the partition come from the analyzer's metrics instead.
 * Browser-safe: no Node imports, types only from the contract.
 */
import type { Analysis } from '../analysis.ts';

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
}

export interface SharedTableView {
  name: string;
  services: Array<{ service: string; reads: boolean; writes: boolean }>;
  /** More than one service writes it: the riskiest kind of sharing. */
  sharedWrite: boolean;
}

export interface PartitionView {
  services: ServiceView[];
  dependencies: DependencyView[];
  crossings: CrossingView[];
  sharedTables: SharedTableView[];
}

const CODE_KINDS = new Set(['import', 'type', 'dynamic', 'require', 'reexport']);

/** The proposal's own assignment, as analysis.json records it. */
export function getProposedAssignment(analysis: Analysis): Assignment {
  const assignment: Assignment = {};
  for (const module of analysis.modules) if (module.service) assignment[module.id] = module.service;
  return assignment;
}

export function toPartitionView(analysis: Analysis, assignment: Assignment): PartitionView {
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
  const crossings: CrossingView[] = [];
  const dependencies = new Map<string, DependencyView>();
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
    });
    const key = `${fromService}\0${toService}`;
    const dependency = dependencies.get(key) ?? { from: fromService, to: toService, symbols: [], calls: 0 };
    dependency.calls += 1;
    for (const symbol of edge.symbols) {
      const qualified = `${edge.to}#${symbol}`;
      if (!dependency.symbols.includes(qualified)) dependency.symbols.push(qualified);
    }
    dependencies.set(key, dependency);
  }
  return {
    services: services.filter((service) => service.modules.length > 0),
    dependencies: [...dependencies.values()].sort(
      (a, b) => a.from.localeCompare(b.from) || a.to.localeCompare(b.to),
    ),
    crossings,
    sharedTables: getSharedTables(analysis, assignment),
  };
}

function getSharedTables(analysis: Analysis, assignment: Assignment): SharedTableView[] {
  const shared: SharedTableView[] = [];
  for (const table of analysis.tables) {
    const access = new Map<string, { service: string; reads: boolean; writes: boolean }>();
    const touch = (module: string, side: 'reads' | 'writes') => {
      const service = assignment[module];
      if (!service) return;
      const entry = access.get(service) ?? { service, reads: false, writes: false };
      entry[side] = true;
      access.set(service, entry);
    };
    for (const module of table.readers) touch(module, 'reads');
    for (const module of table.writers) touch(module, 'writes');
    if (access.size < 2) continue;
    const services = [...access.values()].sort((a, b) => a.service.localeCompare(b.service));
    shared.push({ name: table.name, services, sharedWrite: services.filter((s) => s.writes).length > 1 });
  }
  return shared.sort((a, b) => a.name.localeCompare(b.name));
}

/** The edited partition as a `--constraints` file: a pin per module (docs/analyzer.md, "Constraints"). */
export function toConstraintsFile(assignment: Assignment): { pin: Record<string, string> } {
  const pin: Record<string, string> = {};
  for (const id of Object.keys(assignment).sort()) pin[id] = assignment[id] as string;
  return { pin };
}
