/**
 * MoJo distance and MoJoFM (Tzerpos & Holt, WCRE 1999; exact algorithm: Wen & Tzerpos,
 * IWPC 2003; MoJoFM: Wen & Tzerpos, IWPC 2004). A partition is `object -> cluster name`;
 * only objects present in both partitions are compared.
 *
 * mno(A, B), the fewest Move and Join operations that turn A into B: tag every object of A
 * with its cluster in B; each cluster A_i joins the group of the B cluster it has most tags
 * of (its max tag). Then moves = sum_i (|A_i| - maxtag_i) and joins = l - g, where l is the
 * number of A clusters and g the number of non-empty groups. Ties between max tags are where
 * a greedy choice goes wrong: g is the size of a maximum matching between A clusters and
 * their max-tag B clusters. Picking a non-max tag never pays (it costs at least one move and
 * saves at most one join), so this is exact.
 */

type Partition = Readonly<Record<string, string>>;

/** mno(A, B): the one-way MoJo distance from `source` to `target`. */
export function mojoMoves(source: Partition, target: Partition): number {
  return computeMno(source, target).mno;
}

/** MoJo(A, B) = min(mno(A, B), mno(B, A)). */
export function mojoDistance(a: Partition, b: Partition): number {
  return Math.min(mojoMoves(a, b), mojoMoves(b, a));
}

/**
 * MoJoFM(A, B) = (1 - mno(A, B) / max mno(any A, B)) x 100, B the expected partition.
 * 100 means A is B; 0 means A is as far from B as a partition can be.
 */
export function mojofm(actual: Partition, expected: Partition): number {
  const { mno, objects, targetSizes } = computeMno(actual, expected);
  const worst = maxMno(objects, targetSizes);
  if (worst === 0) return 100;
  return (1 - mno / worst) * 100;
}

/**
 * The largest mno(A, B) over every partition A of the same n objects (Wen & Tzerpos 2004):
 * n - g, where g counts B's clusters, smallest first, while each can still host one more
 * group than the ones before it.
 */
export function maxMno(objects: number, targetSizes: readonly number[]): number {
  let groups = 0;
  for (const size of [...targetSizes].sort((x, y) => x - y)) {
    if (groups < size) groups++;
  }
  return objects - groups;
}

function computeMno(source: Partition, target: Partition) {
  const targetIndex = new Map<string, number>();
  const targetSizes: number[] = [];
  const sourceIndex = new Map<string, number>();
  const tags: Array<Map<number, number>> = [];
  let objects = 0;
  for (const object of Object.keys(source).sort()) {
    if (!Object.hasOwn(target, object)) continue;
    const to = target[object]!;
    objects++;
    let t = targetIndex.get(to);
    if (t === undefined) {
      t = targetSizes.length;
      targetIndex.set(to, t);
      targetSizes.push(0);
    }
    targetSizes[t]!++;
    const from = source[object]!;
    let s = sourceIndex.get(from);
    if (s === undefined) {
      s = tags.length;
      sourceIndex.set(from, s);
      tags.push(new Map());
    }
    const clusterTags = tags[s]!;
    clusterTags.set(t, (clusterTags.get(t) ?? 0) + 1);
  }
  let moves = 0;
  const maxTags: number[][] = [];
  for (const clusterTags of tags) {
    let total = 0;
    let best = 0;
    for (const count of clusterTags.values()) {
      total += count;
      best = Math.max(best, count);
    }
    moves += total - best;
    maxTags.push([...clusterTags].filter(([, count]) => count === best).map(([t]) => t));
  }
  const groups = maximumMatching(maxTags, targetSizes.length);
  return { mno: moves + tags.length - groups, objects, targetSizes };
}

/** Size of a maximum bipartite matching (Kuhn's augmenting paths); `adjacency[i]` lists i's partners. */
function maximumMatching(adjacency: readonly number[][], right: number): number {
  const matchOfRight = new Array<number>(right).fill(-1);
  let size = 0;
  for (let left = 0; left < adjacency.length; left++) {
    const visited = new Uint8Array(right);
    if (augment(left, adjacency, matchOfRight, visited)) size++;
  }
  return size;
}

function augment(left: number, adjacency: readonly number[][], matchOfRight: number[], visited: Uint8Array) {
  for (const r of adjacency[left]!) {
    if (visited[r]) continue;
    visited[r] = 1;
    if (matchOfRight[r] === -1 || augment(matchOfRight[r]!, adjacency, matchOfRight, visited)) {
      matchOfRight[r] = left;
      return true;
    }
  }
  return false;
}
