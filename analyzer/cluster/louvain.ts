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
    const neighbours = weighted.get(node)!;
    // Each pair once, from its smaller end; the default sort orders strings as `<` does.
    const later: string[] = [];
    for (const other of neighbours.keys()) if (node < other) later.push(other);
    for (const other of later.sort()) {
      const weight = neighbours.get(other)!;
      if (weight > 0) graph.addEdge(node, other, { weight });
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
 *
 * Called once per resolution tried on the same graph, so the graph is flattened to arrays once
 * (nodes and neighbour lists in the map's own order) and each call only reads them. Sums run
 * in the same order as a walk over the maps would, so the score is the same to the last bit.
 */
export function getPartitionQuality(graph: WeightedGraph, community: ReadonlyMap<string, number>): number {
  const flat = flatten(graph);
  const labelOf = new Float64Array(flat.nodes.length);
  for (let i = 0; i < flat.nodes.length; i++) labelOf[i] = community.get(flat.nodes[i]!)!;
  // Community label -> slot, in order of first appearance (as a Map keyed by label would be).
  const slotOf = new Map<number, number>();
  const degree: number[] = [];
  const inside: number[] = [];
  let total = 0;
  for (let i = 0; i < flat.nodes.length; i++) {
    const c = labelOf[i]!;
    const end = flat.starts[i + 1]!;
    if (flat.starts[i] === end) continue;
    let slot = slotOf.get(c);
    if (slot === undefined) {
      slot = degree.length;
      slotOf.set(c, slot);
      degree.push(0);
      inside.push(0);
    }
    for (let j = flat.starts[i]!; j < end; j++) {
      const weight = flat.weights[j]!;
      total += weight;
      degree[slot]! += weight;
      if (labelOf[flat.targets[j]!] === c) inside[slot]! += weight;
    }
  }
  if (total === 0) return 0;
  let q = 0;
  for (let slot = 0; slot < degree.length; slot++) q += inside[slot]! / total - (degree[slot]! / total) ** 2;
  return q;
}

interface FlatGraph {
  nodes: string[];
  /** Node i's neighbours are targets[starts[i]..starts[i+1]), with their weights. */
  starts: Int32Array;
  targets: Int32Array;
  weights: Float64Array;
  /** The graph's size when flattened: a graph that grew is flattened again. */
  size: number;
}

const flattened = new WeakMap<WeightedGraph, FlatGraph>();

function flatten(graph: WeightedGraph): FlatGraph {
  const known = flattened.get(graph);
  if (known && known.size === graph.size) return known;
  const nodes = [...graph.keys()];
  const index = new Map(nodes.map((node, i) => [node, i]));
  let count = 0;
  for (const neighbours of graph.values()) count += neighbours.size;
  const starts = new Int32Array(nodes.length + 1);
  const targets = new Int32Array(count);
  const weights = new Float64Array(count);
  let j = 0;
  for (let i = 0; i < nodes.length; i++) {
    starts[i] = j;
    for (const [other, weight] of graph.get(nodes[i]!)!) {
      // A neighbour that is not a node of the graph is in no community: it never counts inside.
      targets[j] = index.get(other) ?? -1;
      weights[j] = weight;
      j++;
    }
  }
  starts[nodes.length] = j;
  const flat = { nodes, starts, targets, weights, size: graph.size };
  flattened.set(graph, flat);
  return flat;
}
