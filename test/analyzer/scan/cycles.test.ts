import madge from 'madge';
import { describe, expect, it } from 'vitest';
import { findCyclesInTree } from '../../../analyzer/scan/cycles.ts';

/** A small deterministic generator, so each graph below is the same on every run. */
function randomTree(seed: number, files: number, importsPerFile: number): Map<string, string[]> {
  let state = 1000 + seed * 7919;
  const next = () => {
    state = (state * 48271) % 2147483647;
    return state / 2 ** 31;
  };
  const names = Array.from({ length: files }, (_, i) => `src/area-${i % 7}/file-${i}.ts`);
  const tree = new Map<string, string[]>();
  for (const name of names) {
    const deps = new Set<string>();
    const count = Math.floor(next() * importsPerFile * 2);
    for (let i = 0; i < count; i++) {
      const dep = names[Math.floor(next() * files)]!;
      if (dep !== name) deps.add(dep);
    }
    tree.set(name, [...deps].sort());
  }
  return tree;
}

describe('import cycles', () => {
  it('lists the cycles madge lists, in the same order', async () => {
    for (const [seed, files, imports] of [
      [1, 12, 3],
      [2, 40, 2],
      [3, 200, 2],
      [4, 500, 3],
    ] as const) {
      const tree = randomTree(seed, files, imports);
      const theirs = (await madge(Object.fromEntries(tree))).circular();
      expect(theirs.length, `seed ${seed} has cycles to compare`).toBeGreaterThan(0);
      expect(findCyclesInTree(tree)).toEqual(theirs);
    }
  });

  it('follows an import chain longer than the call stack allows', () => {
    const length = 20_000;
    const tree = new Map<string, string[]>();
    for (let i = 0; i < length; i++) tree.set(`f${i}.ts`, [`f${(i + 1) % length}.ts`]);
    const cycles = findCyclesInTree(tree);
    expect(cycles).toHaveLength(1);
    expect(cycles[0]).toHaveLength(length);
  });
});
