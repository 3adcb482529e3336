import { mirroredMethods } from './mirror-policy.ts';
import { edgeMethods } from './route-pattern.ts';
import type { EdgeRoute } from './upstream-names.ts';

const SAFE_METHODS = ['GET', 'HEAD', 'OPTIONS'];

/**
 * Edges that match on one method set per rule (Envoy, Gateway API) need a route split where
 * its behaviour differs by method: safe methods are retried on 5xx and timeouts and mirrored
 * in shadow mode, other methods only when nothing reached the service.
 */
export interface RouteVariant {
  edge: EdgeRoute;
  /** Methods this variant matches; null = any method. */
  methods: string[] | null;
  /** Retry on 5xx/timeouts too (safe methods), not only when nothing was sent. */
  retryAfterSend: boolean;
  /** Send a shadow copy of these requests. */
  mirror: boolean;
}

export function toRouteVariants(edge: EdgeRoute): RouteVariant[] {
  const methods = edgeMethods(edge.route);
  const mirrored = edge.mode === 'shadow' ? mirroredMethods(edge.route) : [];
  const groups = new Map<string, { methods: string[]; retryAfterSend: boolean; mirror: boolean }>();
  const candidates = methods ?? [...new Set([...SAFE_METHODS, ...mirrored])].sort();
  for (const method of candidates) {
    const retryAfterSend = SAFE_METHODS.includes(method);
    const mirror = mirrored.includes(method);
    const key = `${retryAfterSend}:${mirror}`;
    const group = groups.get(key) ?? { methods: [], retryAfterSend, mirror };
    group.methods.push(method);
    groups.set(key, group);
  }
  const variants: RouteVariant[] = [...groups.values()].map((group) => ({ edge, ...group }));
  // A route for any method also needs a variant for everything not listed above.
  if (!methods) variants.push({ edge, methods: null, retryAfterSend: false, mirror: false });
  return variants;
}
