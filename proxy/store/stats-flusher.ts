/**
 * Moves the data plane's in-memory counters to SQLite in batches, off the request path.
 * The counters are cumulative; each flush writes the difference since the previous one.
 */
import type { RouteStore, TrafficDelta } from './route-store.ts';

/** The shape of one row of the data plane's `getStatsSnapshot().routes` this needs. */
export interface CumulativeCounters {
  route: string;
  target: string;
  requests: number;
  errors: number;
  fallbacks: number;
  latency: { sumMs: number };
}

/** The data plane's name for requests that matched no route (they went to the monolith). */
const UNMATCHED = '(unmatched)';

export interface StatsFlusher {
  /** Writes what changed since the last flush; safe to call at any time. */
  flush(): void;
  stop(): void;
}

export function createStatsFlusher(options: {
  store: Pick<RouteStore, 'recordTraffic'>;
  read: () => readonly CumulativeCounters[];
  intervalMs: number;
  onError?: (error: unknown) => void;
}): StatsFlusher {
  const previous = new Map<string, CumulativeCounters>();

  function flush(): void {
    const deltas: TrafficDelta[] = [];
    const seen = new Map<string, CumulativeCounters>();
    for (const row of options.read()) {
      const key = `${row.route}\u0000${row.target}`;
      const last = previous.get(key);
      const delta: TrafficDelta = {
        routeId: row.route === UNMATCHED ? null : row.route,
        target: row.target,
        requests: row.requests - (last?.requests ?? 0),
        errors: row.errors - (last?.errors ?? 0),
        fallbacks: row.fallbacks - (last?.fallbacks ?? 0),
        latencyMsSum: row.latency.sumMs - (last?.latency.sumMs ?? 0),
      };
      seen.set(key, { ...row, latency: { sumMs: row.latency.sumMs } });
      if (delta.requests > 0 || delta.errors > 0 || delta.fallbacks > 0) deltas.push(delta);
    }
    options.store.recordTraffic(deltas);
    // Only after the write committed: a failed flush is retried whole by the next one.
    for (const [key, row] of seen) previous.set(key, row);
  }

  const timer = setInterval(() => {
    try {
      flush();
    } catch (error) {
      options.onError?.(error);
    }
  }, options.intervalMs);
  // A pending flush must never keep a process alive that is otherwise done.
  timer.unref();

  return {
    flush,
    stop: () => clearInterval(timer),
  };
}
