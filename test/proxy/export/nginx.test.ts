import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toNginxConfig } from '../../../proxy/export/nginx.ts';
import {
  freePort,
  type NamedUpstream,
  NGINX,
  type RunningNginx,
  startNamedUpstream,
  startNginx,
  testNginxConfig,
  writeNginxPrefix,
} from './nginx-harness.ts';
import { sampleInput, sampleTable } from './sample-table.ts';

const required = Boolean(process.env.CI);
if (!NGINX) {
  const message =
    'nginx is not installed: the live nginx export tests are SKIPPED (apt-get install nginx-light).';
  if (required) throw new Error(`${message} CI requires them.`);
  console.warn(`\n!!! ${message}\n`);
}

describe.skipIf(!NGINX)('nginx export, live', () => {
  let monolith: NamedUpstream;
  let catalog: NamedUpstream;
  let orders: NamedUpstream;
  let nginx: RunningNginx;
  let base: string;

  beforeAll(async () => {
    [monolith, catalog, orders] = await Promise.all([
      startNamedUpstream('monolith'),
      startNamedUpstream('catalog'),
      startNamedUpstream('orders'),
    ]);
    const deadPort = await freePort();
    const port = await freePort();
    const table = sampleTable({
      monolith: monolith.url,
      catalog: catalog.url,
      orders: orders.url,
      reviews: `http://127.0.0.1:${deadPort}`,
    });
    const { prefix, conf } = writeNginxPrefix(toNginxConfig(sampleInput(table, port)));
    testNginxConfig(prefix, conf);
    nginx = await startNginx(prefix, conf, port);
    base = `http://127.0.0.1:${port}`;
  });

  afterAll(async () => {
    await nginx?.stop();
    await Promise.all([monolith?.close(), catalog?.close(), orders?.close()]);
  });

  async function servedBy(
    path: string,
    init?: RequestInit,
  ): Promise<{ status: number; body: string; header: string | null }> {
    const response = await fetch(`${base}${path}`, init);
    const text = await response.text();
    const body = response.status === 200 ? (JSON.parse(text) as { servedBy: string }).servedBy : text;
    return { status: response.status, body, header: response.headers.get('x-strangler-served-by') };
  }

  it('sends a service route to its service, whatever the case or trailing slash', async () => {
    expect((await servedBy('/api/catalog/products')).body).toBe('catalog');
    expect((await servedBy('/API/Catalog/Products/')).body).toBe('catalog');
    expect((await servedBy('/api/catalog/products?page=2')).header).toBe('catalog');
  });

  it('lets a literal route beat a parameter route, and keeps unmatched paths on the monolith', async () => {
    expect((await servedBy('/api/catalog/products/featured')).body).toBe('monolith');
    expect((await servedBy('/api/accounts/me')).body).toBe('monolith');
  });

  it('answers shadow routes from the monolith and mirrors safe requests to the service', async () => {
    const before = orders.seen.length;
    expect((await servedBy('/api/orders/17?expand=items')).body).toBe('monolith');
    await waitFor(() => orders.seen.length > before);
    const copy = orders.seen.at(-1)!;
    expect(copy.url).toBe('/api/orders/17?expand=items');
    expect(copy.headers['x-strangler-shadow']).toBe('1');
  });

  it('does not mirror an unsafe method the route did not opt in to', async () => {
    const before = orders.seen.length;
    expect((await servedBy('/api/orders/17/cancel', { method: 'POST', body: '{}' })).body).toBe('monolith');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(orders.seen.length).toBe(before);
  });

  it('falls back to the monolith when a service is down', async () => {
    const answer = await servedBy('/api/reviews/5');
    expect(answer.body).toBe('monolith');
    expect(answer.header).toBe('monolith');
  });

  it('rejects encoded dots and slashes that could route around a rule', async () => {
    // Raw request lines: fetch would resolve `%2e%2e` itself before sending.
    expect(await rawStatus(base, '/api/catalog/products/%2e%2e/featured')).toBe(400);
    expect(await rawStatus(base, '/api/reviews%2f5')).toBe(400);
    expect(await rawStatus(base, '/api/catalog/products/%2E%2e/featured')).toBe(400);
  });

  it('splits a 25% canary within 2 points over 2,000 keys, stickily', async () => {
    let toService = 0;
    const firstAnswer = new Map<number, string>();
    for (let key = 0; key < 2000; key++) {
      const { body } = await servedBy('/api/catalog/products/7', { headers: { 'x-user-id': `user-${key}` } });
      firstAnswer.set(key, body);
      if (body === 'catalog') toService++;
    }
    expect(Math.abs((toService / 2000) * 100 - 25)).toBeLessThanOrEqual(2);
    for (let key = 0; key < 50; key++) {
      const { body } = await servedBy('/api/catalog/products/8', { headers: { 'x-user-id': `user-${key}` } });
      expect(body).toBe(firstAnswer.get(key));
    }
  });
});

function rawStatus(base: string, path: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(`${base}/`, { path }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end();
  });
}

async function waitFor(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 50 && !condition(); i++) await new Promise((resolve) => setTimeout(resolve, 20));
  expect(condition()).toBe(true);
}

describe.skipIf(!NGINX)('nginx export, map hash sizes', () => {
  it('keeps map keys short enough for the default map_hash_bucket_size, however long the route ids', async () => {
    const table = sampleTable({
      monolith: 'http://127.0.0.1:3000',
      catalog: 'http://127.0.0.1:4001',
      orders: 'http://127.0.0.1:4002',
      reviews: 'http://127.0.0.1:4003',
    });
    const long = 'very-long-segment-name-that-keeps-going';
    const routes = Array.from({ length: 60 }, (_, i) => ({
      id: `get-api-${long}-${long}-${i}`,
      key: `GET /api/${long}/${long}/${i}/:id`,
      methods: ['GET'],
      path: `/api/${long}/${long}/${i}/:id`,
      service: 'catalog',
      mode: 'canary' as const,
      percent: 50,
    }));
    const { prefix, conf } = writeNginxPrefix(
      toNginxConfig(sampleInput({ ...table, routes }, await freePort())),
    );
    expect(() => testNginxConfig(prefix, conf)).not.toThrow();
  });
});
