import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Express } from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client } from './shop-server.ts';

// The shop resolves `@shop/*` through its own tsconfig, which the root type-check does not know,
// so the module is loaded by name through vitest's alias and typed here by hand.
interface ShopAppModule {
  createApp(options: { db: unknown }): Express;
  openShopDatabase(file: string): { close(): void };
}
const SHOP_APP = '@shop/app.ts';

let dir: string;
let server: Server;
let db: { close(): void };
let baseUrl: string;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'shop-inproc-'));
  process.env.LOG_LEVEL = 'silent';
  const { createApp, openShopDatabase } = (await import(/* @vite-ignore */ SHOP_APP)) as ShopAppModule;
  db = openShopDatabase(path.join(dir, 'shop.db'));
  const app = createApp({ db });
  server = createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server?.close(resolve));
  db?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('createApp', () => {
  it('builds the shop without listening, so a caller can serve it on its own server', async () => {
    const res = await client(baseUrl).get('/api/catalog/products?pageSize=1');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ total: 28, items: [{ sku: 'SLEEP-HAM-NYL' }] });
    expect((await client(baseUrl).get('/healthz')).body).toEqual({ status: 'ok' });
  });
});
