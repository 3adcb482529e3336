/**
 * The what-if editor's engine: given an analysis and an edited partition, what do the metrics,
 * the cross-service calls and the shared tables become? Pure and free of Node imports, so the
 * HTML report bundles this very file (esbuild) and shows the same numbers the analyzer would.
 */
import type { Analysis, AnalysisTable, Metrics } from '../analysis.ts';
import { computeMetrics } from '../metrics/index.ts';
import { getServiceDependencies, type ServiceDependency } from './dependencies.ts';
import { getTableOwnership } from './ownership.ts';

export interface PartitionEvaluation {
  metrics: Metrics;
  /** service -> the services it calls, with the symbols that become remote calls. */
  dependsOn: Record<string, ServiceDependency[]>;
  /** Tables touched by more than one service; `owner` is the suggested owner. */
  sharedTables: AnalysisTable[];
}

/**
 * `assignment`: module id -> service name. Modules left out (or mapped to '') are set aside
 * like the shared kernel: they count in no service.
 */
export function evaluatePartition(
  analysis: Analysis,
  assignment: Record<string, string>,
): PartitionEvaluation {
  const clean: Record<string, string> = {};
  for (const module of analysis.modules) {
    const service = assignment[module.id];
    if (service) clean[module.id] = service;
  }
  const modules = analysis.modules.map((m) => m.id).filter((id) => Object.hasOwn(clean, id));
  const metrics = computeMetrics({
    modules,
    edges: analysis.edges,
    assignment: clean,
    ...(analysis.settings.expected ? { expected: analysis.settings.expected } : {}),
  });
  const dependsOn: Record<string, ServiceDependency[]> = {};
  for (const [service, deps] of getServiceDependencies(analysis.edges, clean)) dependsOn[service] = deps;
  const sharedTables = getTableOwnership(analysis.modules, analysis.transactions, clean).filter(
    (t) => t.shared,
  );
  return { metrics, dependsOn, sharedTables };
}

/** The analysis's own partition, as an assignment to start editing from. */
export function getAssignment(analysis: Analysis): Record<string, string> {
  const assignment: Record<string, string> = {};
  for (const module of analysis.modules) if (module.service) assignment[module.id] = module.service;
  return assignment;
}
