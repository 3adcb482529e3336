import type { Route } from '../model.ts';

/**
 * A route's path pattern as edges understand it. Patterns are Express-style: `:name` matches
 * one segment, a trailing `*` matches the prefix and anything below it. Matching is
 * case-insensitive with an optional trailing slash, as Express routes by default, so an edge
 * cannot send `/API/Orders/1` somewhere the Node proxy would not.
 */
export interface PathSegment {
  kind: 'literal' | 'param';
  value: string;
}

export interface ParsedPattern {
  segments: PathSegment[];
  prefix: boolean;
}

export function parsePattern(path: string): ParsedPattern {
  const prefix = path.endsWith('/*') || path === '*';
  const body = prefix ? path.slice(0, -2) : path;
  const segments = body
    .split('/')
    .filter((part) => part.length > 0)
    .map(
      (part): PathSegment =>
        part.startsWith(':') ? { kind: 'param', value: part.slice(1) } : { kind: 'literal', value: part },
    );
  return { segments, prefix };
}

export function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** An anchored regular expression valid in PCRE (nginx), RE2 (Envoy) and Gateway API. */
export function toPathRegex(path: string): string {
  const { segments, prefix } = parsePattern(path);
  const body = segments
    .map((segment) => (segment.kind === 'param' ? '/[^/]+' : `/${escapeRegex(segment.value)}`))
    .join('');
  if (prefix) return `^${body}(/.*)?$`;
  return body === '' ? '^/$' : `^${body}/?$`;
}

/** Methods an edge must match: Express answers HEAD with a GET route, so GET implies HEAD. */
export function edgeMethods(route: Route): string[] | null {
  if (route.methods.includes('*')) return null;
  const methods = new Set(route.methods.map((method) => method.toUpperCase()));
  if (methods.has('GET')) methods.add('HEAD');
  return [...methods].sort();
}

/**
 * Most specific first: segment by segment a literal beats a parameter beats the end of a
 * prefix; then an exact pattern beats a prefix; then listed methods beat `*`; then the key,
 * so the order is total and exports are byte-for-byte reproducible.
 */
export function compareSpecificity(a: Route, b: Route): number {
  const pa = parsePattern(a.path);
  const pb = parsePattern(b.path);
  const length = Math.max(pa.segments.length, pb.segments.length);
  for (let i = 0; i < length; i++) {
    const rank = segmentRank(pa.segments[i]) - segmentRank(pb.segments[i]);
    if (rank !== 0) return rank;
  }
  if (pa.prefix !== pb.prefix) return pa.prefix ? 1 : -1;
  const aAny = a.methods.includes('*');
  const bAny = b.methods.includes('*');
  if (aAny !== bAny) return aAny ? 1 : -1;
  return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
}

function segmentRank(segment: PathSegment | undefined): number {
  if (!segment) return 2;
  return segment.kind === 'literal' ? 0 : 1;
}

export function orderBySpecificity(routes: readonly Route[]): Route[] {
  return [...routes].sort(compareSpecificity);
}
