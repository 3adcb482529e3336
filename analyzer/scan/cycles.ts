import type { ImportSite } from './file-scan.ts';

/**
 * Import cycles over the tree we resolved ourselves. Type-only imports are left out: they
 * vanish at run time and cannot make a module load before its dependency.
 *
 * The cycles are the ones madge's `circular()` lists for this tree, in the same order (files
 * in the order given, imports sorted, one cycle per back edge of a depth-first walk, each from
 * the imported file down the current path). We used to hand madge the tree; loading it cost
 * ~0.8 s of every run for a 40-line walk. `test/analyzer/scan/cycles.test.ts` holds the two equal.
 * The walk is iterative, so a long import chain cannot overflow the stack.
 */
export async function findCycles(
  importsByFile: ReadonlyMap<string, readonly ImportSite[]>,
): Promise<string[][]> {
  const tree = new Map<string, string[]>();
  for (const [file, sites] of importsByFile) {
    const deps = new Set<string>();
    for (const site of sites)
      if (site.target && site.kind !== 'type' && site.target !== file) deps.add(site.target);
    tree.set(file, [...deps].sort());
  }
  return findCyclesInTree(tree);
}

/** Depth-first: an import of a file still on the current path closes a cycle. */
export function findCyclesInTree(tree: ReadonlyMap<string, readonly string[]>): string[][] {
  const cycles: string[][] = [];
  const done = new Set<string>();
  const path: string[] = [];
  const onPath = new Map<string, number>();
  for (const start of tree.keys()) {
    if (done.has(start)) continue;
    // Each frame: the file and the index of the next import to follow.
    const frames: Array<{ file: string; next: number }> = [{ file: start, next: 0 }];
    onPath.set(start, 0);
    path.push(start);
    while (frames.length > 0) {
      const frame = frames[frames.length - 1]!;
      const deps = tree.get(frame.file) ?? [];
      if (frame.next < deps.length) {
        const dep = deps[frame.next++]!;
        if (done.has(dep)) continue;
        const at = onPath.get(dep);
        if (at !== undefined) {
          cycles.push(path.slice(at));
          continue;
        }
        onPath.set(dep, path.length);
        path.push(dep);
        frames.push({ file: dep, next: 0 });
      } else {
        frames.pop();
        path.pop();
        onPath.delete(frame.file);
        done.add(frame.file);
      }
    }
  }
  return cycles;
}
