import { getDirectedWeights, toPartition } from './partition.ts';
import type { MetricsInput } from './types.ts';

/**
 * Newman's modularity of the partition on the weighted, undirected module graph (every edge
 * kind, with its weight; A->B and B->A add up):
 *
 *   Q = sum over services c of [ W_c / W - (D_c / 2W)^2 ]
 *
 * W is the total edge weight, W_c the weight of edges inside c, D_c the summed weighted degree
 * of c's modules. -0.5..1; 0 is what a random split scores, higher is better.
 */
export function modularity(input: MetricsInput): number {
  const partition = toPartition(input);
  const directed = getDirectedWeights(input, partition);
  let total = 0;
  const inside = new Map<string, number>();
  const degree = new Map<string, number>();
  for (const [from, targets] of directed) {
    const a = partition.serviceOf.get(from)!;
    for (const [to, weight] of targets) {
      const b = partition.serviceOf.get(to)!;
      total += weight;
      degree.set(a, (degree.get(a) ?? 0) + weight);
      degree.set(b, (degree.get(b) ?? 0) + weight);
      if (a === b) inside.set(a, (inside.get(a) ?? 0) + weight);
    }
  }
  if (total === 0) return 0;
  let q = 0;
  for (const service of partition.members.keys()) {
    const d = (degree.get(service) ?? 0) / (2 * total);
    q += (inside.get(service) ?? 0) / total - d * d;
  }
  return q;
}
