/**
 * Exposes the plain counters of `create-stats.ts` as Prometheus metrics. Each object follows
 * prom-client's metric contract (`name`, `help`, `type`, `get()` returning values), which
 * `Registry.registerMetric` accepts; values are computed when scraped, never per request.
 */
import type { Metric } from 'prom-client';
import type { BreakerCounters, RouteTargetCounters } from './create-stats.ts';

export const LATENCY_BUCKETS_MS: readonly number[] = [
  1, 2.5, 5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10000,
];

interface Value {
  value: number;
  labels: Record<string, string | number>;
  metricName?: string;
}

function metric(
  name: string,
  help: string,
  type: 'counter' | 'histogram' | 'gauge',
  values: () => Value[],
): Metric {
  const get = async () => ({ name, help, type, values: values(), aggregator: 'sum' as const });
  return { name, help, type, get, reset() {}, aggregator: 'sum' } as unknown as Metric;
}

export function toPromMetrics(
  entries: () => Iterable<RouteTargetCounters>,
  breakers: () => Iterable<BreakerCounters>,
): Metric[] {
  const perEntry = (pick: (e: RouteTargetCounters) => Value[]) => () => [...entries()].flatMap(pick);
  const labels = (e: RouteTargetCounters) => ({ route: e.route, target: e.target });
  return [
    metric(
      'strangler_requests_total',
      'Requests answered, per route and target.',
      'counter',
      perEntry((e) => [{ value: e.requests, labels: labels(e) }]),
    ),
    metric(
      'strangler_errors_total',
      'Requests that failed (5xx or no upstream response), per route, target and kind.',
      'counter',
      perEntry((e) => [
        { value: e.errors - sum(e.errorsByKind), labels: { ...labels(e), kind: 'status-5xx' } },
        ...Object.entries(e.errorsByKind).map(([kind, n]) => ({
          value: n ?? 0,
          labels: { ...labels(e), kind },
        })),
      ]),
    ),
    metric(
      'strangler_fallbacks_total',
      'Requests a service could not serve and the monolith did, per route, service and reason.',
      'counter',
      perEntry((e) =>
        Object.entries(e.fallbacksByReason).map(([reason, n]) => ({
          value: n ?? 0,
          labels: { ...labels(e), reason },
        })),
      ),
    ),
    metric(
      'strangler_request_duration_seconds',
      'Time from request to the end of the response, per route and target.',
      'histogram',
      perEntry((e) => {
        const out: Value[] = [];
        let cumulative = 0;
        LATENCY_BUCKETS_MS.forEach((bound, i) => {
          cumulative += e.latency.buckets[i]!;
          out.push({
            value: cumulative,
            labels: { ...labels(e), le: bound / 1000 },
            metricName: 'strangler_request_duration_seconds_bucket',
          });
        });
        out.push({
          value: e.latency.count,
          labels: { ...labels(e), le: '+Inf' },
          metricName: 'strangler_request_duration_seconds_bucket',
        });
        out.push({
          value: e.latency.sumMs / 1000,
          labels: labels(e),
          metricName: 'strangler_request_duration_seconds_sum',
        });
        out.push({
          value: e.latency.count,
          labels: labels(e),
          metricName: 'strangler_request_duration_seconds_count',
        });
        return out;
      }),
    ),
    metric(
      'strangler_breaker_open',
      'Circuit breaker state per service: 0 closed, 0.5 half-open, 1 open.',
      'gauge',
      () =>
        [...breakers()].map((b) => ({
          value: b.state === 'open' ? 1 : b.state === 'half-open' ? 0.5 : 0,
          labels: { service: b.service },
        })),
    ),
    metric(
      'strangler_breaker_transitions_total',
      'Circuit breaker state changes per service and new state.',
      'counter',
      () =>
        [...breakers()].flatMap((b) =>
          Object.entries(b.transitions).map(([state, n]) => ({
            value: n ?? 0,
            labels: { service: b.service, state },
          })),
        ),
    ),
  ];
}

function sum(record: Partial<Record<string, number>>): number {
  let total = 0;
  for (const n of Object.values(record)) total += n ?? 0;
  return total;
}
