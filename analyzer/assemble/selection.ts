import type { ClusterResult } from '../cluster/index.ts';

/** Says how the number of services was chosen, in a sentence the CLI and reports print. */
export function describeSelection(requested: number | null, cluster: ClusterResult, count: number) {
  const candidates = cluster.candidates;
  const resolution = cluster.chosenResolution;
  let reason: string;
  if (candidates.length === 0)
    reason = 'No module left to cluster after setting aside the shared kernel and wiring.';
  else if (requested === null) {
    const counts = [...new Set(candidates.map((c) => c.services))].sort((a, b) => a - b);
    reason = `No --services given: ${count} services scored best (modularity ${best(candidates)}) among ${counts.join(', ')} tried at resolutions ${candidates[0]!.resolution}-${candidates.at(-1)!.resolution}; chose resolution ${resolution}.`;
  } else if (count === requested) reason = `--services ${requested}: reached at resolution ${resolution}.`;
  else
    reason = `--services ${requested}: the closest the graph allows is ${count} (resolution ${resolution}).`;
  return { reason, candidates };
}

function best(candidates: ClusterResult['candidates']): number {
  return Math.max(...candidates.map((c) => c.quality));
}
