/**
 * The parallel run in Prometheus, computed at scrape time from the result store (never per
 * request), in the same plain-`Metric` form as proxy/stats/prometheus.ts so one registry
 * serves both: `registry.registerMetric(metric)` for each.
 */
import type { Metric } from 'prom-client';
import type { DiffsReport } from './types.ts';

interface Value {
  value: number;
  labels: Record<string, string>;
}

function metric(name: string, help: string, type: 'counter' | 'gauge', values: () => Value[]): Metric {
  const get = async () => ({ name, help, type, values: values(), aggregator: 'sum' as const });
  return { name, help, type, get, reset() {}, aggregator: 'sum' } as unknown as Metric;
}

export function toShadowPromMetrics(getReport: () => DiffsReport): Metric[] {
  // One store read per scrape, shared by the metrics of that scrape.
  let cached: { at: number; report: DiffsReport } | null = null;
  const report = () => {
    const now = Date.now();
    if (!cached || now - cached.at > 1000) cached = { at: now, report: getReport() };
    return cached.report;
  };
  return [
    metric(
      'strangler_shadow_comparisons_total',
      'Mirrored requests per route and outcome (matched, mismatched, failed, skipped).',
      'counter',
      () =>
        report().routes.flatMap((route) =>
          Object.entries(route.counters).map(([outcome, value]) => ({
            value,
            labels: { route: route.routeId, outcome },
          })),
        ),
    ),
    metric(
      'strangler_shadow_match_ratio',
      'Matched / (matched + mismatched + failed) per route.',
      'gauge',
      () =>
        report().routes.flatMap((route) =>
          route.readiness.matchRate === null
            ? []
            : [{ value: route.readiness.matchRate, labels: { route: route.routeId } }],
        ),
    ),
    metric(
      'strangler_shadow_ready',
      '1 when the route has enough comparisons at a high enough match rate.',
      'gauge',
      () =>
        report().routes.map((route) => ({
          value: route.readiness.ready ? 1 : 0,
          labels: { route: route.routeId },
        })),
    ),
    metric(
      'strangler_shadow_learned_noise',
      'Fields learned as noise per route, awaiting a person to confirm.',
      'gauge',
      () =>
        report().routes.map((route) => ({
          value: route.learnedNoise.length,
          labels: { route: route.routeId },
        })),
    ),
  ];
}
