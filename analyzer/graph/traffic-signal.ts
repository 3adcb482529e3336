import { round } from './static-signal.ts';
import { type CouplingEdge, compareEdges, pairKey } from './types.ts';
import type { CouplingWeights } from './weights.ts';

/**
 * Traffic coupling: endpoints hit together in one user session couple the modules that hold
 * their handlers. The proxy records the sessions (`proxy/sessions/`, table `traffic_sessions`);
 * `strangler analyze --traffic FILE` reads them and passes them here.
 */
export interface TrafficInput {
  /**
   * One entry per session: the endpoints it hit, as proxy route keys, which are the analyzer's
   * endpoint ids for single-method routes (`GET /api/orders/:id`); `GET,HEAD /x` and `* /x`
   * (routes written by hand in a proxy config) are resolved too.
   */
  sessions: Array<{ endpoints: string[] }>;
}

/** Pairs seen together in fewer sessions than this are noise. */
export const MIN_SHARED_SESSIONS = 2;

/** `GET /api/Orders/:orderId/` and `GET /api/orders/:id` are the same endpoint to the proxy. */
function toShape(path: string): string {
  const trimmed = path.length > 1 && path.endsWith('/') ? path.slice(0, -1) : path;
  return trimmed.toLowerCase().replace(/\/:\w+/g, '/:');
}

/**
 * Turns a session's endpoint (a proxy route key) into the module holding its handler. Exact
 * ids first; then by method and path shape (parameter names and case ignored, as the proxy's
 * matcher does); a route for several methods resolves only when all of them live in one module.
 * Prefix routes (`/api/orders/*`) name no single endpoint and resolve to nothing.
 */
export function createEndpointResolver(
  endpointModule: ReadonlyMap<string, string>,
): (endpoint: string) => string | undefined {
  const byShape = new Map<string, Set<string>>();
  const allMethods = new Set<string>();
  for (const [id, module] of endpointModule) {
    const space = id.indexOf(' ');
    if (space === -1) continue;
    allMethods.add(id.slice(0, space));
    const key = `${id.slice(0, space)} ${toShape(id.slice(space + 1))}`;
    const modules = byShape.get(key) ?? new Set<string>();
    modules.add(module);
    byShape.set(key, modules);
  }
  const cache = new Map<string, string | undefined>();
  return (endpoint) => {
    const exact = endpointModule.get(endpoint);
    if (exact) return exact;
    if (cache.has(endpoint)) return cache.get(endpoint);
    const space = endpoint.indexOf(' ');
    let found: string | undefined;
    if (space !== -1 && !endpoint.endsWith('/*')) {
      const shape = toShape(endpoint.slice(space + 1));
      const named = endpoint.slice(0, space).toUpperCase().split(',');
      const methods = named.includes('*') ? [...allMethods] : named;
      const modules = new Set<string>();
      for (const method of [...methods, 'ALL']) {
        for (const module of byShape.get(`${method} ${shape}`) ?? []) modules.add(module);
      }
      if (modules.size === 1) found = [...modules][0];
    }
    cache.set(endpoint, found);
    return found;
  };
}

/** What `settings.traffic` in analysis.json reports: how much of the traffic the code explains. */
export interface TrafficSummary {
  sessions: number;
  /** Distinct endpoints the sessions hit. */
  endpoints: number;
  /** Of those, the ones no handler in the code was found for (they add no coupling). */
  unmatchedEndpoints: number;
}

export function summariseTraffic(
  traffic: TrafficInput,
  endpointModule: ReadonlyMap<string, string>,
): TrafficSummary {
  const resolve = createEndpointResolver(endpointModule);
  const endpoints = new Set(traffic.sessions.flatMap((session) => session.endpoints));
  const unmatched = [...endpoints].filter((endpoint) => resolve(endpoint) === undefined);
  return {
    sessions: traffic.sessions.length,
    endpoints: endpoints.size,
    unmatchedEndpoints: unmatched.length,
  };
}

export function getTrafficEdges(
  traffic: TrafficInput,
  endpointModule: ReadonlyMap<string, string>,
  weights: CouplingWeights,
): CouplingEdge[] {
  const resolve = createEndpointResolver(endpointModule);
  const hits = new Map<string, number>();
  const shared = new Map<string, number>();
  for (const session of traffic.sessions) {
    const modules = [...new Set(session.endpoints.map(resolve).filter((m): m is string => !!m))].sort();
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
