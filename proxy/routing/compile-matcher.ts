/**
 * Compiles the routes of a table into a segment trie once, so a lookup costs the depth of
 * the path, not the number of routes. Specificity, compared segment by segment from the
 * left: a literal beats `:param`, which beats a trailing `*`; at the same node a route
 * naming the method beats one for any method. The walk tries children in that order and
 * backtracks, so the first route found is the most specific one.
 *
 * Literal segments compare case-insensitively and one trailing slash is ignored, matching
 * Express's defaults, so the proxy and the Express app behind it agree on what matched.
 */
import { StranglerError } from '../../errors/index.ts';
import type { Route } from '../model.ts';
import { ROUTING_ERRORS } from './errors.ts';

export type RouteMatcher = (method: string, path: string) => Route | null;

interface MethodSlot {
  byMethod: Map<string, Route>;
  any: Route | null;
}

interface TrieNode {
  literal: Map<string, TrieNode>;
  param: TrieNode | null;
  /** Routes whose pattern ends here. */
  exact: MethodSlot | null;
  /** Routes whose pattern is this prefix followed by `*` (zero or more further segments). */
  rest: MethodSlot | null;
}

const newNode = (): TrieNode => ({ literal: new Map(), param: null, exact: null, rest: null });

export function compileMatcher(routes: readonly Route[]): RouteMatcher {
  const root = newNode();
  for (const route of routes) insert(root, route);
  return (method, path) => {
    const segments = toSegments(path);
    return walk(root, segments, 0, method);
  };
}

function toSegments(path: string): string[] {
  const parts = path.split('/');
  // A normalised path starts with `/` and has no empty segment except a trailing one.
  const end = parts[parts.length - 1] === '' ? parts.length - 1 : parts.length;
  return parts.slice(1, Math.max(end, 1)).filter((s) => s !== '');
}

function insert(root: TrieNode, route: Route): void {
  const segments = toSegments(route.path);
  let node = root;
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i]!;
    if (segment === '*' || /^\*\w*$/.test(segment)) {
      if (i !== segments.length - 1) throw invalid(route, 'a `*` may only end the pattern');
      node.rest ??= { byMethod: new Map(), any: null };
      addToSlot(node.rest, route);
      return;
    }
    if (segment.startsWith(':')) {
      if (!/^:\w+$/.test(segment)) throw invalid(route, `unsupported parameter syntax "${segment}"`);
      node.param ??= newNode();
      node = node.param;
      continue;
    }
    if (/[*:?(){}]/.test(segment)) throw invalid(route, `unsupported pattern syntax in "${segment}"`);
    const key = segment.toLowerCase();
    let next = node.literal.get(key);
    if (!next) {
      next = newNode();
      node.literal.set(key, next);
    }
    node = next;
  }
  node.exact ??= { byMethod: new Map(), any: null };
  addToSlot(node.exact, route);
}

function addToSlot(slot: MethodSlot, route: Route): void {
  for (const method of route.methods) {
    if (method === '*') slot.any ??= route;
    else if (!slot.byMethod.has(method)) slot.byMethod.set(method, route);
  }
}

function pick(slot: MethodSlot | null, method: string): Route | null {
  if (!slot) return null;
  const named = slot.byMethod.get(method) ?? (method === 'HEAD' ? slot.byMethod.get('GET') : undefined);
  return named ?? slot.any;
}

function walk(node: TrieNode, segments: string[], index: number, method: string): Route | null {
  if (index === segments.length) {
    const found = pick(node.exact, method);
    if (found) return found;
  } else {
    const literal = node.literal.get(segments[index]!.toLowerCase());
    const viaLiteral = literal ? walk(literal, segments, index + 1, method) : null;
    if (viaLiteral) return viaLiteral;
    const viaParam = node.param ? walk(node.param, segments, index + 1, method) : null;
    if (viaParam) return viaParam;
  }
  return pick(node.rest, method);
}

function invalid(route: Route, why: string): StranglerError {
  return new StranglerError(ROUTING_ERRORS.ROUTE_PATTERN_INVALID, `Route ${route.key}: ${why}.`, {
    details: { routeId: route.id, path: route.path },
  });
}
