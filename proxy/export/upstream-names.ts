import type { Route, RouteTable, ServiceTarget } from '../model.ts';

/** Where each mode sends a route's traffic on an edge, resolved once for all three exporters. */
export interface EdgeRoute {
  route: Route;
  /** The service target, or null when the route has none configured (it then stays on the monolith). */
  service: ServiceTarget | null;
  /** The mode the edge applies: a route without a known service is exported as `monolith`. */
  mode: Route['mode'];
  /** Canary share in whole percent as edges count it. */
  percent: number;
}

export function toEdgeRoutes(table: RouteTable, ordered: readonly Route[]): EdgeRoute[] {
  const services = new Map(table.services.map((service) => [service.name, service]));
  return ordered.map((route) => {
    const service = route.service ? (services.get(route.service) ?? null) : null;
    return {
      route,
      service,
      mode: service ? route.mode : 'monolith',
      percent: Math.round(route.percent),
    };
  });
}

/** `strangler_orders`: a name safe in nginx, Envoy and Kubernetes (lower-case, `_` or `-`). */
export function edgeName(name: string, separator: '_' | '-'): string {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, separator)
    .replace(new RegExp(`^\\${separator}+|\\${separator}+$`, 'g'), '');
}

export function hostAndPort(url: string): { host: string; port: number } {
  const parsed = new URL(url);
  const port = parsed.port ? Number(parsed.port) : parsed.protocol === 'https:' ? 443 : 80;
  return { host: parsed.hostname.replace(/^\[|\]$/g, ''), port };
}

/** The services that routes refer to, sorted, each once. */
export function usedServices(routes: readonly EdgeRoute[]): ServiceTarget[] {
  const byName = new Map<string, ServiceTarget>();
  for (const edge of routes) if (edge.service) byName.set(edge.service.name, edge.service);
  return [...byName.values()].sort((a, b) => (a.name < b.name ? -1 : 1));
}
