/**
 * Traffic stats of one proxy instance, kept as plain counters in memory so the request path
 * pays a Map lookup and a few increments, nothing more. Two readers:
 * - `registry` (prom-client, one per instance): the admin API's `GET /metrics`. The metrics
 *   are read from the same counters when scraped (prom-client's metric `get()` contract), so
 *   there is one source of truth and no per-request label hashing.
 * - `getStatsSnapshot()`: plain data for `GET /stats` and for the store's batched flush.
 */
import { Registry } from 'prom-client';
import type { BreakerState } from '../forward/circuit-breaker.ts';
import { LATENCY_BUCKETS_MS, toPromMetrics } from './prometheus.ts';

/** Why the monolith served a request that routing meant for a service. */
export type FallbackReason = 'breaker-open' | 'unreachable' | 'reset' | 'timeout' | 'status-5xx';
export type ErrorKind = FallbackReason | 'bad-request' | 'upstream-aborted' | 'client-aborted';

export interface RouteTargetCounters {
  /** Route id, or `(unmatched)` / `(invalid)`. */
  route: string;
  /** `monolith` or the service name. */
  target: string;
  requests: number;
  /** Responses with status >= 500 and requests that got no upstream response. */
  errors: number;
  /** Requests this target handed to the monolith (fallbacks are counted on the target that failed). */
  fallbacks: number;
  latency: { count: number; sumMs: number; maxMs: number; buckets: number[] };
  errorsByKind: Partial<Record<ErrorKind, number>>;
  fallbacksByReason: Partial<Record<FallbackReason, number>>;
}

export interface BreakerCounters {
  service: string;
  state: BreakerState;
  /** Transitions into each state since start. */
  transitions: Partial<Record<BreakerState, number>>;
}

export interface StatsSnapshot {
  /** ISO-8601 time the snapshot was taken; counters are cumulative since `since`. */
  at: string;
  since: string;
  /** Upper bounds (ms) of `latency.buckets`; the last bucket is +Inf. */
  bucketBoundsMs: readonly number[];
  routes: Array<RouteTargetCounters & { p50Ms: number | null; p99Ms: number | null }>;
  breakers: BreakerCounters[];
}

export interface ProxyStats {
  readonly registry: Registry;
  recordResponse(route: string, target: string, status: number, durationMs: number): void;
  recordError(route: string, target: string, kind: ErrorKind, durationMs: number): void;
  recordFallback(route: string, target: string, reason: FallbackReason): void;
  recordBreaker(service: string, state: BreakerState): void;
  getStatsSnapshot(): StatsSnapshot;
}

export function createProxyStats(options: { now?: () => Date } = {}): ProxyStats {
  const now = options.now ?? (() => new Date());
  const since = now().toISOString();
  const entries = new Map<string, RouteTargetCounters>();
  const breakers = new Map<string, BreakerCounters>();

  const entry = (route: string, target: string): RouteTargetCounters => {
    const key = `${route}\u0000${target}`;
    let found = entries.get(key);
    if (!found) {
      const buckets = new Array<number>(LATENCY_BUCKETS_MS.length + 1).fill(0);
      found = {
        route,
        target,
        requests: 0,
        errors: 0,
        fallbacks: 0,
        latency: { count: 0, sumMs: 0, maxMs: 0, buckets },
        errorsByKind: {},
        fallbacksByReason: {},
      };
      entries.set(key, found);
    }
    return found;
  };
  const observe = (counters: RouteTargetCounters, ms: number) => {
    const latency = counters.latency;
    latency.count++;
    latency.sumMs += ms;
    if (ms > latency.maxMs) latency.maxMs = ms;
    let i = 0;
    while (i < LATENCY_BUCKETS_MS.length && ms > LATENCY_BUCKETS_MS[i]!) i++;
    latency.buckets[i]!++;
  };

  const stats: ProxyStats = {
    registry: new Registry(),
    recordResponse(route, target, status, durationMs) {
      const counters = entry(route, target);
      counters.requests++;
      if (status >= 500) counters.errors++;
      observe(counters, durationMs);
    },
    recordError(route, target, kind, durationMs) {
      const counters = entry(route, target);
      counters.requests++;
      counters.errors++;
      counters.errorsByKind[kind] = (counters.errorsByKind[kind] ?? 0) + 1;
      observe(counters, durationMs);
    },
    recordFallback(route, target, reason) {
      const counters = entry(route, target);
      counters.fallbacks++;
      counters.fallbacksByReason[reason] = (counters.fallbacksByReason[reason] ?? 0) + 1;
    },
    recordBreaker(service, state) {
      let found = breakers.get(service);
      if (!found) {
        found = { service, state, transitions: {} };
        breakers.set(service, found);
      }
      found.state = state;
      found.transitions[state] = (found.transitions[state] ?? 0) + 1;
    },
    getStatsSnapshot() {
      return {
        at: now().toISOString(),
        since,
        bucketBoundsMs: LATENCY_BUCKETS_MS,
        routes: [...entries.values()].map((e) => ({
          ...structuredClone(e),
          p50Ms: quantile(e, 0.5),
          p99Ms: quantile(e, 0.99),
        })),
        breakers: [...breakers.values()].map((b) => structuredClone(b)),
      };
    },
  };
  for (const metric of toPromMetrics(
    () => entries.values(),
    () => breakers.values(),
  )) {
    stats.registry.registerMetric(metric);
  }
  return stats;
}

/** Upper bound of the bucket holding the q-quantile (what Prometheus would estimate, coarser). */
function quantile(counters: RouteTargetCounters, q: number): number | null {
  const { count, buckets, maxMs } = counters.latency;
  if (count === 0) return null;
  const rank = Math.ceil(q * count);
  let seen = 0;
  for (let i = 0; i < buckets.length; i++) {
    seen += buckets[i]!;
    if (seen >= rank) return i < LATENCY_BUCKETS_MS.length ? Math.min(LATENCY_BUCKETS_MS[i]!, maxMs) : maxMs;
  }
  return maxMs;
}
