import type { ChangeHistory } from '../history/types.ts';
import { round } from './static-signal.ts';
import { type CouplingEdge, compareEdges, pairKey } from './types.ts';
import type { CouplingWeights } from './weights.ts';

/** Pairs that changed together fewer times than this are chance, not coupling. */
export const MIN_SHARED_COMMITS = 2;

/**
 * Logical coupling (Mazlami et al., ICWS 2017): files that change in the same commits belong
 * together. Confidence is shared commits over the commits of the less-changed file, so a file
 * touched in every commit does not couple to everything.
 */
export function getCochangeEdges(
  history: ChangeHistory,
  modules: ReadonlySet<string>,
  weights: CouplingWeights,
): CouplingEdge[] {
  const changes = new Map<string, number>();
  const shared = new Map<string, number>();
  for (const commit of history.commits) {
    const files = commit.files.filter((file) => modules.has(file)).sort();
    for (const file of files) changes.set(file, (changes.get(file) ?? 0) + 1);
    for (let i = 0; i < files.length; i++) {
      for (let j = i + 1; j < files.length; j++) {
        const key = pairKey(files[i]!, files[j]!).join('\0');
        shared.set(key, (shared.get(key) ?? 0) + 1);
      }
    }
  }
  const edges: CouplingEdge[] = [];
  for (const [key, count] of shared) {
    if (count < MIN_SHARED_COMMITS) continue;
    const [from, to] = key.split('\0') as [string, string];
    const confidence = count / Math.min(changes.get(from)!, changes.get(to)!);
    edges.push({
      from,
      to,
      kind: 'cochange',
      weight: round(weights.cochange * confidence),
      symbols: [],
      count,
    });
  }
  return edges.sort(compareEdges);
}
