/**
 * The extracted catalog service (catalog + reviews), as its own process with its own SQLite
 * file, answers like the monolith: the same requests to both give the same statuses and bodies.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client, type RunningShop, SEEDED, startShop } from '../../../test/sample-monolith/shop-server.ts';
import { copyFromMonolith } from '../src/data.ts';

const SERVER = fileURLToPath(new URL('../server.ts', import.meta.url));
let shop: RunningShop;
let service: { url: string; child: ChildProcess };
let dir: string;

beforeAll(async () => {
  shop = await startShop();
  dir = mkdtempSync(path.join(tmpdir(), 'catalog-service-'));
  const dbFile = path.join(dir, 'catalog.db');
  const copied = copyFromMonolith(shop.dbFile, dbFile);
  expect(copied.products).toBeGreaterThan(0);
  service = await startService({
    PORT: '0',
    DB_FILE: dbFile,
    ACCOUNTS_URL: shop.baseUrl,
    LOG_LEVEL: 'silent',
  });
});

afterAll(async () => {
  if (service?.child.exitCode === null) {
    await new Promise((resolve) => {
      service.child.once('exit', resolve);
      service.child.kill('SIGTERM');
    });
  }
  await shop?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function login(who: { email: string; password: string }): Promise<string> {
  const res = await client(shop.baseUrl).post<{ token: string }>('/api/accounts/login', who);
  expect(res.status).toBe(200);
  return res.body.token;
}

async function startService(env: Record<string, string>): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, ['--import', 'tsx', SERVER], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const entry = JSON.parse(line) as { msg?: string; url?: string };
      if (entry.msg === 'listening' && entry.url) resolve(entry.url);
    });
    child.once('exit', (code) => reject(new Error(`catalog service exited with ${code}`)));
  });
  return { url, child };
}

/** Both answers, with timestamps written during this test (e.g. `readAt`) made comparable. */
async function both(token: string | undefined, method: string, url: string, body?: unknown) {
  const [monolith, extracted] = await Promise.all([
    call(client(shop.baseUrl, token), method, url, body),
    call(client(service.url, token), method, url, body),
  ]);
  const today = new Date().toISOString().slice(0, 10);
  const scrub = (value: unknown) =>
    JSON.parse(JSON.stringify(value), (_key, field) =>
      typeof field === 'string' && field.startsWith(today) ? '<written now>' : field,
    );
  return {
    monolith: { status: monolith.status, body: scrub(monolith.body) },
    extracted: { status: extracted.status, body: scrub(extracted.body) },
  };
}

function call(api: ReturnType<typeof client>, method: string, url: string, body?: unknown) {
  if (method === 'GET') return api.get(url);
  if (method === 'DELETE') return api.delete(url);
  return method === 'PATCH'
    ? api.patch(url, body)
    : method === 'PUT'
      ? api.put(url, body)
      : api.post(url, body);
}

describe('extracted catalog service', () => {
  it('answers /healthz on its own', async () => {
    const res = await client(service.url).get('/healthz');
    expect(res.body).toEqual({ status: 'ok', service: 'catalog' });
  });

  it('reads products, categories and reviews exactly like the monolith', async () => {
    const ada = await login(SEEDED.ada);
    const staff = await login(SEEDED.staff);
    const urls = [
      '/api/catalog/products',
      '/api/catalog/products?page=2&pageSize=5',
      '/api/catalog/products?sort=price_desc&minPrice=1000',
      '/api/catalog/products?sort=rating',
      '/api/catalog/products?q=tent',
      '/api/catalog/products/search?q=pan',
      '/api/catalog/products/search?q=x',
      '/api/catalog/products/1',
      '/api/catalog/products/999999',
      '/api/catalog/categories',
      '/api/catalog/products/1/reviews',
      '/api/catalog/products/1/reviews?sort=helpful',
      '/api/catalog/nowhere',
    ];
    for (const url of urls) {
      for (const token of [undefined, ada, staff]) {
        const { monolith, extracted } = await both(token, 'GET', url);
        expect(extracted, `GET ${url}`).toEqual(monolith);
      }
    }
    const categories = (await client(shop.baseUrl).get('/api/catalog/categories')).body;
    const slug = JSON.stringify(categories).match(/"slug":"([^"]+)"/)?.[1];
    expect(slug).toBeDefined();
    const inCategory = await both(undefined, 'GET', `/api/catalog/categories/${slug}/products`);
    expect(inCategory.extracted).toEqual(inCategory.monolith);
    for (const url of ['/api/reviews/mine', '/api/reviews/pending']) {
      for (const token of [undefined, ada, staff]) {
        const { monolith, extracted } = await both(token, 'GET', url);
        expect(extracted, `GET ${url}`).toEqual(monolith);
      }
    }
  });

  it('applies the same staff writes and then reads the same', async () => {
    const staff = await login(SEEDED.staff);
    const ada = await login(SEEDED.ada);
    const forbidden = await both(ada, 'PATCH', '/api/catalog/products/2', { priceCents: 1 });
    expect(forbidden.monolith.status).toBe(403);
    expect(forbidden.extracted).toEqual(forbidden.monolith);
    const patched = await both(staff, 'PATCH', '/api/catalog/products/2', { priceCents: 4321 });
    expect(patched.monolith.status).toBe(200);
    expect(patched.extracted).toEqual(patched.monolith);
    const invalid = await both(staff, 'PATCH', '/api/catalog/products/2', { priceCents: -5 });
    expect(invalid.extracted).toEqual(invalid.monolith);
    const archived = await both(staff, 'DELETE', '/api/catalog/products/3');
    expect(archived.extracted).toEqual(archived.monolith);
    const after = await both(undefined, 'GET', '/api/catalog/products?sort=name&pageSize=100');
    expect(after.extracted).toEqual(after.monolith);
  });
});
