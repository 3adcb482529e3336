/**
 * The what-if editor's judge: the analyzer's own metric code, bundled into the page by
 * esbuild at report time (analyzer/report/html-bundle.ts), so the page and `strangler
 * analyze` can never disagree on a number.
 */
import type { Analysis, Metrics } from '../../analysis.ts';
import { computeMetrics } from '../../metrics/index.ts';
import type { Assignment } from '../partition-view.ts';

export function evaluate(analysis: Analysis, assignment: Assignment): Metrics {
  const modules = analysis.modules.map((module) => module.id).filter((id) => assignment[id] !== undefined);
  const edges = analysis.edges.map((edge) => ({
    from: edge.from,
    to: edge.to,
    weight: edge.weight,
    kind: edge.kind,
  }));
  return computeMetrics({ modules, edges, assignment });
}
