/**
 * request → route → decision. A `RouteTable` is compiled once (matcher + service lookup) and
 * the compiled form is cached on the table object, so swapping the table is one pointer
 * write and a request decides against the table it read when it arrived.
 */
import type { IncomingMessage } from 'node:http';
import type { StickyKey } from '../config/schema.ts';
import type { Destination, Route, RouteTable, ServiceTarget } from '../model.ts';
import { isInCanary, toBucket } from './canary-bucket.ts';
import { compileMatcher, type RouteMatcher } from './compile-matcher.ts';
import { createOverrideReader, createStickyKeyReader, type OverrideConfig } from './request-keys.ts';

export type DecisionReason =
  | 'unmatched'
  | 'mode'
  | 'canary-in'
  | 'canary-out'
  | 'override'
  /** The route names no service, or one the table does not know: the monolith serves. */
  | 'no-service';

export interface RoutingDecision {
  route: Route | null;
  destination: Destination;
  target: ServiceTarget;
  /** The route's service when it has a known one, even when the monolith serves (for stats). */
  service: ServiceTarget | null;
  reason: DecisionReason;
  /**
   * The monolith serves and the service should get a copy after the response: the route is in
   * `shadow` mode, or in `canary` mode with `shadow.duringCanary` (the share outside the canary).
   */
  shadow: boolean;
}

export interface RoutingOptions {
  canary: { key: StickyKey };
  override?: OverrideConfig | undefined;
}

export interface CompiledTable {
  table: RouteTable;
  match: RouteMatcher;
  services: Map<string, ServiceTarget>;
}

const compiled = new WeakMap<RouteTable, CompiledTable>();

export function compileTable(table: RouteTable): CompiledTable {
  let entry = compiled.get(table);
  if (!entry) {
    const services = new Map(table.services.map((s) => [s.name, s]));
    entry = { table, match: compileMatcher(table.routes), services };
    compiled.set(table, entry);
  }
  return entry;
}

export type Router = (table: RouteTable, req: IncomingMessage, path: string) => RoutingDecision;

export function createRouter(options: RoutingOptions): Router {
  const readKey = createStickyKeyReader(options.canary.key);
  const readOverride = createOverrideReader(options.override);
  return (table, req, path) => {
    const { match, services } = compileTable(table);
    const monolith = table.monolith;
    const route = match(req.method ?? 'GET', path);
    if (!route) return decision(null, 'monolith', monolith, null, 'unmatched');
    const service = route.service === null ? null : (services.get(route.service) ?? null);
    const forced = readOverride?.(req) ?? null;
    if (forced) {
      const toService = forced === 'service' && service !== null;
      return decision(
        route,
        toService ? 'service' : 'monolith',
        toService ? service : monolith,
        service,
        'override',
      );
    }
    if (!service || route.mode === 'monolith' || route.mode === 'shadow') {
      const out = decision(route, 'monolith', monolith, service, service ? 'mode' : 'no-service');
      out.shadow = route.mode === 'shadow' && service !== null;
      return out;
    }
    if (route.mode === 'service') return decision(route, 'service', service, service, 'mode');
    const inside = isInCanary(toBucket(readKey(req)), route.percent);
    if (inside) return decision(route, 'service', service, service, 'canary-in');
    const out = decision(route, 'monolith', monolith, service, 'canary-out');
    out.shadow = isMirroredDuringCanary(route);
    return out;
  };
}

/**
 * "While shadowing continues": a canary keeps comparing the monolith's share only when its route
 * says so, because mirroring it sends the service a copy of every request it does not serve.
 */
export function isMirroredDuringCanary(route: Route): boolean {
  return route.mode === 'canary' && route.shadow?.duringCanary === true;
}

function decision(
  route: Route | null,
  destination: Destination,
  target: ServiceTarget,
  service: ServiceTarget | null,
  reason: DecisionReason,
): RoutingDecision {
  return { route, destination, target, service, reason, shadow: false };
}
