import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import express from 'express';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Route, RouteTable } from '../../../proxy/model.ts';
import { getShadowSettings, type ShadowSettingsInput } from '../../../proxy/shadow/options.ts';
import { createShadowRunner, type ShadowRunner } from '../../../proxy/shadow/runner.ts';
import { openShadowResultStore } from '../../../proxy/store/shadow-results.ts';
import { captureExchange, type RunningServer, shopRoute, startServer, startShop } from './shop-servers.ts';

let dir: string;
let monolith: RunningServer;
let catalog: RunningServer;
let orders: RunningServer;
const open: { runner: ShadowRunner; close: () => void }[] = [];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'strangler-shadow-'));
  [monolith, catalog, orders] = await Promise.all([
    startShop('monolith'),
    startShop('catalog-service'),
    startShop('orders-service'),
  ]);
});
afterEach(async () => {
  for (const { runner, close } of open.splice(0)) {
    await runner.close();
    close();
  }
});
afterAll(async () => {
  await Promise.all([monolith.close(), catalog.close(), orders.close()]);
  await rm(dir, { recursive: true, force: true });
});

function startRunner(
  routes: Route[],
  options: ShadowSettingsInput = {},
  extraServices: Record<string, string> = {},
) {
  const file = join(dir, `proxy-${open.length}-${Date.now()}.db`);
  const { store, close } = openShadowResultStore(file);
  const table: RouteTable = {
    revision: 1,
    monolith: { name: 'monolith', url: monolith.url },
    services: [
      { name: 'catalog-service', url: catalog.url },
      { name: 'orders-service', url: orders.url },
      ...Object.entries(extraServices).map(([name, url]) => ({ name, url })),
    ],
    routes,
  };
  const runner = createShadowRunner({
    getTable: () => table,
    options: getShadowSettings(options),
    results: store,
  });
  open.push({ runner, close });
  return { runner, file };
}

describe('shadow runner against real servers', () => {
  it('reports the exact JSON path where the extracted orders service differs', async () => {
    const route = shopRoute('GET', '/api/orders/:id', 'orders-service');
    const { runner } = startRunner([route]);
    for (const id of [1042, 1043, 1044])
      runner.onShadow(await captureExchange(monolith.url, route, 'GET', `/api/orders/${id}`));
    await runner.settle();

    const [report] = runner.report().routes;
    expect(report).toMatchObject({
      routeId: route.id,
      mode: 'shadow',
      counters: { matched: 0, mismatched: 3, failed: 0 },
    });
    expect(report!.topPaths).toEqual([{ path: '$.items[*].price', count: 3 }]);
    expect(report!.lastMismatch!.differences).toEqual([
      { path: '$.items[3].price', kind: 'value', expected: '9.99', actual: '10' },
    ]);
    expect(report!.lastMismatch!.service.body).toContain('"price":10');
    expect(report!.learnedNoise.map((noise) => noise.path)).toEqual(['$.generatedAt']);
    expect(report!.readiness.ready).toBe(false);
  });

  it('a matching copy reaches "ready" after 100 comparisons, its timestamp learned as noise', async () => {
    const route = shopRoute('GET', '/api/products/:id', 'catalog-service');
    const { runner } = startRunner([route]);
    const mirror = async (from: number, to: number) => {
      for (let id = from; id <= to; id++)
        runner.onShadow(await captureExchange(monolith.url, route, 'GET', `/api/products/${id}`));
      await runner.settle();
      return runner.report().routes[0]!;
    };
    const early = await mirror(1, 99);
    expect(early.readiness).toMatchObject({ ready: false, comparisons: 99, reason: '99 of 100 comparisons' });
    const done = await mirror(100, 100);
    expect(done.counters).toEqual({ matched: 100, mismatched: 0, failed: 0, skipped: 0 });
    expect(done.readiness).toEqual({ ready: true, comparisons: 100, matchRate: 1, reason: null });
    expect(done.learnedNoise).toMatchObject([{ path: '$.generatedAt' }]);
    expect(done.learnedNoise[0]!.seen).toBeGreaterThanOrEqual(10);
  });

  it('does not mirror a POST unless the route opts in, and never asks the monolith twice for it', async () => {
    const plain = shopRoute('POST', '/api/orders', 'orders-service');
    const optedIn = {
      ...shopRoute('POST', '/api/orders', 'orders-service', { methods: ['POST'] }),
      id: 'post-api-orders-opted',
    };
    const { runner } = startRunner([plain, optedIn]);
    const body = JSON.stringify({ items: [{ sku: 'KT-01', quantity: 1 }] });
    const headers = { 'content-type': 'application/json' };
    const before = { service: orders.received.length, monolith: monolith.received.length };

    runner.onShadow(await captureExchange(monolith.url, plain, 'POST', '/api/orders', { headers, body }));
    await runner.settle();
    expect(orders.received.length).toBe(before.service);
    expect(runner.report().routes.find((r) => r.routeId === plain.id)!.reasons).toEqual({ method: 1 });

    runner.onShadow(await captureExchange(monolith.url, optedIn, 'POST', '/api/orders', { headers, body }));
    await runner.settle();
    const mirrored = orders.received.slice(before.service);
    expect(mirrored).toHaveLength(1);
    expect(mirrored[0]).toMatchObject({ method: 'POST', url: '/api/orders', body });
    expect(mirrored[0]!.headers['x-strangler-shadow']).toBe('1');
    // Two captures by the test itself, no noise-learning repeat of the POST.
    expect(monolith.received.slice(before.monolith).filter((r) => r.method === 'POST')).toHaveLength(2);
    expect(runner.report().routes.find((r) => r.routeId === optedIn.id)!.counters.matched).toBe(1);
  });

  it('drops and counts mirrors when the queue is full, without waiting on a hanging service', async () => {
    const hanging = await startServer(express().get('/api/products/:id', () => {}));
    try {
      const route = shopRoute('GET', '/api/products/:id', 'hanging-catalog');
      const { runner } = startRunner(
        [route],
        { queueSize: 2, concurrency: 1, timeoutMs: 300, learnFirst: 0 },
        {
          'hanging-catalog': hanging.url,
        },
      );
      const exchange = await captureExchange(monolith.url, route, 'GET', '/api/products/1');
      for (let i = 0; i < 6; i++) runner.onShadow(exchange);
      expect(runner.dropped).toBe(3);
      await runner.settle();
      const [report] = runner.report().routes;
      expect(report!.counters).toEqual({ matched: 0, mismatched: 0, failed: 3, skipped: 3 });
      expect(report!.reasons).toEqual({ 'queue-full': 3, timeout: 3 });
    } finally {
      await hanging.close();
    }
  });

  it('shuts down without waiting for mirrors to a hanging service, and does not count them as failed', async () => {
    const hanging = await startServer(express().get('/api/products/:id', () => {}));
    try {
      const route = shopRoute('GET', '/api/products/:id', 'hanging-catalog');
      const { runner } = startRunner(
        [route],
        { concurrency: 1, timeoutMs: 600_000, learnFirst: 0 },
        {
          'hanging-catalog': hanging.url,
        },
      );
      const exchange = await captureExchange(monolith.url, route, 'GET', '/api/products/2');
      for (let i = 0; i < 3; i++) runner.onShadow(exchange);
      expect(runner.inFlight).toBe(3);
      // Would take ten minutes per mirror if close waited for them; the test times out long before.
      await runner.close();
      expect(runner.inFlight).toBe(0);
      expect(runner.report().routes[0]?.counters.failed ?? 0).toBe(0);
    } finally {
      await hanging.close();
    }
  });

  it('redacts credentials and configured fields before anything reaches the database', async () => {
    const route = shopRoute('GET', '/api/account', 'orders-service');
    const { runner, file } = startRunner([route], { redact: ['email'] });
    // The orders service answers /api/account like the monolith but not for the cookie: force a mismatch.
    const exchange = await captureExchange(monolith.url, route, 'GET', '/api/account?email=ada@example.com', {
      headers: { authorization: 'Bearer tok-5e1f0c2d', cookie: 'session=sess-7f3a9c' },
    });
    exchange.primary.status = 203;
    runner.onShadow(exchange);
    await runner.settle();
    const sample = runner.report().routes[0]!.lastMismatch!;
    expect(sample.url).toBe('/api/account?email=%5Bredacted%5D');
    expect(sample.monolith.headers['set-cookie']).toBe('[redacted]');
    expect(JSON.parse(sample.monolith.body).email).toBe('[redacted]');
    await runner.close();
    open.splice(0);
    const bytes = Buffer.concat(
      await Promise.all([file, `${file}-wal`].map((f) => readFile(f).catch(() => Buffer.alloc(0)))),
    );
    for (const secret of ['tok-5e1f0c2d', 'sess-7f3a9c', 'ada@example.com'])
      expect(bytes.includes(secret)).toBe(false);
  });
});
