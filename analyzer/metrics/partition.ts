import type { MetricsInput } from './types.ts';

/**
 * The partition as the metrics see it: only modules listed in `input.modules` that have a
 * service take part, and only edges between two of them count. The shared kernel and wiring
 * are left out by the caller, so they neither help nor hurt a proposal.
 */
export interface Partition {
  /** Participating modules, in input order. */
  modules: string[];
  serviceOf: Map<string, string>;
  /** Service -> its modules, services in first-seen order. */
  members: Map<string, string[]>;
}

/** Edge kinds that stand for a call at run time: after extraction they become remote calls. */
export const CALL_EDGE_KINDS: ReadonlySet<string> = new Set(['import', 'dynamic', 'require', 'reexport']);

export function toPartition(input: MetricsInput): Partition {
  const serviceOf = new Map<string, string>();
  const members = new Map<string, string[]>();
  const modules: string[] = [];
  for (const id of input.modules) {
    if (!Object.hasOwn(input.assignment, id) || serviceOf.has(id)) continue;
    const service = input.assignment[id]!;
    serviceOf.set(id, service);
    modules.push(id);
    const list = members.get(service);
    if (list) list.push(id);
    else members.set(service, [id]);
  }
  return { modules, serviceOf, members };
}

/**
 * Edge weights summed per ordered pair (from -> to), self-loops and edges leaving the
 * partition dropped. `kinds` restricts which edge kinds count; weights <= 0 are ignored.
 */
export function getDirectedWeights(
  input: MetricsInput,
  partition: Partition,
  kinds?: ReadonlySet<string>,
): Map<string, Map<string, number>> {
  const out = new Map<string, Map<string, number>>();
  for (const edge of input.edges) {
    if (edge.from === edge.to || !(edge.weight > 0)) continue;
    if (kinds && !kinds.has(edge.kind)) continue;
    if (!partition.serviceOf.has(edge.from) || !partition.serviceOf.has(edge.to)) continue;
    let targets = out.get(edge.from);
    if (!targets) {
      targets = new Map<string, number>();
      out.set(edge.from, targets);
    }
    targets.set(edge.to, (targets.get(edge.to) ?? 0) + edge.weight);
  }
  return out;
}

/** Unordered pairs of distinct modules joined by at least one edge (either direction). */
export function getConnectedPairs(directed: Map<string, Map<string, number>>): Array<[string, string]> {
  const seen = new Set<string>();
  const pairs: Array<[string, string]> = [];
  for (const [from, targets] of directed) {
    for (const to of targets.keys()) {
      const [a, b] = from < to ? [from, to] : [to, from];
      const key = `${a}\0${b}`;
      if (seen.has(key)) continue;
      seen.add(key);
      pairs.push([a, b]);
    }
  }
  return pairs;
}
