/**
 * `GET /diffs/:route` and `POST /diffs/:route/reset` through a running proxy: the last
 * `samplesPerRoute` mismatches come back newest first, a reset needs a token and starts the
 * route's evidence over.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAdminApp } from '../../../proxy/admin/app.ts';
import { proxyConfigSchema } from '../../../proxy/config/schema.ts';
import { createProxy, type StranglerProxy } from '../../../proxy/index.ts';
import type { RouteDiffDetail } from '../../../proxy/shadow/index.ts';
import { openRouteStore } from '../../../proxy/store/sqlite-route-store.ts';
import { type RunningServer, startShop } from '../shadow/shop-servers.ts';

const TOKEN = 'diffs-admin-token-0123456789';
const ORDERS = encodeURIComponent('GET /api/orders/:id');
let dir: string;
let monolith: RunningServer;
let ordersService: RunningServer;
let proxy: StranglerProxy;
let proxyUrl: string;
let adminUrl: string;

const admin = (route: string, init: RequestInit & { token?: string } = {}) => {
  const headers = new Headers(init.headers);
  if (init.token) headers.set('authorization', `Bearer ${init.token}`);
  if (typeof init.body === 'string') headers.set('content-type', 'application/json');
  return fetch(`${adminUrl}${route}`, { ...init, headers });
};
const errorCode = async (response: Response) =>
  ((await response.json()) as { error: { code: string } }).error.code;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'strangler-diffs-admin-'));
  [monolith, ordersService] = await Promise.all([startShop('monolith'), startShop('orders-service')]);
  proxy = createProxy(
    proxyConfigSchema.parse({
      listen: { port: 0 },
      admin: { port: 0, tokens: [{ name: 'ops', token: TOKEN }] },
      db: path.join(dir, 'proxy.db'),
      monolith: monolith.url,
      services: { orders: ordersService.url },
      routes: [{ method: 'GET', path: '/api/orders/:id', mode: 'shadow', service: 'orders' }],
      shadow: { samplesPerRoute: 3, concurrency: 1 },
      stats: { flushIntervalMs: 60_000 },
    }),
  );
  const { port, adminPort } = await proxy.listen();
  proxyUrl = `http://127.0.0.1:${port}`;
  adminUrl = `http://127.0.0.1:${adminPort}`;
});

afterAll(async () => {
  await proxy?.close();
  await Promise.all([monolith.close(), ordersService.close()]);
  rmSync(dir, { recursive: true, force: true });
});

async function detailWhen(done: (detail: RouteDiffDetail) => boolean): Promise<RouteDiffDetail> {
  let detail: RouteDiffDetail | undefined;
  for (let attempt = 0; attempt < 300; attempt++) {
    detail = (await (await admin(`/diffs/${ORDERS}`, { token: TOKEN })).json()) as RouteDiffDetail;
    if (done(detail)) return detail;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`diffs never arrived: ${JSON.stringify(detail?.counters)}`);
}

describe('comparison results per route', () => {
  it('returns the last samplesPerRoute mismatches, newest first', async () => {
    for (let id = 101; id <= 105; id++) await (await fetch(`${proxyUrl}/api/orders/${id}`)).arrayBuffer();
    const detail = await detailWhen((d) => d.counters.mismatched >= 5);
    expect(detail.routeKey).toBe('GET /api/orders/:id');
    expect(detail.samples.map((sample) => sample.url)).toEqual([
      '/api/orders/105',
      '/api/orders/104',
      '/api/orders/103',
    ]);
    expect(detail.samples[0]!.differences[0]).toMatchObject({ path: '$.items[3].price' });
    expect(detail.lastMismatch?.url).toBe('/api/orders/105');
  });

  it('resets a route only with a token, then starts from zero', async () => {
    const anonymous = await admin(`/diffs/${ORDERS}/reset`, { method: 'POST' });
    expect(anonymous.status).toBe(401);
    expect((await detailWhen(() => true)).counters.mismatched).toBe(5);

    const reset = await admin(`/diffs/${ORDERS}/reset`, {
      method: 'POST',
      token: TOKEN,
      body: JSON.stringify({ reason: 'orders-service 1.4.2 fixes rounding' }),
    });
    expect(reset.status).toBe(200);
    expect(await reset.json()).toMatchObject({
      routeId: 'get-api-orders-id',
      reset: true,
      actor: 'ops',
      reason: 'orders-service 1.4.2 fixes rounding',
    });
    const after = await detailWhen(() => true);
    expect(after.counters).toEqual({ matched: 0, mismatched: 0, failed: 0, skipped: 0 });
    expect(after.samples).toEqual([]);
    expect(after.readiness.comparisons).toBe(0);
  });

  it('answers 404 for an unknown route and 400 for an unknown body field', async () => {
    const unknown = await admin(`/diffs/${encodeURIComponent('GET /api/nothing')}/reset`, {
      method: 'POST',
      token: TOKEN,
    });
    expect(unknown.status).toBe(404);
    expect(await errorCode(unknown)).toBe('PROXY_STORE_ROUTE_NOT_FOUND');
    const bad = await admin(`/diffs/${ORDERS}/reset`, {
      method: 'POST',
      token: TOKEN,
      body: JSON.stringify({ why: 'typo' }),
    });
    expect(bad.status).toBe(400);
    expect(await errorCode(bad)).toBe('PROXY_ADMIN_BAD_REQUEST');
  });
});

describe('an admin API without a shadow runner', () => {
  it('answers 409 PROXY_ADMIN_NO_SHADOW for per-route results and resets', async () => {
    const store = openRouteStore(path.join(dir, 'bare.db'));
    const server: Server = createAdminApp({
      store,
      tokens: [{ name: 'ops', token: TOKEN }],
      logger: pino({ level: 'silent' }),
      afterChange: () => {},
      getLiveStats: () => ({}),
      getMetrics: async () => ({ contentType: 'text/plain', body: '' }),
    }).listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const headers = { authorization: `Bearer ${TOKEN}` };
      for (const [method, route] of [
        ['GET', `/diffs/${ORDERS}`],
        ['POST', `/diffs/${ORDERS}/reset`],
      ] as const) {
        const response = await fetch(`${base}${route}`, { method, headers });
        expect(response.status).toBe(409);
        expect(await errorCode(response)).toBe('PROXY_ADMIN_NO_SHADOW');
      }
    } finally {
      await new Promise((resolve) => server.close(resolve));
      store.close();
    }
  });
});
