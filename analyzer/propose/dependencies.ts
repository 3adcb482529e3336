/**
 * What crosses each seam: for every pair of services, the symbols one imports from the other.
 * After extraction each becomes a remote call. Pure (no Node imports): the HTML report's
 * what-if editor runs it on every edit.
 */
import type { Analysis, AnalysisService } from '../analysis.ts';

export type ServiceDependency = AnalysisService['dependsOn'][number];

/** Import kinds that are calls at run time; type-only imports and re-exports are not. */
const CALL_KINDS = new Set(['import', 'require', 'dynamic']);

export function getServiceDependencies(
  edges: Analysis['edges'],
  assignment: Readonly<Record<string, string>>,
): Map<string, ServiceDependency[]> {
  const pairs = new Map<string, Map<string, { symbols: Set<string>; weight: number; calls: number }>>();
  for (const edge of edges) {
    if (!CALL_KINDS.has(edge.kind)) continue;
    const from = assignment[edge.from];
    const to = assignment[edge.to];
    if (!from || !to || from === to) continue;
    let targets = pairs.get(from);
    if (!targets) {
      targets = new Map();
      pairs.set(from, targets);
    }
    const entry = targets.get(to) ?? { symbols: new Set<string>(), weight: 0, calls: 0 };
    for (const symbol of edge.symbols) entry.symbols.add(`${edge.to}#${symbol}`);
    if (edge.symbols.length === 0) entry.symbols.add(`${edge.to}#*`);
    entry.weight += edge.weight;
    entry.calls += edge.count ?? 1;
    targets.set(to, entry);
  }
  const out = new Map<string, ServiceDependency[]>();
  for (const [from, targets] of pairs) {
    out.set(
      from,
      [...targets]
        .map(([service, { symbols, weight, calls }]) => ({
          service,
          symbols: [...symbols].sort(),
          weight: Math.round(weight * 1000) / 1000,
          calls,
        }))
        .sort((a, b) => (a.service < b.service ? -1 : 1)),
    );
  }
  return out;
}
