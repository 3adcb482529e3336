/**
 * Session recording in Prometheus, read at scrape time from the recorder's counters (never
 * per request), in the plain-`Metric` form the proxy's registry takes.
 */
import type { Metric } from 'prom-client';

export interface SessionCounters {
  active: number;
  written: number;
  dropped: number;
  writeFailures: number;
}

function metric(name: string, help: string, type: 'counter' | 'gauge', value: () => number): Metric {
  const get = async () => ({ name, help, type, values: [{ value: value(), labels: {} }], aggregator: 'sum' });
  return { name, help, type, get, reset() {}, aggregator: 'sum' } as unknown as Metric;
}

export function toSessionPromMetrics(read: () => SessionCounters): Metric[] {
  return [
    metric('strangler_sessions_active', 'Client sessions open in memory.', 'gauge', () => read().active),
    metric(
      'strangler_sessions_written_total',
      'Finished sessions written to traffic_sessions.',
      'counter',
      () => read().written,
    ),
    metric(
      'strangler_sessions_dropped_total',
      'Finished sessions dropped because writes kept failing and the queue was full.',
      'counter',
      () => read().dropped,
    ),
    metric(
      'strangler_session_write_failures_total',
      'Batch writes of finished sessions that failed (retried with the next batch).',
      'counter',
      () => read().writeFailures,
    ),
  ];
}
