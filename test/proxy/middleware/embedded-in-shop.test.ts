/**
 * The embedded strangler mounted in front of the sample shop's own Express app, moving the
 * product detail endpoint to a separate catalog service while the shop serves the rest.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import express, { type Express } from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type StranglerMiddleware, strangler } from '../../../proxy/middleware.ts';
import type { RouteMode, RouteTable } from '../../../proxy/model.ts';
import {
  closeServer,
  listen,
  rawRequest,
  route,
  sha256,
  startUpstream,
  table,
  type Upstream,
} from '../forward/harness.ts';

// The shop resolves `@shop/*` through its own tsconfig, which the root type-check does not
// know, so it is loaded by name through vitest's alias and typed here by hand.
interface ShopAppModule {
  createApp(options: { db: unknown }): Express;
  openShopDatabase(file: string): { close(): void };
}
const SHOP_APP = '@shop/app.ts';

describe('embedded strangler middleware in the sample shop', () => {
  let db: { close(): void };
  let dir: string;
  let catalog: Upstream;
  let server: Server;
  let shopUrl: string;
  let middleware: StranglerMiddleware;
  let current: RouteTable;
  const moveProducts = (mode: RouteMode, url = catalog.url, percent = 0) => {
    current = table('http://unused.invalid', { catalog: url }, [
      route('product', ['GET'], '/api/catalog/products/:id', mode, 'catalog', percent),
      route('reviews-post', ['POST'], '/api/catalog/products/:id/reviews', mode, 'catalog', percent),
    ]);
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'strangler-embedded-'));
    process.env.LOG_LEVEL = 'silent';
    const { createApp, openShopDatabase } = (await import(/* @vite-ignore */ SHOP_APP)) as ShopAppModule;
    db = openShopDatabase(join(dir, 'shop.db'));
    catalog = await startUpstream('catalog');
    moveProducts('service');
    middleware = strangler({
      getTable: () => current,
      canary: { key: { header: 'x-customer' } },
      forward: { timeoutMs: 2000 },
    });
    const app = express();
    app.use(middleware);
    app.use(createApp({ db }));
    server = createServer(app);
    shopUrl = await listen(server);
  });
  afterAll(async () => {
    await closeServer(server);
    await middleware.close();
    await catalog.close();
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('forwards the moved route to the catalog service and leaves the rest to the shop', async () => {
    moveProducts('service');
    const moved = await rawRequest(shopUrl, { path: '/api/catalog/products/1?fields=name' });
    expect(moved.headers['x-strangler-served-by']).toBe('catalog');
    expect(moved.headers['x-echo-url']).toBe('/api/catalog/products/1?fields=name');
    const version = await rawRequest(shopUrl, { path: '/api/version' });
    expect(version.headers['x-strangler-served-by']).toBeUndefined();
    expect(JSON.parse(version.body.toString()).name).toBe('ferngrove-shop');
  });

  it("keeps the shop's own body parsing intact for routes it still serves", async () => {
    const login = await rawRequest(shopUrl, {
      method: 'POST',
      path: '/api/accounts/login',
      headers: { 'content-type': 'application/json' },
      body: Buffer.from(JSON.stringify({ email: 'ada@example.com', password: 'customer-password' })),
    });
    expect(login.status).toBe(200);
    expect(JSON.parse(login.body.toString()).token).toEqual(expect.any(String));
  });

  it('streams a moved POST body to the service byte for byte', async () => {
    const body = Buffer.from(JSON.stringify({ rating: 5, text: 'Kept us dry in a storm.' }));
    const res = await rawRequest(shopUrl, {
      method: 'POST',
      path: '/api/catalog/products/1/reviews',
      body,
      headers: { 'content-type': 'application/json' },
    });
    expect(res.headers['x-echo-by']).toBe('catalog');
    expect(res.headers['x-echo-sha256']).toBe(sha256(body));
  });

  it('matches the normalised path, so an encoded spelling cannot dodge the move', async () => {
    const res = await rawRequest(shopUrl, { path: '/api/%63atalog//products/./1' });
    expect(res.headers['x-strangler-served-by']).toBe('catalog');
    expect(res.headers['x-echo-url']).toBe('/api/catalog/products/1');
  });

  it('falls back to the shop itself when the service is unreachable', async () => {
    moveProducts('service', 'http://127.0.0.1:9');
    const res = await rawRequest(shopUrl, { path: '/api/catalog/products/1' });
    expect(res.status).toBe(200);
    expect(res.headers['x-strangler-served-by']).toBeUndefined();
    expect(JSON.parse(res.body.toString())).toMatchObject({ product: { id: 1 } });
  });

  it('sends a canary share by customer, and nothing in monolith mode', async () => {
    moveProducts('canary', catalog.url, 50);
    const served = new Set<string>();
    for (let i = 0; i < 30; i++) {
      const res = await rawRequest(shopUrl, {
        path: '/api/catalog/products/1',
        headers: { 'x-customer': `c-${i}` },
      });
      served.add(String(res.headers['x-strangler-served-by'] ?? 'shop'));
    }
    expect(served).toEqual(new Set(['catalog', 'shop']));
    moveProducts('monolith');
    const res = await rawRequest(shopUrl, { path: '/api/catalog/products/1' });
    expect(res.headers['x-strangler-served-by']).toBeUndefined();
  });
});
