/**
 * The traffic signal end to end, with real parts: the proxy (session recording on, keyed by
 * the bearer token) in front of a real upstream, two clients whose sessions each hit the
 * cart and the orders endpoints, then `strangler analyze --traffic` on the proxy's database.
 * The route table comes from the analyzer's own routes.plan.json for the fixture, so route
 * keys meeting endpoint ids is tested the way a user chains the two.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Analysis } from '../../analyzer/analysis.ts';
import { proxyConfigSchema } from '../../proxy/config/schema.ts';
import { createProxy } from '../../proxy/index.ts';
import { readRecordedSessions } from '../../proxy/store/read-sessions.ts';
import { startUpstream, type Upstream } from '../proxy/e2e/servers.ts';
import { strangler } from '../support/run-strangler.ts';

const shop = new URL('../fixtures/traffic/shop', import.meta.url).pathname;
const cart = 'src/cart/cart.routes.ts';
const orders = 'src/orders/orders.routes.ts';

let dir: string;
let upstream: Upstream;
let db: string;
let metricsWhileOpen: string;
// Distinctive, high-entropy tokens: if any byte sequence of them reaches the file, grep finds it.
const alice = `alice-${randomBytes(18).toString('hex')}`;
const bob = `bob-${randomBytes(18).toString('hex')}`;

const readAnalysis = (out: string) =>
  JSON.parse(readFileSync(path.join(out, 'analysis.json'), 'utf8')) as Analysis;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'strangler-traffic-'));
  db = path.join(dir, 'proxy.db');
  upstream = await startUpstream('shop');
  const plan = await strangler(
    'analyze',
    shop,
    '--out',
    path.join(dir, 'plan'),
    '--format',
    'routes',
    '--quiet',
  );
  expect(plan.code, plan.stderr).toBe(0);
  const { routes } = JSON.parse(readFileSync(path.join(dir, 'plan', 'routes.plan.json'), 'utf8')) as {
    routes: Array<{ method: string; path: string }>;
  };
  const proxy = createProxy(
    proxyConfigSchema.parse({
      listen: { port: 0 },
      db,
      monolith: upstream.url,
      // The plan's routes, plus a catch-all that must not count as an endpoint.
      routes: [...routes.map((r) => ({ method: r.method, path: r.path })), { path: '/*' }],
      sessions: {},
    }),
  );
  const base = `http://127.0.0.1:${(await proxy.listen()).port}`;
  const send = async (method: string, url: string, authorization?: string) => {
    const response = await fetch(base + url, {
      method,
      headers: authorization ? { authorization } : {},
    });
    expect(response.status).toBe(200);
    await response.arrayBuffer();
  };
  for (const token of [alice, bob]) {
    await send('GET', '/api/cart', `Bearer ${token}`);
    await send('POST', '/api/orders', `Bearer ${token}`);
    await send('GET', '/api/orders/7', `Bearer ${token}`);
    await send('GET', '/api/not-an-endpoint', `Bearer ${token}`);
  }
  await send('GET', `/api/products/kettle`, `Bearer ${alice}`);
  // Neither is a session key: no token at all, and Basic credentials (a password).
  await send('GET', '/api/account');
  await send('GET', '/api/account', `Basic ${Buffer.from(`carol:${bob}`).toString('base64')}`);
  metricsWhileOpen = await proxy.stats.registry.metrics();
  // Sessions still open at shutdown are written by close().
  await proxy.close();
});

afterAll(async () => {
  await upstream?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('proxy session recording', () => {
  it('records one session per bearer token, with the routes each hit and nothing else', () => {
    const { sessions } = readRecordedSessions(db);
    expect(sessions.map((s) => s.routes)).toEqual(
      expect.arrayContaining([
        ['GET /api/cart', 'GET /api/orders/:orderId', 'GET /api/products/:productId', 'POST /api/orders'],
        ['GET /api/cart', 'GET /api/orders/:orderId', 'POST /api/orders'],
      ]),
    );
    expect(sessions).toHaveLength(2);
    // Requests to the catch-all are neither routes nor counted.
    expect(sessions.map((s) => s.requests).sort()).toEqual([3, 4]);
  });

  it('shows the open sessions to Prometheus', () => {
    expect(metricsWhileOpen).toMatch(/^strangler_sessions_active 2$/m);
    expect(metricsWhileOpen).toMatch(/^strangler_sessions_written_total 0$/m);
  });

  it('never writes a raw token to the database files', () => {
    const files = readdirSync(dir).filter((name) => name.startsWith('proxy.db'));
    expect(files).toContain('proxy.db');
    for (const name of files) {
      const bytes = readFileSync(path.join(dir, name));
      for (const token of [alice, bob, alice.slice(6, 30), bob.slice(4, 28)]) {
        expect(bytes.includes(Buffer.from(token)), `${token} in ${name}`).toBe(false);
      }
    }
  });
});

describe('strangler analyze --traffic', () => {
  it('adds traffic edges between the modules of endpoints hit in the same sessions', async () => {
    const out = path.join(dir, 'with-traffic');
    const run = await strangler('analyze', shop, '--traffic', db, '--out', out, '--format', 'md');
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/traffic\s+2 sessions/);
    const analysis = readAnalysis(out);
    const traffic = analysis.edges.filter((edge) => edge.kind === 'traffic');
    expect(traffic.map((e) => [e.from, e.to, e.count])).toEqual([[cart, orders, 2]]);
    expect(analysis.settings.signals).toContain('traffic');
    expect(analysis.settings.traffic).toEqual({ sessions: 2, endpoints: 4, unmatchedEndpoints: 0 });
  });

  it('has no traffic edges without --traffic', async () => {
    const out = path.join(dir, 'without-traffic');
    const run = await strangler('analyze', shop, '--out', out, '--format', 'md', '--quiet');
    expect(run.code, run.stderr).toBe(0);
    const analysis = readAnalysis(out);
    expect(analysis.edges.filter((edge) => edge.kind === 'traffic')).toEqual([]);
    expect(analysis.settings.traffic).toBeUndefined();
  });
});
