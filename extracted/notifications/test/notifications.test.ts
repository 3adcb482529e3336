/**
 * The extracted notifications service, as its own process with its own SQLite file, answers
 * like the monolith: the same requests to both give the same statuses and bodies, reads and
 * writes, with accounts (still in the monolith) checking the tokens.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client, type RunningShop, SEEDED, startShop } from '../../../test/sample-monolith/shop-server.ts';
import { copyFromMonolith } from '../src/copy-from-monolith.ts';

const SERVER = fileURLToPath(new URL('../server.ts', import.meta.url));
let shop: RunningShop;
let service: { url: string; child: ChildProcess };
let dir: string;

beforeAll(async () => {
  shop = await startShop();
  dir = mkdtempSync(path.join(tmpdir(), 'notifications-service-'));
  const dbFile = path.join(dir, 'notifications.db');
  const copied = copyFromMonolith(shop.dbFile, dbFile);
  expect(copied.notifications).toBeGreaterThan(0);
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
    child.once('exit', (code) => reject(new Error(`notifications service exited with ${code}`)));
  });
  return { url, child };
}

/** Both answers, with timestamps written during this test (e.g. `readAt`) made comparable. */
async function both(token: string | undefined, method: string, url: string, body?: unknown) {
  const [monolith, extracted] = await Promise.all([
    client(shop.baseUrl, token)[method === 'GET' ? 'get' : method === 'PUT' ? 'put' : 'post'](url, body),
    client(service.url, token)[method === 'GET' ? 'get' : method === 'PUT' ? 'put' : 'post'](url, body),
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

describe('extracted notifications service', () => {
  it('answers /healthz on its own', async () => {
    const res = await client(service.url).get('/healthz');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok', service: 'notifications' });
  });

  it('lists the inbox and preferences exactly like the monolith', async () => {
    const ada = await login(SEEDED.ada);
    for (const url of [
      '/api/notifications',
      '/api/notifications?unread=true',
      '/api/notifications?page=2&pageSize=1',
      '/api/notifications/preferences',
    ]) {
      const { monolith, extracted } = await both(ada, 'GET', url);
      expect(monolith.status).toBe(200);
      expect(extracted).toEqual(monolith);
    }
  });

  it('applies the same writes and then reads the same', async () => {
    const grace = await login(SEEDED.grace);
    const prefs = await both(grace, 'PUT', '/api/notifications/preferences', { marketingOptIn: true });
    expect(prefs.extracted).toEqual(prefs.monolith);
    const inbox = await both(grace, 'GET', '/api/notifications');
    const first = inbox.monolith.body.items[0];
    if (first) {
      const read = await both(grace, 'POST', `/api/notifications/${first.id}/read`);
      expect(read.extracted).toEqual(read.monolith);
    }
    const all = await both(grace, 'POST', '/api/notifications/read-all');
    expect(all.extracted).toEqual(all.monolith);
    const after = await both(grace, 'GET', '/api/notifications');
    expect(after.extracted).toEqual(after.monolith);
  });

  it('refuses like the monolith: no token, bad token, wrong role, unknown id, invalid body', async () => {
    const ada = await login(SEEDED.ada);
    const cases: Array<[string | undefined, string, string, unknown?]> = [
      [undefined, 'GET', '/api/notifications'],
      ['not-a-session', 'GET', '/api/notifications'],
      [ada, 'POST', '/api/notifications/dispatch'],
      [ada, 'POST', '/api/notifications/999999/read'],
      [ada, 'PUT', '/api/notifications/preferences', { emailEnabled: 'yes' }],
    ];
    for (const [token, method, url, body] of cases) {
      const { monolith, extracted } = await both(token, method, url, body);
      expect(monolith.status).toBeGreaterThanOrEqual(400);
      expect(extracted).toEqual(monolith);
    }
  });
});
