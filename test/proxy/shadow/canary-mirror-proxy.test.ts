/**
 * "While shadowing continues": canaries whose routes set `shadow.duringCanary` keep mirroring the
 * share the monolith still serves. A copy of the orders endpoint that rounds 9.99 to 10 is rolled
 * back to shadow by the mismatch guardrail, with the rate and the window in the history; a
 * matching copy of the categories endpoint stays in canary. Clients outside the canary keep
 * getting the monolith's own answer, and a POST is not mirrored without the route's opt-in.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { proxyConfigSchema } from '../../../proxy/config/schema.ts';
import { createProxy, type StranglerProxy } from '../../../proxy/index.ts';
import { fetchDiffs } from '../../../proxy/shadow/diffs-client.ts';
import type { RouteDiffReport } from '../../../proxy/shadow/types.ts';
import { type RunningServer, startShop } from './shop-servers.ts';

const ORDERS = 'GET /api/orders/:id';
const CATEGORIES = 'GET /api/categories';
const NEW_ORDER = 'POST /api/orders';
const TOKEN = 'canary-mirror-admin-token-7';

let dir: string;
let monolith: RunningServer;
let ordersService: RunningServer;
let catalogService: RunningServer;
let proxy: StranglerProxy;
let proxyUrl: string;
let adminUrl: string;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'strangler-canary-mirror-'));
  [monolith, ordersService, catalogService] = await Promise.all([
    startShop('monolith'),
    startShop('orders-service'),
    startShop('catalog-service'),
  ]);
  const mirrored = { duringCanary: true };
  proxy = createProxy(
    proxyConfigSchema.parse({
      listen: { port: 0 },
      admin: { port: 0, tokens: [{ name: 'ops', token: TOKEN }] },
      db: path.join(dir, 'proxy.db'),
      monolith: monolith.url,
      services: { orders: ordersService.url, catalog: catalogService.url },
      routes: [
        { method: 'GET', path: '/api/orders/:id', mode: 'shadow', service: 'orders', shadow: mirrored },
        { method: 'GET', path: '/api/categories', mode: 'shadow', service: 'catalog', shadow: mirrored },
        { method: 'POST', path: '/api/orders', mode: 'shadow', service: 'orders', shadow: mirrored },
      ],
      canary: { key: { header: 'x-user-id' } },
      shadow: { guardrails: { minRequests: 20, maxMismatchRate: 0.05 } },
      stats: { flushIntervalMs: 60_000 },
    }),
  );
  const { port, adminPort } = await proxy.listen();
  proxyUrl = `http://127.0.0.1:${port}`;
  adminUrl = `http://127.0.0.1:${adminPort}`;
  for (const route of [ORDERS, CATEGORIES, NEW_ORDER]) {
    proxy.store.setRoute(
      route,
      { mode: 'canary', percent: 20 },
      { actor: 'alice', reason: 'shadow was clean' },
    );
  }
});

afterAll(async () => {
  await proxy?.close();
  await Promise.all([monolith.close(), ordersService.close(), catalogService.close()]);
  rmSync(dir, { recursive: true, force: true });
});

const routeOf = (key: string) => proxy.getTable().routes.find((route) => route.key === key)!;

async function until(done: () => boolean): Promise<void> {
  for (let attempt = 0; attempt < 300 && !done(); attempt++) {
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

async function diffsWhen(route: string, done: (report: RouteDiffReport) => boolean) {
  let report: RouteDiffReport | undefined;
  for (let attempt = 0; attempt < 300; attempt++) {
    [report] = await fetchDiffs({ url: adminUrl, token: TOKEN, route });
    if (report && done(report)) return report;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`shadow results for ${route} never arrived: ${JSON.stringify(report?.counters)}`);
}

describe('a canary that is still mirrored', () => {
  it('rolls back a copy that answers differently, citing the mismatch rate over the window', async () => {
    let outside = 0;
    for (let user = 0; user < 60; user++) {
      const response = await fetch(`${proxyUrl}/api/orders/${2000 + user}`, {
        headers: { 'x-user-id': `customer-${user}` },
      });
      const order = (await response.json()) as { items: { price: number }[] };
      if (response.headers.get('x-strangler-served-by') === 'monolith') {
        outside++;
        // The mirror never touches what the client gets: the monolith's own prices.
        expect(order.items[3]!.price).toBe(9.99);
      }
    }
    expect(outside).toBeGreaterThanOrEqual(20);
    await until(() => routeOf(ORDERS).mode !== 'canary');

    expect(routeOf(ORDERS)).toMatchObject({ mode: 'shadow', service: 'orders' });
    const [latest] = proxy.store.history({ route: ORDERS, limit: 1 });
    expect(latest).toMatchObject({
      kind: 'auto-rollback',
      actor: 'guardrail',
      before: { mode: 'canary', percent: 20 },
      after: { mode: 'shadow' },
    });
    expect(latest!.reason).toBe(
      'guardrail: service mismatch rate 100.0% over 20 comparisons in 60s (20 mismatched) exceeds 5.0%',
    );
    const mirrors = ordersService.received.filter((r) => r.headers['x-strangler-shadow'] === '1');
    expect(mirrors.length).toBeGreaterThanOrEqual(20);
  });

  it('keeps a matching copy in canary while comparing the monolith share', async () => {
    for (let user = 0; user < 60; user++) {
      const response = await fetch(`${proxyUrl}/api/categories`, {
        headers: { 'x-user-id': `customer-${user}` },
      });
      expect(response.status).toBe(200);
      await response.arrayBuffer();
    }
    const report = await diffsWhen(CATEGORIES, (r) => r.counters.matched + r.counters.mismatched >= 20);
    expect(report.counters.mismatched).toBe(0);
    expect(routeOf(CATEGORIES)).toMatchObject({ mode: 'canary', percent: 20 });
    expect(proxy.store.history({ route: CATEGORIES, limit: 1 })[0]).toMatchObject({ actor: 'alice' });
  });

  it('does not mirror a POST unless the route opts in to the method', async () => {
    for (let user = 0; user < 20; user++) {
      const response = await fetch(`${proxyUrl}/api/orders`, {
        method: 'POST',
        headers: { 'x-user-id': `customer-${user}`, 'content-type': 'application/json' },
        body: JSON.stringify({ sku: 'KT-01', quantity: 1 }),
      });
      expect(response.status).toBe(201);
      await response.arrayBuffer();
    }
    const report = await diffsWhen(NEW_ORDER, (r) => (r.reasons.method ?? 0) >= 10);
    expect(report.counters.matched + report.counters.mismatched + report.counters.failed).toBe(0);
    const posts = ordersService.received.filter((r) => r.method === 'POST');
    expect(posts.every((r) => r.headers['x-strangler-shadow'] === undefined)).toBe(true);
  });
});
