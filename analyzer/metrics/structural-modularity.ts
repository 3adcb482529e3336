import { CALL_EDGE_KINDS, getConnectedPairs, getDirectedWeights, toPartition } from './partition.ts';
import type { MetricsInput } from './types.ts';

/**
 * Structural modularity (SM, Jin et al. 2019, as computed by the Mono2Micro FSE'21 replication
 * package), on call edges only and unweighted: a pair of modules is connected or not.
 *
 *   scoh_i = mu_i / n_i^2                 mu_i: connected pairs inside service i
 *   scop_ij = sigma_ij / (2 n_i n_j)      sigma_ij: connected pairs between i and j
 *   SM = (1/K) sum_i scoh_i - (2 / (K (K-1))) sum_{i != j} scop_ij      (second term 0 when K = 1)
 *
 * Higher is better: dense inside services, sparse between them.
 */
export function structuralModularity(input: MetricsInput): number {
  const partition = toPartition(input);
  const k = partition.members.size;
  if (k === 0) return 0;
  const inside = new Map<string, number>();
  const between = new Map<string, number>();
  for (const [a, b] of getConnectedPairs(getDirectedWeights(input, partition, CALL_EDGE_KINDS))) {
    const sa = partition.serviceOf.get(a)!;
    const sb = partition.serviceOf.get(b)!;
    if (sa === sb) {
      inside.set(sa, (inside.get(sa) ?? 0) + 1);
    } else {
      const key = sa < sb ? `${sa}\0${sb}` : `${sb}\0${sa}`;
      between.set(key, (between.get(key) ?? 0) + 1);
    }
  }
  let cohesion = 0;
  for (const [service, modules] of partition.members) {
    cohesion += (inside.get(service) ?? 0) / (modules.length * modules.length);
  }
  cohesion /= k;
  if (k === 1) return cohesion;
  let coupling = 0;
  for (const [key, sigma] of between) {
    const [sa, sb] = key.split('\0') as [string, string];
    const ni = partition.members.get(sa)!.length;
    const nj = partition.members.get(sb)!.length;
    // Each unordered pair appears twice in the sum over i != j.
    coupling += 2 * (sigma / (2 * ni * nj));
  }
  return cohesion - (coupling * 2) / (k * (k - 1));
}
