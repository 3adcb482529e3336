/**
 * What the page shows, computed from the admin API's answers as plain functions (no DOM), so
 * the numbers can be checked against `GET /stats` directly.
 */
import type { Route, RouteChange, RouteMode, RouteTable } from '../../../model.ts';
import type { Readiness, RouteDiffReport } from '../../../shadow/types.ts';
import type { StatsSnapshot } from '../../../stats/create-stats.ts';
import type { TrafficRow } from '../../../store/route-store.ts';

export type { Route, RouteChange, RouteDiffReport, RouteMode, RouteTable, StatsSnapshot, TrafficRow };
export const MODES: readonly RouteMode[] = ['monolith', 'shadow', 'canary', 'service'];

export interface StatsAnswer {
  revision: number;
  live: StatsSnapshot;
  minutes: TrafficRow[];
}
export type RoutesAnswer = Omit<RouteTable, 'routes'> & { routes: Array<Route & { readiness?: Readiness }> };

/** One poll of the admin API. */
export interface Snapshot {
  table: RoutesAnswer;
  stats: StatsAnswer;
  diffs: RouteDiffReport[];
  /** Browser time of the poll, for rates between two polls. */
  at: number;
}

export interface RouteRow {
  id: string;
  key: string;
  method: string;
  path: string;
  service: string | null;
  mode: RouteMode;
  percent: number;
  requests: number;
  /** Requests per second between the last two polls; null after the first. */
  perSecond: number | null;
  errorRate: number | null;
  p95Ms: number | null;
  matchRate: number | null;
  readiness: Readiness | null;
}

type LiveRoute = StatsSnapshot['routes'][number];

function liveOf(stats: StatsSnapshot, routeId: string): LiveRoute[] {
  return stats.routes.filter((r) => r.route === routeId);
}
const sum = (rows: LiveRoute[], pick: (r: LiveRoute) => number) => rows.reduce((n, r) => n + pick(r), 0);

/** The q-quantile over several targets' histograms: the bucket's upper bound, like `p50Ms`/`p99Ms`. */
export function quantileMs(rows: LiveRoute[], bounds: readonly number[], q: number): number | null {
  const count = sum(rows, (r) => r.latency.count);
  if (count === 0) return null;
  const maxMs = Math.max(...rows.map((r) => r.latency.maxMs));
  const rank = Math.ceil(q * count);
  let seen = 0;
  for (let i = 0; i <= bounds.length; i++) {
    seen += sum(rows, (r) => r.latency.buckets[i] ?? 0);
    if (seen >= rank) return i < bounds.length ? Math.min(bounds[i]!, maxMs) : maxMs;
  }
  return maxMs;
}

export function toRouteRows(now: Snapshot, previous: Snapshot | null): RouteRow[] {
  const diffs = new Map(now.diffs.map((d) => [d.routeId, d]));
  const seconds = previous ? (now.at - previous.at) / 1000 : 0;
  return now.table.routes.map((route) => {
    const rows = liveOf(now.stats.live, route.id);
    const requests = sum(rows, (r) => r.requests);
    const errors = sum(rows, (r) => r.errors);
    const before = previous ? sum(liveOf(previous.stats.live, route.id), (r) => r.requests) : 0;
    const readiness = route.readiness ?? diffs.get(route.id)?.readiness ?? null;
    return {
      id: route.id,
      key: route.key,
      method: route.methods.join(','),
      path: route.path,
      service: route.service,
      mode: route.mode,
      percent: route.percent,
      requests,
      perSecond: previous && seconds > 0 ? Math.max(0, requests - before) / seconds : null,
      errorRate: requests > 0 ? errors / requests : null,
      p95Ms: quantileMs(rows, now.stats.live.bucketBoundsMs, 0.95),
      matchRate: readiness?.matchRate ?? null,
      readiness,
    };
  });
}

export function countModes(routes: readonly Route[]): Record<RouteMode, number> {
  const counts = { monolith: 0, shadow: 0, canary: 0, service: 0 } as Record<RouteMode, number>;
  for (const route of routes) counts[route.mode]++;
  return counts;
}

export interface MinuteShare {
  /** ISO minute. */
  minute: string;
  services: number;
  monolith: number;
}

/** Requests per minute served by services vs the monolith, one entry per minute of the window (gaps as 0). */
export function shareSeries(
  rows: readonly TrafficRow[],
  nowMs: number,
  windowMinutes: number,
): MinuteShare[] {
  const end = Math.floor(nowMs / 60_000) * 60_000;
  const series: MinuteShare[] = [];
  const index = new Map<string, MinuteShare>();
  for (let i = windowMinutes - 1; i >= 0; i--) {
    const minute = new Date(end - i * 60_000).toISOString();
    const entry = { minute, services: 0, monolith: 0 };
    series.push(entry);
    index.set(minute, entry);
  }
  for (const row of rows) {
    const entry = index.get(new Date(row.minute).toISOString());
    if (!entry) continue;
    if (row.target === 'monolith') entry.monolith += row.requests;
    else entry.services += row.requests;
  }
  return series;
}

/** Share of requests served by services in live counters since the proxy started. */
export function liveShare(stats: StatsSnapshot): { services: number; monolith: number } {
  let services = 0;
  let monolith = 0;
  for (const row of stats.routes) {
    if (row.target === 'monolith') monolith += row.requests;
    else services += row.requests;
  }
  return { services, monolith };
}

export interface ServiceHealth {
  name: string;
  url: string;
  breaker: string;
  routes: number;
  requests: number;
  errorRate: number | null;
  fallbacks: number;
  /** `healthy`, `degraded` (errors or fallbacks) or `down` (breaker open). */
  health: 'healthy' | 'degraded' | 'down' | 'idle';
}

export function serviceHealth(table: RouteTable, stats: StatsSnapshot): ServiceHealth[] {
  return table.services.map((service) => {
    const rows = stats.routes.filter((r) => r.target === service.name);
    const requests = sum(rows, (r) => r.requests);
    const errors = sum(rows, (r) => r.errors);
    const fallbacks = sum(rows, (r) => r.fallbacks);
    const breaker = stats.breakers.find((b) => b.service === service.name)?.state ?? 'closed';
    const errorRate = requests > 0 ? errors / requests : null;
    const health =
      breaker !== 'closed'
        ? 'down'
        : requests === 0
          ? 'idle'
          : (errorRate ?? 0) > 0.01 || fallbacks > 0
            ? 'degraded'
            : 'healthy';
    return {
      name: service.name,
      url: service.url,
      breaker,
      routes: table.routes.filter((r) => r.service === service.name && r.mode !== 'monolith').length,
      requests,
      errorRate,
      fallbacks,
      health,
    };
  });
}
