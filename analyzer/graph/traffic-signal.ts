import { round } from './static-signal.ts';
import { type CouplingEdge, compareEdges, pairKey } from './types.ts';
import type { CouplingWeights } from './weights.ts';

/**
 * Traffic coupling: endpoints hit together in one user session couple the modules that hold
 * their handlers. The proxy's store will produce this input (sessions from its traffic stats);
 * until then it is designed here and fed by tests only.
 */
export interface TrafficInput {
  /** One entry per session: the endpoint ids (`GET /api/orders/:id`) it hit. */
  sessions: Array<{ endpoints: string[] }>;
}

/** Pairs seen together in fewer sessions than this are noise. */
export const MIN_SHARED_SESSIONS = 2;

export function getTrafficEdges(
  traffic: TrafficInput,
  endpointModule: ReadonlyMap<string, string>,
  weights: CouplingWeights,
): CouplingEdge[] {
  const hits = new Map<string, number>();
  const shared = new Map<string, number>();
  for (const session of traffic.sessions) {
    const modules = [
      ...new Set(session.endpoints.map((id) => endpointModule.get(id)).filter((m): m is string => !!m)),
    ].sort();
    for (const module of modules) hits.set(module, (hits.get(module) ?? 0) + 1);
    for (let i = 0; i < modules.length; i++) {
      for (let j = i + 1; j < modules.length; j++) {
        const key = pairKey(modules[i]!, modules[j]!).join('\0');
        shared.set(key, (shared.get(key) ?? 0) + 1);
      }
    }
  }
  const edges: CouplingEdge[] = [];
  for (const [key, count] of shared) {
    if (count < MIN_SHARED_SESSIONS) continue;
    const [from, to] = key.split('\0') as [string, string];
    const confidence = count / Math.min(hits.get(from)!, hits.get(to)!);
    edges.push({
      from,
      to,
      kind: 'traffic',
      weight: round(weights.traffic * confidence),
      symbols: [],
      count,
    });
  }
  return edges.sort(compareEdges);
}
