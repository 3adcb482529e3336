/**
 * Behind the proxy in shadow mode, each extracted service answers like the monolith on at least
 * 99.9% of a generated mix of requests to its endpoints: the monolith answers the client, the
 * proxy mirrors each request to the service and compares (proxy/shadow), and we read the counts.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { proxyConfigSchema } from '../proxy/config/schema.ts';
import { createRequestHandler } from '../proxy/pipeline/request-handler.ts';
import { createShadow, type Shadow } from '../proxy/shadow/index.ts';
import { createProxyStats } from '../proxy/stats/create-stats.ts';
import type { RouteStore } from '../proxy/store/route-store.ts';
import { openRouteStore } from '../proxy/store/sqlite-route-store.ts';
import { client, type RunningShop, SEEDED, startShop } from '../test/sample-monolith/shop-server.ts';
import { copyFromMonolith as copyCatalog } from './catalog/src/data.ts';
import { copyFromMonolith as copyNotifications } from './notifications/src/copy-from-monolith.ts';

const here = fileURLToPath(new URL('.', import.meta.url));
let dir: string;
let shop: RunningShop;
const services: Array<{ name: string; url: string; child: ChildProcess }> = [];
let store: RouteStore;
let shadow: Shadow;
let proxy: Server;
let proxyUrl: string;

async function startService(name: string, env: Record<string, string>) {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(here, name, 'server.ts')], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const entry = JSON.parse(line) as { msg?: string; url?: string };
      if (entry.msg === 'listening' && entry.url) resolve(entry.url);
    });
    child.once('exit', (code) => reject(new Error(`${name} exited with ${code}`)));
  });
  services.push({ name, url, child });
  return url;
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'extracted-shadow-'));
  shop = await startShop();
  copyNotifications(shop.dbFile, path.join(dir, 'notifications.db'));
  copyCatalog(shop.dbFile, path.join(dir, 'catalog.db'));
  const env = { PORT: '0', ACCOUNTS_URL: shop.baseUrl, LOG_LEVEL: 'silent' };
  await startService('notifications', { ...env, DB_FILE: path.join(dir, 'notifications.db') });
  await startService('catalog', { ...env, DB_FILE: path.join(dir, 'catalog.db') });

  // Each service's generated route plan, as `strangler routes import` would load it.
  const routes = ['notifications', 'catalog'].flatMap((name) => {
    const plan = JSON.parse(readFileSync(path.join(here, name, 'routes.plan.json'), 'utf8')) as {
      routes: Array<{ method: string; path: string; service: string; mode: 'shadow'; percent: number }>;
    };
    return plan.routes;
  });
  expect(new Set(routes.map((route) => route.mode))).toEqual(new Set(['shadow']));
  store = openRouteStore(path.join(dir, 'proxy.db'));
  store.seed(
    {
      monolith: shop.baseUrl,
      services: services.map((service) => ({ name: service.name, url: service.url })),
      routes: routes.map((route) => ({
        key: `${route.method} ${route.path}`,
        methods: [route.method],
        path: route.path,
        mode: route.mode,
        percent: route.percent,
        service: route.service,
      })),
    },
    { actor: 'config' },
  );
  shadow = createShadow({
    settings: { timeoutMs: 20_000 },
    dbFile: path.join(dir, 'proxy.db'),
    getTable: () => store.getTable(),
    rollback: (change) => store.rollback(change.routeId, { actor: change.actor, reason: change.reason }),
  });
  const config = proxyConfigSchema.parse({
    listen: { port: 0 },
    db: path.join(dir, 'proxy.db'),
    monolith: shop.baseUrl,
  });
  const handler = createRequestHandler({
    getTable: () => store.getTable(),
    config,
    stats: shadow.observe(createProxyStats()),
    logger: pino({ level: 'silent' }),
    onShadow: shadow.onShadow,
  });
  proxy = createServer((req, res) => handler(req, res));
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  proxyUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
}, 120_000);

afterAll(async () => {
  proxy?.closeAllConnections();
  if (proxy) await new Promise((resolve) => proxy.close(resolve));
  await shadow?.close();
  store?.close();
  for (const service of services) {
    if (service.child.exitCode !== null) continue;
    await new Promise((resolve) => {
      service.child.once('exit', resolve);
      service.child.kill('SIGTERM');
    });
  }
  await shop?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** A deterministic mix of reads over both services' endpoints, signed in or not. */
function requestMix(tokens: Array<string | undefined>): Array<{ url: string; token: string | undefined }> {
  const urls: string[] = [];
  for (let i = 0; i < 40; i++) {
    const product = 1 + (i % 30);
    urls.push(
      `/api/catalog/products?page=${1 + (i % 4)}&pageSize=${5 + (i % 10)}`,
      `/api/catalog/products?sort=${['newest', 'price_asc', 'price_desc', 'rating', 'name'][i % 5]}`,
      `/api/catalog/products/${product}`,
      `/api/catalog/products/${product}/reviews${i % 2 ? '?sort=helpful' : ''}`,
      `/api/catalog/products/search?q=${['tent', 'pan', 'mug', 'la', 'x'][i % 5]}`,
      '/api/catalog/categories',
      `/api/notifications${i % 3 === 0 ? '?unread=true' : ''}`,
      '/api/notifications/preferences',
      '/api/reviews/mine',
      '/api/reviews/pending',
    );
  }
  return urls.map((url, index) => ({ url, token: tokens[index % tokens.length] }));
}

describe('extracted services behind the proxy in shadow mode', () => {
  it('match the monolith on at least 99.9% of a generated request mix', async () => {
    const login = async (who: { email: string; password: string }) =>
      (await client(shop.baseUrl).post<{ token: string }>('/api/accounts/login', who)).body.token;
    const tokens = [undefined, await login(SEEDED.ada), await login(SEEDED.grace), await login(SEEDED.staff)];
    const mix = requestMix(tokens);
    for (let i = 0; i < mix.length; i += 8) {
      await Promise.all(
        mix.slice(i, i + 8).map(async ({ url, token }) => {
          const res = await client(proxyUrl, token).get(url);
          expect(res.status).toBeLessThan(500);
        }),
      );
    }
    let total = 0;
    let matched = 0;
    for (let attempt = 0; attempt < 400; attempt++) {
      await shadow.runner.settle();
      const reports = shadow.diffs({});
      total = reports.reduce(
        (sum, r) => sum + r.counters.matched + r.counters.mismatched + r.counters.failed + r.counters.skipped,
        0,
      );
      matched = reports.reduce((sum, r) => sum + r.counters.matched, 0);
      if (total >= mix.length) break;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    expect(total).toBe(mix.length);
    const mismatches = shadow
      .diffs({})
      .filter((r) => r.counters.matched < r.counters.matched + r.counters.mismatched + r.counters.failed);
    expect(
      matched / total,
      JSON.stringify(mismatches.map((r) => r.counters)).slice(0, 2000),
    ).toBeGreaterThanOrEqual(0.999);
  }, 180_000);
});
