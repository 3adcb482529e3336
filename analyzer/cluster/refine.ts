import type { WeightedGraph } from './louvain.ts';

/** Per group node: apart rule index -> side index. */
export type SideTags = ReadonlyMap<string, ReadonlyMap<number, number>>;

/**
 * Louvain knows nothing of apart rules: where one community holds two sides of a rule, split
 * it. The sides are the seeds; every other node joins the side it is most tied to, strongest
 * tie first, so the split follows the graph.
 */
export function splitApart(graph: WeightedGraph, community: Map<string, number>, tags: SideTags): void {
  for (let guard = 0; guard < 100; guard++) {
    const violation = findViolation(community, tags);
    if (!violation) return;
    const { label, rule } = violation;
    const members = [...community]
      .filter(([, c]) => c === label)
      .map(([node]) => node)
      .sort();
    const side = new Map<string, number>();
    for (const node of members) {
      const s = tags.get(node)?.get(rule);
      if (s !== undefined) side.set(node, s);
    }
    const pending = new Set(members.filter((node) => !side.has(node)));
    while (pending.size > 0) {
      let best: { node: string; side: number; tie: number } | null = null;
      for (const node of pending) {
        const ties = new Map<number, number>();
        for (const [other, weight] of graph.get(node) ?? []) {
          const s = side.get(other);
          if (s !== undefined) ties.set(s, (ties.get(s) ?? 0) + weight);
        }
        for (const [s, tie] of ties) {
          if (
            !best ||
            tie > best.tie ||
            (tie === best.tie && (node < best.node || (node === best.node && s < best.side)))
          ) {
            best = { node, side: s, tie };
          }
        }
      }
      if (!best) {
        // The rest is not tied to any side: it stays with the first side.
        const first = Math.min(...side.values());
        for (const node of pending) side.set(node, first);
        break;
      }
      side.set(best.node, best.side);
      pending.delete(best.node);
    }
    const sides = [...new Set(side.values())].sort((a, b) => a - b);
    let next = Math.max(...community.values()) + 1;
    const labels = new Map(sides.map((s, i) => [s, i === 0 ? label : next++]));
    for (const [node, s] of side) community.set(node, labels.get(s)!);
  }
}

function findViolation(
  community: ReadonlyMap<string, number>,
  tags: SideTags,
): { label: number; rule: number } | null {
  const seen = new Map<string, number>();
  for (const [node, label] of [...community].sort(([a], [b]) => (a < b ? -1 : 1))) {
    for (const [rule, side] of tags.get(node) ?? []) {
      const key = `${label}:${rule}`;
      const other = seen.get(key);
      if (other === undefined) seen.set(key, side);
      else if (other !== side) return { label, rule };
    }
  }
  return null;
}

/**
 * A community with no endpoint and no table is not a service but a helper of one: it joins the
 * community it is most tied to (or, with no ties, the one sharing most of its domain folders),
 * unless an apart rule forbids it.
 */
export function absorbIncapable(
  graph: WeightedGraph,
  community: Map<string, number>,
  capable: ReadonlySet<string>,
  tags: SideTags,
  domainOf: (node: string) => string,
): void {
  const members = getMembers(community);
  const order = [...members].sort(([a, x], [b, y]) => x.length - y.length || a - b).map(([label]) => label);
  for (const label of order) {
    const nodes = members.get(label);
    if (!nodes || nodes.some((node) => capable.has(node))) continue;
    const ties = new Map<number, number>();
    for (const node of nodes) {
      for (const [other, weight] of graph.get(node) ?? []) {
        const c = community.get(other)!;
        if (c !== label) ties.set(c, (ties.get(c) ?? 0) + weight);
      }
    }
    if (ties.size === 0) {
      const domains = new Set(nodes.map(domainOf));
      for (const [c, others] of members) {
        if (c === label) continue;
        const shared = others.filter((other) => domains.has(domainOf(other))).length;
        if (shared > 0) ties.set(c, shared);
      }
    }
    const target = [...ties]
      .filter(([c]) => isCompatible([...nodes, ...(members.get(c) ?? [])], tags))
      .sort(([a, x], [b, y]) => y - x || a - b)[0];
    if (!target) continue;
    for (const node of nodes) community.set(node, target[0]);
    members.set(target[0], [...members.get(target[0])!, ...nodes].sort());
    members.delete(label);
  }
}

function isCompatible(nodes: string[], tags: SideTags): boolean {
  const sides = new Map<number, number>();
  for (const node of nodes) {
    for (const [rule, side] of tags.get(node) ?? []) {
      if (sides.has(rule) && sides.get(rule) !== side) return false;
      sides.set(rule, side);
    }
  }
  return true;
}

export function getMembers(community: ReadonlyMap<string, number>): Map<number, string[]> {
  const members = new Map<number, string[]>();
  for (const [node, label] of [...community].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const list = members.get(label);
    if (list) list.push(node);
    else members.set(label, [node]);
  }
  return members;
}
