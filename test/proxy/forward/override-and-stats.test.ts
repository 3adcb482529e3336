import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  dataPlaneConfig,
  type ProxyUnderTest,
  rawRequest,
  route,
  startProxy,
  startUpstream,
  table,
  type Upstream,
} from './harness.ts';

describe('override header and traffic stats', () => {
  let monolith: Upstream;
  let orders: Upstream;
  let proxy: ProxyUnderTest;
  beforeAll(async () => {
    monolith = await startUpstream('monolith');
    orders = await startUpstream('orders');
    const config = dataPlaneConfig('undici', {
      override: { header: 'x-strangler-target', secret: 'sixteen-chars-secret' },
    });
    proxy = await startProxy(
      table(monolith, { orders: orders.url }, [
        route('orders', ['GET'], '/api/orders/:id', 'canary', 'orders', 0),
      ]),
      config,
    );
  });
  afterAll(async () => {
    await proxy.close();
    await orders.close();
    await monolith.close();
  });

  it('forces the service with the secret, and the secret never reaches an upstream', async () => {
    const forced = await rawRequest(proxy.url, {
      path: '/api/orders/1',
      headers: { 'x-strangler-target': 'service;sixteen-chars-secret' },
    });
    expect(forced.headers['x-strangler-served-by']).toBe('orders');
    expect(orders.seen.at(-1)?.headers['x-strangler-target']).toBeUndefined();
    const guessed = await rawRequest(proxy.url, {
      path: '/api/orders/1',
      headers: { 'x-strangler-target': 'service;sixteen-chars-guess!' },
    });
    expect(guessed.headers['x-strangler-served-by']).toBe('monolith');
    expect(monolith.seen.at(-1)?.headers['x-strangler-target']).toBeUndefined();
  });

  it('counts requests per route and target, in the snapshot and in Prometheus text', async () => {
    await rawRequest(proxy.url, { path: '/elsewhere' });
    const snapshot = proxy.stats.getStatsSnapshot();
    const row = (r: string, t: string) => snapshot.routes.find((e) => e.route === r && e.target === t);
    expect(row('orders', 'orders')?.requests).toBe(1);
    expect(row('orders', 'monolith')?.requests).toBe(1);
    expect(row('(unmatched)', 'monolith')?.latency.count).toBe(1);
    const text = await proxy.stats.registry.metrics();
    expect(text).toContain('strangler_requests_total{route="orders",target="orders"} 1');
    expect(text).toMatch(
      /strangler_request_duration_seconds_bucket\{route="\(unmatched\)",target="monolith",le="\+Inf"\} 1/,
    );
    expect(text).toContain('# TYPE strangler_request_duration_seconds histogram');
  });

  it('shadow capture over the cap hands over null bodies and leaves the response whole', async () => {
    const shadowTable = table(monolith, { orders: orders.url }, [
      route('orders', ['*'], '/api/orders/*', 'shadow', 'orders'),
    ]);
    shadowTable.routes[0]!.shadow = { methods: ['PUT'] };
    const capped = await startProxy(shadowTable, dataPlaneConfig('undici', { shadow: { captureBytes: 64 } }));
    try {
      const body = Buffer.alloc(100, 7);
      const res = await rawRequest(capped.url, { method: 'PUT', path: '/api/orders/5', body });
      expect(res.body.equals(body)).toBe(true);
      await expect.poll(() => capped.shadows.length).toBe(1);
      expect(capped.shadows[0]!.request.body).toBeNull();
      expect(capped.shadows[0]!.primary.body).toBeNull();
      expect(capped.shadows[0]!.primary.status).toBe(200);
    } finally {
      await capped.close();
    }
  });
});
