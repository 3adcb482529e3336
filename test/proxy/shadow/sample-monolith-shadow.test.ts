/**
 * The must-show test of the parallel run: the sample monolith (Ferngrove shop) behind
 * `createProxy`, its catalog shadowed to a matching copy and to a copy with a formatting bug in
 * one endpoint, results read back through the admin API as `strangler diffs` does.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import express, { type Express } from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { proxyConfigSchema } from '../../../proxy/config/schema.ts';
import { createProxy, type StranglerProxy } from '../../../proxy/index.ts';
import { fetchDiffs } from '../../../proxy/shadow/diffs-client.ts';
import type { RouteDiffReport } from '../../../proxy/shadow/types.ts';

// The shop resolves `@shop/*` through its own tsconfig (vitest alias), so it is typed here by hand.
interface ShopAppModule {
  createApp(options: { db: unknown }): Express;
  openShopDatabase(file: string): { close(): void };
}

const SHOP_APP = '@shop/app.ts';
const TOKEN = 'shadow-suite-admin-token-42';
let dir: string;
let shopDb: { close(): void };
const servers: Server[] = [];
let proxy: StranglerProxy;
let proxyUrl: string;
let adminUrl: string;

async function serve(app: Express): Promise<string> {
  const server = createServer(app);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** The extracted catalog with one bug: list prices lose their cents in `formatted` (`€19.00` → `€19`). */
function withFormattingBug(shop: Express): Express {
  const copy = express();
  copy.use((req, res, next) => {
    if (req.path === '/api/catalog/products') {
      const json = res.json.bind(res);
      res.json = (body: { items?: { price: { formatted: string } }[] }) => {
        const item = body.items?.[3];
        if (item) item.price = { ...item.price, formatted: item.price.formatted.replace(/\.00$/, '') };
        return json(body);
      };
    }
    next();
  });
  return copy.use(shop);
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'strangler-shadow-shop-'));
  process.env.LOG_LEVEL = 'silent';
  const { createApp, openShopDatabase } = (await import(/* @vite-ignore */ SHOP_APP)) as ShopAppModule;
  shopDb = openShopDatabase(path.join(dir, 'shop.db'));
  const shop = createApp({ db: shopDb });
  // One shop per process (its repositories share a connection): the copies serve the same app.
  const [monolith, catalog, buggyCatalog] = await Promise.all([
    serve(shop),
    serve(shop),
    serve(withFormattingBug(shop)),
  ]);
  const route = (method: string, p: string, service: string) => ({
    method,
    path: p,
    mode: 'shadow' as const,
    service,
  });
  const config = proxyConfigSchema.parse({
    listen: { port: 0 },
    admin: { port: 0, tokens: [{ name: 'ops', token: TOKEN }] },
    db: path.join(dir, 'proxy.db'),
    monolith,
    services: { catalog, 'catalog-buggy': buggyCatalog },
    routes: [
      route('GET', '/api/catalog/products', 'catalog-buggy'),
      route('GET', '/api/catalog/products/:productId', 'catalog'),
      route('GET', '/api/admin/reports/:name', 'catalog'),
    ],
    stats: { flushIntervalMs: 60_000 },
  });
  proxy = createProxy(config);
  const { port, adminPort } = await proxy.listen();
  proxyUrl = `http://127.0.0.1:${port}`;
  adminUrl = `http://127.0.0.1:${adminPort}`;
});

afterAll(async () => {
  await proxy?.close();
  for (const server of servers) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
  shopDb?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function diffsWhen(
  route: string,
  done: (report: RouteDiffReport) => boolean,
): Promise<RouteDiffReport> {
  let report: RouteDiffReport | undefined;
  for (let attempt = 0; attempt < 300; attempt++) {
    [report] = await fetchDiffs({ url: adminUrl, token: TOKEN, route });
    if (report && done(report)) return report;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`shadow results for ${route} never arrived: ${JSON.stringify(report?.counters)}`);
}

describe('the sample monolith in shadow mode', () => {
  it('reports the copy with the formatting bug at its exact JSON path, the client unaffected', async () => {
    for (let i = 0; i < 3; i++) {
      const response = await fetch(`${proxyUrl}/api/catalog/products`);
      const body = (await response.json()) as { items: { price: { formatted: string } }[] };
      expect(body.items[3]!.price.formatted).toMatch(/\.00$/);
    }
    const report = await diffsWhen('GET /api/catalog/products', (r) => r.counters.mismatched >= 3);
    expect(report.counters).toMatchObject({ matched: 0, mismatched: 3, failed: 0 });
    const [difference] = report.lastMismatch!.differences;
    expect(report.lastMismatch!.differences).toHaveLength(1);
    expect(difference).toMatchObject({ path: '$.items[3].price.formatted', kind: 'value' });
    expect(difference!.expected).toMatch(/^"€\d+\.00"$/);
    expect(difference!.actual).toBe(difference!.expected.replace('.00', ''));
  });

  it('brings the matching product detail copy to "ready" after 100 comparisons', async () => {
    for (let i = 0; i < 100; i++)
      await (await fetch(`${proxyUrl}/api/catalog/products/${(i % 20) + 1}`)).arrayBuffer();
    const report = await diffsWhen(
      'GET /api/catalog/products/:productId',
      (r) => r.readiness.comparisons >= 100,
    );
    expect(report.counters).toEqual({ matched: 100, mismatched: 0, failed: 0, skipped: 0 });
    expect(report.readiness).toEqual({ ready: true, comparisons: 100, matchRate: 1, reason: null });
    const routes = (await (
      await fetch(`${adminUrl}/routes`, { headers: { authorization: `Bearer ${TOKEN}` } })
    ).json()) as unknown;
    expect(JSON.stringify(routes)).toContain('"ready":true');
  });

  it("learns the reports' generatedAt timestamp as noise", async () => {
    const login = await fetch(`${proxyUrl}/api/accounts/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'staff@ferngrove.test', password: 'staff-password' }),
    });
    const { token } = (await login.json()) as { token: string };
    for (let i = 0; i < 10; i++) {
      const response = await fetch(`${proxyUrl}/api/admin/reports/sales`, {
        headers: { authorization: `Bearer ${token}` },
      });
      expect(response.status).toBe(200);
      await response.arrayBuffer();
    }
    const report = await diffsWhen('GET /api/admin/reports/:name', (r) => r.readiness.comparisons >= 10);
    expect(report.learnedNoise.map((noise) => noise.path)).toEqual(['$.generatedAt']);
    expect(report.lastMismatch?.differences.some((d) => d.path !== '$.generatedAt') ?? false).toBe(false);
  });
});
