import { round } from './static-signal.ts';
import { type CouplingEdge, compareEdges } from './types.ts';
import type { CouplingWeights } from './weights.ts';

/** A folder this large is a dumping ground, not a statement about what belongs together. */
const MAX_FOLDER_SIZE = 400;

/**
 * Co-location, a weak prior: the developers put these files in one folder. Each module's ties
 * to its folder-mates add up to `weights.folder`, however large the folder, so code and data
 * coupling still decide; the prior only breaks near-ties the way the team already thinks.
 * Used for clustering only: it is not an edge of `analysis.json` and no metric counts it.
 */
export function getFolderEdges(modules: readonly string[], weights: CouplingWeights): CouplingEdge[] {
  if (weights.folder <= 0) return [];
  const byFolder = new Map<string, string[]>();
  for (const id of modules) {
    const folder = id.includes('/') ? id.slice(0, id.lastIndexOf('/')) : '.';
    const list = byFolder.get(folder);
    if (list) list.push(id);
    else byFolder.set(folder, [id]);
  }
  const edges: CouplingEdge[] = [];
  for (const ids of byFolder.values()) {
    if (ids.length < 2 || ids.length > MAX_FOLDER_SIZE) continue;
    const sorted = [...ids].sort();
    const weight = round(weights.folder / (sorted.length - 1));
    for (let i = 0; i < sorted.length; i++) {
      for (let j = i + 1; j < sorted.length; j++) {
        edges.push({ from: sorted[i]!, to: sorted[j]!, kind: 'folder', weight, symbols: [], count: 1 });
      }
    }
  }
  return edges.sort(compareEdges);
}
