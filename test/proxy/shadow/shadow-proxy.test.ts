/**
 * The parallel run end to end: the data plane's request handler in front of the shop monolith,
 * shadow routes mirrored to extracted services through `createShadow`, results in the proxy's
 * SQLite file next to the routes.
 */

import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import express from 'express';
import { pino } from 'pino';
import { Registry } from 'prom-client';
import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { proxyConfigSchema } from '../../../proxy/config/schema.ts';
import { createRequestHandler } from '../../../proxy/pipeline/request-handler.ts';
import { createShadow, type Shadow } from '../../../proxy/shadow/index.ts';
import { createProxyStats } from '../../../proxy/stats/create-stats.ts';
import type { RouteStore } from '../../../proxy/store/route-store.ts';
import { openRouteStore } from '../../../proxy/store/sqlite-route-store.ts';
import { type RunningServer, startServer, startShop } from './shop-servers.ts';

let dir: string;
let monolith: RunningServer;
let orders: RunningServer;
let catalog: RunningServer;
let hanging: RunningServer;
let failing: RunningServer;
let downUrl: string;
let store: RouteStore;
let shadow: Shadow;
let proxy: Server;
let proxyUrl: string;

const routes = [
  ['GET', '/api/orders/:id', 'shadow', 'orders-service'],
  ['GET', '/api/products/:id', 'shadow', 'catalog-service'],
  ['POST', '/api/orders', 'shadow', 'orders-service'],
  ['GET', '/api/categories', 'monolith', 'catalog-service'],
] as const;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'strangler-shadow-proxy-'));
  [monolith, orders, catalog] = await Promise.all([
    startShop('monolith'),
    startShop('orders-service'),
    startShop('catalog-service'),
  ]);
  hanging = await startServer(express().use(() => {}));
  failing = await startServer(express().use((req) => req.socket.destroy()));
  const down = await startServer(express());
  downUrl = down.url;
  await down.close();

  store = openRouteStore(join(dir, 'proxy.db'));
  store.seed(
    {
      monolith: monolith.url,
      services: [
        { name: 'orders-service', url: orders.url },
        { name: 'catalog-service', url: catalog.url },
        { name: 'hanging-service', url: hanging.url },
        { name: 'failing-service', url: failing.url },
        { name: 'down-service', url: downUrl },
      ],
      routes: routes.map(([method, path, mode, service]) => ({
        key: `${method} ${path}`,
        methods: [method],
        path,
        mode,
        percent: 0,
        service,
      })),
    },
    { actor: 'config' },
  );
  shadow = createShadow({
    settings: { timeoutMs: 20_000 },
    dbFile: join(dir, 'proxy.db'),
    getTable: () => store.getTable(),
    rollback: (change) => store.rollback(change.routeId, { actor: change.actor, reason: change.reason }),
  });
  const config = proxyConfigSchema.parse({
    listen: { port: 0 },
    db: join(dir, 'proxy.db'),
    monolith: monolith.url,
  });
  const stats = shadow.observe(createProxyStats());
  const handler = createRequestHandler({
    getTable: () => store.getTable(),
    config,
    stats,
    logger: pino({ level: 'silent' }),
    onShadow: shadow.onShadow,
  });
  proxy = createServer((req, res) => handler(req, res));
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  proxyUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
});

afterAll(async () => {
  proxy?.closeAllConnections();
  if (proxy) await new Promise((resolve) => proxy.close(resolve));
  await Promise.all([monolith, orders, catalog, hanging, failing].map((server) => server.close()));
  await shadow.close();
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

async function get(base: string, path: string, method = 'GET', body?: string) {
  const response = await request(new URL(path, base), {
    method: method as 'GET',
    body,
    headers: body ? { 'content-type': 'application/json' } : {},
  });
  return {
    status: response.statusCode,
    headers: response.headers,
    body: Buffer.from(await response.body.arrayBuffer()),
  };
}

/** Mirrors finish after the client's response; wait for the report to show them. */
async function reportWhen(routeKey: string, done: (total: number) => boolean) {
  for (let attempt = 0; attempt < 200; attempt++) {
    await shadow.runner.settle();
    const [report] = shadow.diffs({ route: routeKey });
    const c = report!.counters;
    if (done(c.matched + c.mismatched + c.failed + c.skipped)) return report!;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`no shadow results for ${routeKey}`);
}

async function until(condition: () => boolean) {
  for (let attempt = 0; attempt < 200 && !condition(); attempt++) {
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  expect(condition()).toBe(true);
}

const setTarget = (key: string, mode: 'shadow' | 'monolith', service: string) =>
  store.setRoute(key, { mode, service }, { actor: 'test' });

describe('shadow mode behind the request handler', () => {
  it('serves the monolith and reports the deliberately different orders copy at $.items[3].price', async () => {
    for (const id of [1042, 1043, 1044]) {
      const response = await get(proxyUrl, `/api/orders/${id}`);
      expect(response.headers['x-strangler-served-by']).toBe('monolith');
      expect(JSON.parse(response.body.toString()).items[3].price).toBe(9.99);
    }
    const report = await reportWhen('GET /api/orders/:id', (n) => n >= 3);
    expect(report.counters).toMatchObject({ mismatched: 3, matched: 0 });
    expect(report.lastMismatch!.differences).toEqual([
      { path: '$.items[3].price', kind: 'value', expected: '9.99', actual: '10' },
    ]);
    expect(report.learnedNoise.map((noise) => noise.path)).toContain('$.generatedAt');
    expect(report.topPaths[0]).toEqual({ path: '$.items[*].price', count: 3 });
    expect(orders.received.at(-1)!.headers['x-strangler-shadow']).toBe('1');
  });

  it('brings the matching catalog copy to "ready", its timestamp learned and never a mismatch', async () => {
    for (let id = 1; id <= 100; id++) await get(proxyUrl, `/api/products/${id}`);
    const report = await reportWhen('GET /api/products/:id', (n) => n >= 100);
    expect(report.readiness).toEqual({ ready: true, comparisons: 100, matchRate: 1, reason: null });
    expect(report.learnedNoise.map((noise) => noise.path)).toEqual(['$.generatedAt']);

    const registry = new Registry();
    for (const metric of shadow.metrics) registry.registerMetric(metric);
    const exposition = await registry.metrics();
    expect(exposition).toContain('strangler_shadow_ready{route="get-api-products-id"} 1');
    expect(exposition).toContain('strangler_shadow_ready{route="get-api-orders-id"} 0');
    expect(exposition).toContain(
      'strangler_shadow_comparisons_total{route="get-api-products-id",outcome="matched"} 100',
    );
  });

  it('does not mirror a POST on a route that did not opt in', async () => {
    const before = orders.received.length;
    const response = await get(
      proxyUrl,
      '/api/orders',
      'POST',
      JSON.stringify({ items: [{ sku: 'KT-01', quantity: 1 }] }),
    );
    expect(response.status).toBe(201);
    const report = await reportWhen('POST /api/orders', (n) => n >= 1);
    expect(report.reasons).toEqual({ method: 1 });
    expect(orders.received.length).toBe(before);
  });

  for (const [failure, service, outcome] of [
    ['resets the connection', 'failing-service', 'reset'],
    ['is down', 'down-service', 'refused'],
    ['hangs', 'hanging-service', null],
  ] as const) {
    it(`answers with the monolith's exact bytes when the shadow target ${failure}`, async () => {
      setTarget('GET /api/categories', 'monolith', 'catalog-service');
      const plain = await get(proxyUrl, '/api/categories');
      setTarget('GET /api/categories', 'shadow', service);
      const shadowed = await get(proxyUrl, '/api/categories');
      const direct = await get(monolith.url, '/api/categories');
      for (const response of [plain, shadowed]) {
        expect(response.status).toBe(200);
        expect(response.body.equals(direct.body)).toBe(true);
        expect(response.headers['content-length']).toBe(direct.headers['content-length']);
        expect(response.headers['content-type']).toBe(direct.headers['content-type']);
      }
      expect(direct.body.length).toBeGreaterThan(30_000);
      if (outcome === null) {
        // The client has its whole answer while the mirror is still waiting on the service.
        await until(() => shadow.runner.inFlight === 1);
        const failedBefore = shadow.diffs({ route: 'GET /api/categories' })[0]!.counters.failed;
        await hanging.close();
        await until(
          () => shadow.diffs({ route: 'GET /api/categories' })[0]!.counters.failed === failedBefore + 1,
        );
      } else {
        await until(() => shadow.runner.inFlight === 0);
        const [report] = shadow.diffs({ route: 'GET /api/categories' });
        expect(report!.lastMismatch).toBeNull();
        expect(report!.counters.matched).toBe(0);
        expect(report!.reasons[outcome]).toBeGreaterThanOrEqual(1);
      }
      setTarget('GET /api/categories', 'monolith', 'catalog-service');
    });
  }
});

describe('bodies over the capture cap', () => {
  it('skips and counts the comparison, and the client still gets every byte', async () => {
    const config = proxyConfigSchema.parse({
      listen: { port: 0 },
      db: join(dir, 'proxy.db'),
      monolith: monolith.url,
    });
    const capped = createRequestHandler({
      getTable: () => store.getTable(),
      config,
      stats: createProxyStats(),
      logger: pino({ level: 'silent' }),
      onShadow: shadow.onShadow,
      limits: { captureBytes: 1024 },
    });
    const server = createServer((req, res) => capped(req, res));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      setTarget('GET /api/categories', 'shadow', 'catalog-service');
      const before = shadow.diffs({ route: 'GET /api/categories' })[0]!.reasons['capture-cap'] ?? 0;
      const response = await get(
        `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
        '/api/categories',
      );
      const direct = await get(monolith.url, '/api/categories');
      expect(response.body.equals(direct.body)).toBe(true);
      await until(
        () => (shadow.diffs({ route: 'GET /api/categories' })[0]!.reasons['capture-cap'] ?? 0) === before + 1,
      );
    } finally {
      setTarget('GET /api/categories', 'monolith', 'catalog-service');
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
