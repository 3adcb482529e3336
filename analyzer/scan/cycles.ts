import madge from 'madge';
import type { ImportSite } from './file-scan.ts';

/**
 * Import cycles, by handing madge the tree we resolved ourselves (its own resolver misses
 * tsconfig `paths` without `baseUrl` and is several times slower). Type-only imports are left
 * out: they vanish at run time and cannot make a module load before its dependency.
 */
export async function findCycles(
  importsByFile: ReadonlyMap<string, readonly ImportSite[]>,
): Promise<string[][]> {
  const tree: Record<string, string[]> = {};
  for (const [file, sites] of importsByFile) {
    const deps = new Set<string>();
    for (const site of sites)
      if (site.target && site.kind !== 'type' && site.target !== file) deps.add(site.target);
    tree[file] = [...deps].sort();
  }
  const result = await madge(tree);
  return result.circular().map((cycle) => [...cycle]);
}
