import { UndirectedGraph } from 'graphology';
import louvainModule from 'graphology-communities-louvain';
import { createRng } from './rng.ts';

// The package is CommonJS typed with `export default`: at run time the default import is the function.
const louvain = louvainModule as unknown as typeof louvainModule.default;

/** A weighted undirected graph of module groups: node -> neighbour -> weight (symmetric). */
export type WeightedGraph = Map<string, Map<string, number>>;

/**
 * The group graph as graphology holds it, built once and reused for every resolution tried.
 * Nodes and edges are inserted in sorted order because Louvain's visiting order (and so its
 * answer) follows insertion order.
 */
export interface LouvainGraph {
  graph: UndirectedGraph;
  nodes: string[];
}

export function toLouvainGraph(weighted: WeightedGraph): LouvainGraph {
  const graph = new UndirectedGraph({ allowSelfLoops: false });
  const nodes = [...weighted.keys()].sort();
  for (const node of nodes) graph.addNode(node);
  for (const node of nodes) {
    for (const [other, weight] of [...weighted.get(node)!].sort(([a], [b]) => (a < b ? -1 : 1))) {
      if (node < other && weight > 0) graph.addEdge(node, other, { weight });
    }
  }
  return { graph, nodes };
}

/**
 * Louvain community detection with a fixed seed. Returns node -> community label, labels
 * renumbered by each community's smallest node.
 */
export function runLouvain(
  { graph, nodes }: LouvainGraph,
  resolution: number,
  seed: number,
): Map<string, number> {
  const communities = louvain(graph, { resolution, rng: createRng(seed), getEdgeWeight: 'weight' });
  const relabel = new Map<number, number>();
  const result = new Map<string, number>();
  for (const node of nodes) {
    const raw = communities[node]!;
    if (!relabel.has(raw)) relabel.set(raw, relabel.size);
    result.set(node, relabel.get(raw)!);
  }
  return result;
}

/**
 * Newman modularity (resolution 1) of a partition of the group graph: the score used to pick
 * a resolution. The reported metrics come from analyzer/metrics.
 */
export function getPartitionQuality(graph: WeightedGraph, community: ReadonlyMap<string, number>): number {
  let total = 0;
  const inside = new Map<number, number>();
  const degree = new Map<number, number>();
  for (const [node, neighbours] of graph) {
    const c = community.get(node)!;
    for (const [other, weight] of neighbours) {
      total += weight;
      degree.set(c, (degree.get(c) ?? 0) + weight);
      if (community.get(other) === c) inside.set(c, (inside.get(c) ?? 0) + weight);
    }
  }
  if (total === 0) return 0;
  let q = 0;
  for (const [c, d] of degree) q += (inside.get(c) ?? 0) / total - (d / total) ** 2;
  return q;
}
