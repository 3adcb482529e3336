import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../../cli/main.ts';
import { createAdminApp } from '../../../proxy/admin/app.ts';
import { createShadow, type RouteDiffReport, type Shadow } from '../../../proxy/shadow/index.ts';
import type { RouteStore } from '../../../proxy/store/route-store.ts';
import { openRouteStore } from '../../../proxy/store/sqlite-route-store.ts';
import { captureExchange, type RunningServer, startShop } from './shop-servers.ts';

const TOKEN = 'diffs-reader-token-0123456789';
let dir: string;
let monolith: RunningServer;
let orders: RunningServer;
let store: RouteStore;
let shadow: Shadow;
let admin: Server;
let adminUrl: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'strangler-diffs-cli-'));
  [monolith, orders] = await Promise.all([startShop('monolith'), startShop('orders-service')]);
  store = openRouteStore(join(dir, 'proxy.db'));
  store.seed(
    {
      monolith: monolith.url,
      services: [{ name: 'orders-service', url: orders.url }],
      routes: [
        {
          key: 'GET /api/orders/:id',
          methods: ['GET'],
          path: '/api/orders/:id',
          mode: 'shadow',
          percent: 0,
          service: 'orders-service',
        },
        {
          key: 'GET /api/products/:id',
          methods: ['GET'],
          path: '/api/products/:id',
          mode: 'monolith',
          percent: 0,
          service: null,
        },
      ],
    },
    { actor: 'config' },
  );
  shadow = createShadow({
    dbFile: join(dir, 'proxy.db'),
    getTable: () => store.getTable(),
    rollback: (change) => store.rollback(change.routeId, { actor: change.actor, reason: change.reason }),
  });
  const route = store.findRoute('GET /api/orders/:id')!;
  for (const id of [7, 8])
    shadow.onShadow(await captureExchange(monolith.url, route, 'GET', `/api/orders/${id}`));
  await shadow.runner.settle();
  admin = createAdminApp({
    store,
    tokens: [{ name: 'ops', token: TOKEN }],
    logger: pino({ level: 'silent' }),
    afterChange: () => {},
    getLiveStats: () => ({}),
    getMetrics: async () => ({ contentType: 'text/plain', body: '' }),
    diffs: (query) => shadow.diffs(query),
    routeDiffs: (route) => shadow.routeDiffs(route),
    resetDiffs: (route) => shadow.reset(route),
  }).listen(0, '127.0.0.1');
  await new Promise((resolve) => admin.once('listening', resolve));
  adminUrl = `http://127.0.0.1:${(admin.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => admin.close(resolve));
  await shadow.close();
  store.close();
  await Promise.all([monolith.close(), orders.close()]);
  rmSync(dir, { recursive: true, force: true });
});

async function strangler(...args: string[]) {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (chunk) => (out += chunk));
  stderr.on('data', (chunk) => (err += chunk));
  const code = await main(args, { stdout, stderr, env: { STRANGLER_ADMIN_TOKEN: TOKEN }, cwd: dir });
  return { code, stdout: out, stderr: err };
}

describe('strangler diffs', () => {
  it('prints mode, comparisons, match rate, learned noise, top paths and one mismatch example', async () => {
    const { code, stdout } = await strangler('diffs', '--admin', adminUrl);
    expect(code).toBe(0);
    expect(stdout).toContain('GET /api/orders/:id  [shadow → orders-service]');
    expect(stdout).toContain('comparisons  2  match rate 0%  not ready: 2 of 100 comparisons');
    expect(stdout).toMatch(/^ {4}\$\.generatedAt {2}seen 2×/m);
    expect(stdout).toContain('    $.items[*].price  2×');
    expect(stdout).toMatch(/example: GET \/api\/orders\/8 .*\n {4}\$\.items\[3\]\.price: 9\.99 ≠ 10$/m);
  });

  it('prints one route as JSON for machines', async () => {
    const { code, stdout } = await strangler('diffs', 'GET /api/orders/:id', '--json', '--admin', adminUrl);
    expect(code).toBe(0);
    const [route] = JSON.parse(stdout) as RouteDiffReport[];
    expect(route).toMatchObject({
      routeKey: 'GET /api/orders/:id',
      counters: { mismatched: 2 },
      readiness: { ready: false },
    });
  });

  it('shows a route that is not shadowed with zero comparisons, and fails on an unknown route', async () => {
    const known = await strangler('diffs', 'GET /api/products/:id', '--json', '--admin', adminUrl);
    expect(JSON.parse(known.stdout)).toMatchObject([{ mode: 'monolith', readiness: { comparisons: 0 } }]);
    const unknown = await strangler('diffs', 'GET /api/nothing', '--admin', adminUrl);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/^error PROXY_STORE_ROUTE_NOT_FOUND: /);
  });

  it('exits 1 with a hint when the admin API cannot be reached', async () => {
    const { code, stderr } = await strangler('diffs', '--admin', 'http://127.0.0.1:9');
    expect(code).toBe(1);
    expect(stderr).toMatch(/^error PROXY_ADMIN_UNREACHABLE: /);
  });

  it('lists the mismatches kept for one route, newest first', async () => {
    const { code, stdout } = await strangler('diffs', 'get-api-orders-id', '--admin', adminUrl);
    expect(code).toBe(0);
    expect(stdout).toContain('earlier mismatches (2 kept, newest first):');
    expect(stdout).toMatch(/^ {4}\S+ {2}GET \/api\/orders\/7 {2}\$\.items\[3\]\.price: 9\.99 ≠ 10$/m);
    const json = await strangler('diffs', 'GET /api/orders/:id', '--json', '--admin', adminUrl);
    const [route] = JSON.parse(json.stdout) as (RouteDiffReport & { samples: { url: string }[] })[];
    expect(route!.samples.map((sample) => sample.url)).toEqual(['/api/orders/8', '/api/orders/7']);
  });

  it('starts a route over after reset, e.g. once the service is fixed', async () => {
    const reset = await strangler('diffs', '--reset', 'GET /api/orders/:id', '--admin', adminUrl);
    expect(reset.code).toBe(0);
    expect(reset.stdout).toContain('Reset GET /api/orders/:id');
    const { stdout } = await strangler('diffs', 'GET /api/orders/:id', '--json', '--admin', adminUrl);
    expect(JSON.parse(stdout)).toMatchObject([
      { counters: { mismatched: 0 }, learnedNoise: [], lastMismatch: null, samples: [] },
    ]);
    const unknown = await strangler('diffs', '--reset', 'GET /api/nothing', '--admin', adminUrl);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/^error PROXY_STORE_ROUTE_NOT_FOUND: /);
  });
});
