import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RouteStore, TrafficDelta } from '../../../proxy/store/route-store.ts';
import { openRouteStore } from '../../../proxy/store/sqlite-route-store.ts';
import { type CumulativeCounters, createStatsFlusher } from '../../../proxy/store/stats-flusher.ts';

const counters = (route: string, target: string, requests: number, errors = 0): CumulativeCounters => ({
  route,
  target,
  requests,
  errors,
  fallbacks: 0,
  latency: { sumMs: requests * 2 },
});

describe('stats flusher', () => {
  let dir: string;
  let store: RouteStore;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'strangler-flush-'));
    store = openRouteStore(join(dir, 'proxy.db'));
  });
  afterEach(() => {
    store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const total = () => store.readTraffic(5).reduce((sum, row) => sum + row.requests, 0);

  it('writes the difference between cumulative snapshots, and unmatched traffic under no route', () => {
    let snapshot = [counters('get-api-orders-id', 'orders', 3), counters('(unmatched)', 'monolith', 2)];
    const flusher = createStatsFlusher({ store, read: () => snapshot, intervalMs: 60_000 });
    flusher.flush();
    snapshot = [counters('get-api-orders-id', 'orders', 10, 1), counters('(unmatched)', 'monolith', 2)];
    flusher.flush();
    flusher.flush();
    flusher.stop();
    expect(total()).toBe(12);
    const orders = store.readTraffic(5).filter((row) => row.target === 'orders');
    expect(orders.reduce((sum, row) => sum + row.errors, 0)).toBe(1);
    expect(store.readTraffic(5).find((row) => row.target === 'monolith')?.routeId).toBeNull();
  });

  it('retries a failed flush whole on the next one', () => {
    let failing = true;
    const flaky: Pick<RouteStore, 'recordTraffic'> = {
      recordTraffic(deltas: readonly TrafficDelta[]) {
        if (failing) throw new Error('disk full');
        store.recordTraffic(deltas);
      },
    };
    const flusher = createStatsFlusher({
      store: flaky,
      read: () => [counters('get-api-orders-id', 'orders', 4)],
      intervalMs: 60_000,
    });
    expect(() => flusher.flush()).toThrow('disk full');
    failing = false;
    flusher.flush();
    flusher.stop();
    expect(total()).toBe(4);
  });
});
