/**
 * A route's identity. The key (`GET /api/orders/:id`) is what people type; the id
 * (`get-api-orders-id`) is its slug, safe in URLs, and never changes once stored.
 */
import type { Route, RouteSetting, ShadowOptions } from '../model.ts';

/** `get, head` → `['GET', 'HEAD']`; `*` (or empty) → `['*']`. */
export function toMethods(method: string): string[] {
  const methods = [
    ...new Set(
      method
        .split(',')
        .map((m) => m.trim().toUpperCase())
        .filter(Boolean),
    ),
  ];
  return methods.length === 0 || methods.includes('*') ? ['*'] : methods;
}

export function toRouteKey(methods: readonly string[], path: string): string {
  return `${methods.join(',')} ${path}`;
}

/** Accepts `GET /api/orders/:id`, `get,head /x`, `* /x`, or a bare path (any method). */
export function parseRouteKey(text: string): { methods: string[]; path: string; key: string } | null {
  const trimmed = text.trim();
  const match = /^(?:(\*|[A-Za-z]+(?:,[A-Za-z]+)*)\s+)?(\/\S*)$/.exec(trimmed);
  if (!match) return null;
  const methods = toMethods(match[1] ?? '*');
  const path = match[2]!;
  return { methods, path, key: toRouteKey(methods, path) };
}

/** `GET /api/orders/:id` → `get-api-orders-id`; `* /api/*` → `any-api-prefix`. */
export function toRouteId(key: string): string {
  const slug = key
    .replace(/^\*/, 'any')
    .replace(/\/\*$/, '/prefix')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug || 'root';
}

/** A route as declared in config or a plan, before the store gives it its stored id. */
export function toRoute(input: {
  method?: string;
  path: string;
  service: string | null;
  mode: RouteSetting['mode'];
  percent: number;
  shadow?: ShadowOptions;
}): Route {
  const methods = toMethods(input.method ?? '*');
  const key = toRouteKey(methods, input.path);
  const route: Route = {
    id: toRouteId(key),
    key,
    methods,
    path: input.path,
    mode: input.mode,
    percent: input.percent,
    service: input.service,
  };
  if (input.shadow) route.shadow = input.shadow;
  return route;
}
