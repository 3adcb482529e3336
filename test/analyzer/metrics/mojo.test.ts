import { describe, expect, it } from 'vitest';
import { maxMno, mojoDistance, mojofm, mojoMoves } from '../../../analyzer/metrics/index.ts';

/** `[["a","b"],["c"]]` -> `{ a: "0", b: "0", c: "1" }`. */
function partition(clusters: string[][]): Record<string, string> {
  const out: Record<string, string> = {};
  clusters.forEach((members, i) => {
    for (const object of members) out[object] = `C${i}`;
  });
  return out;
}

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => String(from + i));

describe('MoJo distance', () => {
  it('is zero between identical partitions, whatever the cluster names', () => {
    const a = partition([['1', '2'], ['3']]);
    const b = { '1': 'orders', '2': 'orders', '3': 'billing' };
    expect(mojoMoves(a, b)).toBe(0);
    expect(mojofm(a, b)).toBe(100);
  });

  it('counts one move per misplaced object', () => {
    const actual = partition([
      ['1', '2', '3', '4', '6'],
      ['5', '7', '8', '9', '10'],
    ]);
    const expected = partition([range(1, 5), range(6, 10)]);
    expect(mojoMoves(actual, expected)).toBe(2);
    // max mno: B = 5 + 5 -> n - 2 = 8
    expect(mojofm(actual, expected)).toBeCloseTo(75, 10);
  });

  it('counts one join per extra cluster', () => {
    const actual = partition([['1', '2', '3'], ['4', '5'], range(6, 10)]);
    const expected = partition([range(1, 5), range(6, 10)]);
    expect(mojoMoves(actual, expected)).toBe(1);
    expect(mojofm(actual, expected)).toBeCloseTo(87.5, 10);
  });

  it('breaks ties between max tags with a matching, where a greedy pick overcounts', () => {
    // A1 = {1,2,5,6} has two objects of each B cluster. Sending A1 to B2 and moving 1 and 2
    // over to A2 takes 2 operations; sending it to B1 takes 2 moves plus a join.
    const actual = partition([
      ['1', '2', '5', '6'],
      ['3', '4'],
    ]);
    const expected = partition([
      ['1', '2', '3', '4'],
      ['5', '6'],
    ]);
    expect(mojoMoves(actual, expected)).toBe(2);
    expect(maxMno(6, [4, 2])).toBe(4);
    expect(mojofm(actual, expected)).toBeCloseTo(50, 10);
  });

  it('gives 0 to the two worst answers: everything in one service, every module alone', () => {
    const expected = partition([
      ['1', '2'],
      ['3', '4'],
    ]);
    expect(mojofm(partition([['1', '2', '3', '4']]), expected)).toBe(0);
    expect(mojofm(partition([['1'], ['2'], ['3'], ['4']]), expected)).toBe(0);
  });

  it('compares only the objects both partitions know', () => {
    const actual = { a: 'x', b: 'x', kernel: 'y' };
    const expected = { a: 'orders', b: 'orders', legacy: 'billing' };
    expect(mojoMoves(actual, expected)).toBe(0);
  });

  it('equals the true fewest Move/Join operations, found by exhaustive search, on random small cases', () => {
    const random = mulberry32(20_241_123);
    for (let round = 0; round < 150; round++) {
      const n = 1 + Math.floor(random() * 6);
      const objects = range(1, n);
      const a = randomPartition(objects, random);
      const b = randomPartition(objects, random);
      const truth = fewestOperations(a, b);
      expect(mojoMoves(a, b), JSON.stringify({ a, b })).toBe(truth);
      expect(mojoDistance(a, b)).toBe(Math.min(truth, fewestOperations(b, a)));
      const fm = mojofm(a, b);
      expect(fm).toBeGreaterThanOrEqual(0);
      expect(fm).toBeLessThanOrEqual(100);
    }
  });
});

/** Breadth-first search over real Move and Join operations, clusters unlabeled. */
function fewestOperations(source: Record<string, string>, target: Record<string, string>): number {
  const objects = Object.keys(source).sort();
  const goal = canonical(objects.map((o) => target[o]!));
  let frontier = [objects.map((o) => source[o]!)];
  const seen = new Set([canonical(frontier[0]!)]);
  for (let depth = 0; ; depth++) {
    const next: string[][] = [];
    for (const labels of frontier) {
      if (canonical(labels) === goal) return depth;
      const clusters = [...new Set(labels)];
      const neighbours: string[][] = [];
      labels.forEach((_, i) => {
        for (const to of [...clusters, `new${depth}`]) {
          if (to !== labels[i]) neighbours.push(labels.map((l, j) => (j === i ? to : l)));
        }
      });
      for (const x of clusters)
        for (const y of clusters) if (x < y) neighbours.push(labels.map((l) => (l === y ? x : l)));
      for (const candidate of neighbours) {
        const key = canonical(candidate);
        if (!seen.has(key)) {
          seen.add(key);
          next.push(candidate);
        }
      }
    }
    frontier = next;
  }
}

function canonical(labels: string[]): string {
  const names = new Map<string, number>();
  return labels
    .map((l) => {
      if (!names.has(l)) names.set(l, names.size);
      return names.get(l);
    })
    .join(',');
}

function randomPartition(objects: string[], random: () => number): Record<string, string> {
  const clusters = 1 + Math.floor(random() * objects.length);
  return Object.fromEntries(objects.map((o) => [o, `c${Math.floor(random() * clusters)}`]));
}

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
