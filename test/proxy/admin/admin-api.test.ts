import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAdminApp } from '../../../proxy/admin/app.ts';
import type { RouteStore } from '../../../proxy/store/route-store.ts';
import { openRouteStore } from '../../../proxy/store/sqlite-route-store.ts';
import { shopSeed } from '../store/route-store.contract.ts';

const ALICE = 'alice-token-0123456789abcdef';
const BOB = 'bob-token-0123456789abcdef00';

describe('admin API', () => {
  let dir: string;
  let store: RouteStore;
  let server: Server;
  let base: string;
  let swaps: number;

  const call = (path: string, init: RequestInit & { token?: string } = {}) => {
    const headers = new Headers(init.headers);
    if (init.token) headers.set('authorization', `Bearer ${init.token}`);
    if (typeof init.body === 'string' && !headers.has('content-type'))
      headers.set('content-type', 'application/json');
    return fetch(`${base}${path}`, { ...init, headers });
  };
  const errorCode = async (response: Response) =>
    ((await response.json()) as { error: { code: string } }).error.code;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'strangler-admin-'));
    store = openRouteStore(join(dir, 'proxy.db'));
    store.seed(shopSeed, { actor: 'config' });
    swaps = 0;
    const app = createAdminApp({
      store,
      tokens: [
        { name: 'alice', token: ALICE },
        { name: 'bob', token: BOB },
      ],
      logger: pino({ level: 'silent' }),
      afterChange: () => {
        swaps++;
      },
      getLiveStats: () => ({ routes: [] }),
      getMetrics: async () => ({
        contentType: 'text/plain; version=0.0.4',
        body: 'strangler_requests_total 0\n',
      }),
    });
    server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterEach(async () => {
    await new Promise((resolve) => server.close(resolve));
    store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  describe('authentication', () => {
    it('answers /healthz without a token', async () => {
      const response = await call('/healthz');
      expect(response.status).toBe(200);
      expect(await response.json()).toMatchObject({ status: 'ok' });
    });

    it('refuses read-only and changing endpoints without a token', async () => {
      for (const [method, path] of [
        ['GET', '/routes'],
        ['GET', '/history'],
        ['GET', '/stats'],
        ['GET', '/metrics'],
        ['GET', '/diffs'],
        ['PUT', '/routes/post-api-orders'],
        ['POST', '/routes/post-api-orders/rollback'],
      ] as const) {
        const response = await call(path, {
          method,
          body: method === 'GET' ? undefined : '{"mode":"service"}',
        });
        expect(response.status, `${method} ${path}`).toBe(401);
        expect(response.headers.get('www-authenticate')).toMatch(/^Bearer/);
      }
      expect(store.findRoute('post-api-orders')?.mode).toBe('monolith');
    });

    it('refuses a wrong token, including a prefix of a real one', async () => {
      for (const token of ['wrong-token-0123456789abcdef', ALICE.slice(0, -1), `${ALICE}x`]) {
        const response = await call('/routes', { token });
        expect(response.status).toBe(401);
        expect(await errorCode(response)).toBe('PROXY_ADMIN_UNAUTHORIZED');
      }
    });

    it('never accepts a token in the query string, even next to a valid header', async () => {
      expect((await call(`/routes?token=${ALICE}`)).status).toBe(400);
      const both = await call(`/routes?access_token=${ALICE}`, { token: ALICE });
      expect(both.status).toBe(400);
      expect(await errorCode(both)).toBe('PROXY_ADMIN_TOKEN_IN_QUERY');
    });

    it('records the token name as the actor of a change', async () => {
      await call('/routes/post-api-orders', {
        method: 'PUT',
        token: BOB,
        body: '{"mode":"shadow","reason":"compare"}',
      });
      const history = (await (await call('/history', { token: ALICE })).json()) as Array<
        Record<string, unknown>
      >;
      expect(history[0]).toMatchObject({
        actor: 'bob',
        kind: 'set',
        reason: 'compare',
        routeId: 'post-api-orders',
      });
    });
  });

  describe('routes', () => {
    it('lists the route table', async () => {
      const table = (await (await call('/routes', { token: ALICE })).json()) as {
        routes: Array<{ id: string }>;
      };
      expect(table.routes.map((r) => r.id)).toEqual([
        'get-api-orders-id',
        'post-api-orders',
        'any-api-products-prefix',
      ]);
    });

    it('commits a change before answering 200 and swaps the table once', async () => {
      const key = encodeURIComponent('GET /api/orders/:id');
      const response = await call(`/routes/${key}`, {
        method: 'PUT',
        token: ALICE,
        body: JSON.stringify({ mode: 'canary', percent: 25, target: 'orders' }),
      });
      expect(response.status).toBe(200);
      const body = (await response.json()) as { route: { mode: string; percent: number } };
      expect(body.route).toMatchObject({ mode: 'canary', percent: 25 });
      expect(swaps).toBe(1);
      // A second connection sees it: the change is committed, not just cached.
      const reader = openRouteStore(join(dir, 'proxy.db'));
      expect(reader.findRoute('get-api-orders-id')).toMatchObject({ mode: 'canary', percent: 25 });
      reader.close();
    });

    it('rolls a route back and reports when there is nothing to roll back', async () => {
      await call('/routes/get-api-orders-id', { method: 'PUT', token: ALICE, body: '{"mode":"service"}' });
      const undo = await call('/routes/get-api-orders-id/rollback', {
        method: 'POST',
        token: BOB,
        body: '{}',
      });
      expect(undo.status).toBe(200);
      expect(store.findRoute('get-api-orders-id')?.mode).toBe('monolith');
      expect(swaps).toBe(2);
      const none = await call('/routes/post-api-orders/rollback', { method: 'POST', token: BOB });
      expect(none.status).toBe(409);
      expect(await errorCode(none)).toBe('PROXY_STORE_NOTHING_TO_ROLLBACK');
    });

    it('imports a route plan idempotently', async () => {
      const plan = JSON.stringify({
        version: 1,
        services: [{ name: 'billing', url: 'http://127.0.0.1:4003' }],
        routes: [{ method: 'GET', path: '/api/invoices', service: 'billing', mode: 'monolith', percent: 0 }],
      });
      const first = (await (
        await call('/routes/import', { method: 'POST', token: ALICE, body: plan })
      ).json()) as {
        changes: unknown[];
      };
      const second = (await (
        await call('/routes/import', { method: 'POST', token: ALICE, body: plan })
      ).json()) as {
        changes: unknown[];
      };
      expect([first.changes.length, second.changes.length]).toEqual([1, 0]);
      expect(swaps).toBe(1);
    });
  });

  describe('bad requests', () => {
    it('answers malformed JSON with 400 and a code', async () => {
      const response = await call('/routes/post-api-orders', {
        method: 'PUT',
        token: ALICE,
        body: '{"mode": ',
      });
      expect(response.status).toBe(400);
      expect(await errorCode(response)).toBe('PROXY_ADMIN_BAD_JSON');
    });

    it('answers an oversized body with 413', async () => {
      const body = JSON.stringify({ mode: 'service', reason: 'x'.repeat(2 * 1024 * 1024) });
      const response = await call('/routes/post-api-orders', { method: 'PUT', token: ALICE, body });
      expect(response.status).toBe(413);
      expect(await errorCode(response)).toBe('PROXY_ADMIN_BODY_TOO_LARGE');
    });

    it('names the invalid field and leaves the route alone', async () => {
      const response = await call('/routes/post-api-orders', {
        method: 'PUT',
        token: ALICE,
        body: '{"mode":"fast"}',
      });
      expect(response.status).toBe(400);
      expect(await errorCode(response)).toBe('PROXY_ADMIN_BAD_REQUEST');
      const percent = await call('/routes/post-api-orders', {
        method: 'PUT',
        token: ALICE,
        body: '{"mode":"canary","percent":150}',
      });
      expect(percent.status).toBe(400);
      const unknown = await call('/routes/nope', { method: 'PUT', token: ALICE, body: '{"mode":"service"}' });
      expect(unknown.status).toBe(404);
      expect(await errorCode(unknown)).toBe('PROXY_STORE_ROUTE_NOT_FOUND');
      expect(swaps).toBe(0);
    });

    it('answers /diffs with [] until a shadow runner provides it, and /metrics as Prometheus text', async () => {
      expect(await (await call('/diffs', { token: ALICE })).json()).toEqual([]);
      const metrics = await call('/metrics', { token: ALICE });
      expect(metrics.headers.get('content-type')).toMatch(/^text\/plain/);
      expect(await metrics.text()).toContain('strangler_requests_total');
    });
  });
});
