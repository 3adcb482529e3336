import { type CouplingEdge, pairKey } from './types.ts';

/**
 * The undirected view clustering works on: for each pair of modules, the summed weight of
 * every signal between them, and the share of each signal (to explain a module's ties).
 */
export interface Affinity {
  /** module -> neighbour -> total weight. Symmetric. */
  neighbours: Map<string, Map<string, number>>;
  /** `a\0b` (a < b) -> signal -> weight. */
  bySignal: Map<string, Map<string, number>>;
}

export function getAffinity(edges: readonly CouplingEdge[], include?: ReadonlySet<string>): Affinity {
  const neighbours = new Map<string, Map<string, number>>();
  const bump = (a: string, b: string, weight: number) => {
    let map = neighbours.get(a);
    if (!map) {
      map = new Map();
      neighbours.set(a, map);
    }
    map.set(b, (map.get(b) ?? 0) + weight);
  };
  const kept: CouplingEdge[] = [];
  for (const edge of edges) {
    if (edge.from === edge.to || edge.weight <= 0) continue;
    if (include && (!include.has(edge.from) || !include.has(edge.to))) continue;
    bump(edge.from, edge.to, edge.weight);
    bump(edge.to, edge.from, edge.weight);
    kept.push(edge);
  }
  // Per-signal shares are only read to explain a module's ties: clustering's second view
  // (with the folder prior, ~150k pairs at 5,000 files) never asks, so they are summed on use.
  let bySignal: Map<string, Map<string, number>> | null = null;
  return {
    neighbours,
    get bySignal() {
      bySignal ??= sumBySignal(kept);
      return bySignal;
    },
  };
}

function sumBySignal(edges: readonly CouplingEdge[]): Map<string, Map<string, number>> {
  const bySignal = new Map<string, Map<string, number>>();
  for (const edge of edges) {
    const key = edge.from < edge.to ? `${edge.from}\0${edge.to}` : `${edge.to}\0${edge.from}`;
    let signals = bySignal.get(key);
    if (!signals) {
      signals = new Map();
      bySignal.set(key, signals);
    }
    signals.set(edge.kind, (signals.get(edge.kind) ?? 0) + edge.weight);
  }
  return bySignal;
}

export function getTie(affinity: Affinity, a: string, b: string): number {
  return affinity.neighbours.get(a)?.get(b) ?? 0;
}

/** The signal that contributes most to a pair's tie. */
export function getStrongestSignal(affinity: Affinity, a: string, b: string): string {
  const signals = affinity.bySignal.get(pairKey(a, b).join('\0'));
  let best = 'none';
  let bestWeight = -1;
  for (const [signal, weight] of [...(signals ?? [])].sort(([x], [y]) => (x < y ? -1 : 1))) {
    if (weight > bestWeight) {
      best = signal;
      bestWeight = weight;
    }
  }
  return best;
}
