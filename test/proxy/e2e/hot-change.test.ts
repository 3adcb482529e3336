import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadConfigFile, parseConfig } from '../../../proxy/config/load.ts';
import { createProxy, type StranglerProxy } from '../../../proxy/index.ts';
import { openRouteStore } from '../../../proxy/store/sqlite-route-store.ts';
import { startUpstream, type Upstream } from './servers.ts';

const TOKEN = 'operator-token-0123456789';

describe('proxy in-process: hot changes, reload, shutdown', () => {
  let dir: string;
  let monolith: Upstream;
  let orders: Upstream;
  let proxy: StranglerProxy;
  let base: string;
  let admin: string;

  const configFor = (extraRoutes: string) => `
listen: { port: 0 }
admin: { port: 0, tokens: [{ name: operator, token: ${TOKEN} }] }
db: ./proxy.db
monolith: ${monolith.url}
services: { orders: ${orders.url} }
stats: { flushIntervalMs: 100 }
shutdown: { graceMs: 2000 }
routes:
  - { method: GET, path: /api/orders/:id, service: orders }
  - { method: GET, path: /slow, service: orders }
${extraRoutes}`;

  const put = (route: string, body: unknown) =>
    fetch(`${admin}/routes/${encodeURIComponent(route)}`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  const servedBy = async (path: string) =>
    ((await (await fetch(`${base}${path}`)).json()) as { servedBy: string }).servedBy;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'strangler-e2e-'));
    monolith = await startUpstream('monolith');
    orders = await startUpstream('orders');
    const file = join(dir, 'proxy.yaml');
    writeFileSync(file, configFor(''));
    proxy = createProxy(await loadConfigFile(file), { configFile: file });
    const { port, adminPort } = await proxy.listen();
    base = `http://127.0.0.1:${port}`;
    admin = `http://127.0.0.1:${adminPort}`;
  });
  afterEach(async () => {
    await proxy.close();
    await monolith.close();
    await orders.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('moves a route to the service and back under concurrent load with zero failed requests', async () => {
    let stop = false;
    const seen = { monolith: 0, orders: 0, failed: 0 };
    const client = async () => {
      while (!stop) {
        try {
          const response = await fetch(`${base}/api/orders/42`);
          const body = (await response.json()) as { servedBy: 'monolith' | 'orders' };
          if (response.status === 200) seen[body.servedBy]++;
          else seen.failed++;
        } catch {
          seen.failed++;
        }
      }
    };
    const clients = Array.from({ length: 4 }, client);
    for (let i = 0; i < 10; i++) {
      expect((await put('GET /api/orders/:id', { mode: 'service' })).status).toBe(200);
      expect(await servedBy('/api/orders/42')).toBe('orders');
      expect((await put('get-api-orders-id', { mode: 'monolith' })).status).toBe(200);
      expect(await servedBy('/api/orders/42')).toBe('monolith');
    }
    stop = true;
    await Promise.all(clients);
    expect(seen.failed).toBe(0);
    expect(seen.monolith).toBeGreaterThan(0);
    expect(seen.orders).toBeGreaterThan(0);
    expect(proxy.store.history({ route: 'get-api-orders-id' })).toHaveLength(21);
  });

  it('shows the parallel run: readiness on shadowed routes in GET /routes, and GET /diffs', async () => {
    await put('get-api-orders-id', { mode: 'shadow' });
    expect(await servedBy('/api/orders/5')).toBe('monolith');
    const auth = { headers: { authorization: `Bearer ${TOKEN}` } };
    const table = (await (await fetch(`${admin}/routes`, auth)).json()) as {
      routes: Array<{ id: string; readiness?: { ready: boolean } }>;
    };
    expect(table.routes.find((r) => r.id === 'get-api-orders-id')?.readiness).toMatchObject({ ready: false });
    const diffs = (await (await fetch(`${admin}/diffs?route=get-api-orders-id`, auth)).json()) as Array<{
      routeId: string;
    }>;
    expect(diffs.map((d) => d.routeId)).toEqual(['get-api-orders-id']);
  });

  it('follows a change made through the library store at once', async () => {
    proxy.store.setRoute('get-api-orders-id', { mode: 'service' }, { actor: 'deploy-bot' });
    expect(await servedBy('/api/orders/7')).toBe('orders');
    expect(proxy.getTable().revision).toBe(proxy.store.getRevision());
  });

  it('keeps the old config serving when a reloaded file is invalid, and adds new routes from a valid one', async () => {
    const file = join(dir, 'proxy.yaml');
    writeFileSync(
      file,
      configFor('  - { method: GET, path: /api/orders, service: orders, mode: service, percent: 500 }'),
    );
    await expect(proxy.reload()).rejects.toMatchObject({ code: 'PROXY_CONFIG_INVALID' });
    expect(await servedBy('/api/orders')).toBe('monolith');

    writeFileSync(file, configFor('  - { method: GET, path: /api/orders, service: orders, mode: service }'));
    const reloadOverApi = await fetch(`${admin}/reload`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TOKEN}` },
    });
    expect(reloadOverApi.status).toBe(200);
    expect(((await reloadOverApi.json()) as { added: string[] }).added).toEqual(['get-api-orders']);
    expect(await servedBy('/api/orders')).toBe('orders');
  });

  it('lets a request in flight finish on shutdown, then flushes stats and closes the database', async () => {
    await put('GET /slow', { mode: 'service' });
    await servedBy('/api/orders/1');
    const inFlight = fetch(`${base}/slow`).then(async (r) => [
      r.status,
      ((await r.json()) as { servedBy: string }).servedBy,
    ]);
    await new Promise((resolve) => setTimeout(resolve, 50));
    await proxy.close();
    expect(await inFlight).toEqual([200, 'orders']);
    await expect(fetch(`${base}/api/orders/1`)).rejects.toThrow();
    const reader = openRouteStore(join(dir, 'proxy.db'));
    const requests = reader.readTraffic(60).reduce((sum, row) => sum + row.requests, 0);
    reader.close();
    expect(requests).toBe(2);
  });

  it('reports a port in use with a catalog error and closes cleanly', async () => {
    const port = Number(new URL(base).port);
    const config = parseConfig(
      { listen: { port }, db: join(dir, 'second.db'), monolith: monolith.url },
      'test',
    );
    const second = createProxy(config);
    expect(second.generatedToken).toBeNull();
    await expect(second.listen()).rejects.toMatchObject({ code: 'PROXY_CONFIG_LISTEN' });
    await second.close();
  });

  it('validates the config before anything listens', () => {
    expect(() =>
      parseConfig({ listen: { port: 0 }, db: join(dir, 'x.db'), monolith: 'nope' }, 'test'),
    ).toThrow(/monolith: must be an http/);
  });
});
