import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';

const MONOLITH_BIN = fileURLToPath(new URL('../../bin/monolith.js', import.meta.url));

export interface RunningShop {
  baseUrl: string;
  dbFile: string;
  /** A read-only connection to the shop's database file, for checking what a request changed. */
  inspect(): Database.Database;
  stop(): Promise<void>;
}

/**
 * Starts `npm run monolith`'s entry point as its own process on 127.0.0.1 with port 0 and a fresh
 * database file in a temp dir, and resolves once it logs the address it listens on.
 */
export async function startShop(): Promise<RunningShop> {
  const dir = mkdtempSync(path.join(tmpdir(), 'shop-test-'));
  const dbFile = path.join(dir, 'shop.db');
  const child = spawn(process.execPath, [MONOLITH_BIN], {
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DB_FILE: dbFile, LOG_LEVEL: 'info' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk) => {
    stderr += String(chunk);
  });
  const baseUrl = await new Promise<string>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    lines.on('line', (line) => {
      try {
        const entry = JSON.parse(line) as { msg?: string; url?: string };
        if (entry.msg === 'listening' && entry.url) resolve(entry.url);
      } catch {
        // not a log line
      }
    });
    child.once('exit', (code) => reject(new Error(`shop exited with ${code} before listening:\n${stderr}`)));
  });
  let reader: Database.Database | undefined;
  return {
    baseUrl,
    dbFile,
    inspect() {
      reader ??= new Database(dbFile, { readonly: true, fileMustExist: true });
      return reader;
    },
    async stop() {
      reader?.close();
      await stopProcess(child);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function stopProcess(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => {
    child.once('exit', (code) => resolve(code));
    child.kill('SIGTERM');
  });
}

export interface ApiResponse<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

/** A tiny JSON client for one shop, optionally signed in. */
export function client(baseUrl: string, token?: string) {
  async function call<T = any>(method: string, url: string, body?: unknown): Promise<ApiResponse<T>> {
    const headers: Record<string, string> = {};
    if (token) headers.authorization = `Bearer ${token}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const res = await fetch(`${baseUrl}${url}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    const isJson = res.headers.get('content-type')?.includes('application/json');
    return {
      status: res.status,
      body: (isJson && text ? JSON.parse(text) : text) as T,
      headers: res.headers,
    };
  }
  return {
    get: <T = any>(url: string) => call<T>('GET', url),
    post: <T = any>(url: string, body?: unknown) => call<T>('POST', url, body ?? {}),
    put: <T = any>(url: string, body?: unknown) => call<T>('PUT', url, body ?? {}),
    patch: <T = any>(url: string, body?: unknown) => call<T>('PATCH', url, body ?? {}),
    delete: <T = any>(url: string) => call<T>('DELETE', url),
  };
}

export type ShopClient = ReturnType<typeof client>;

export const SEEDED = {
  admin: { email: 'admin@ferngrove.test', password: 'admin-password' },
  staff: { email: 'staff@ferngrove.test', password: 'staff-password' },
  ada: { email: 'ada@example.com', password: 'customer-password' },
  grace: { email: 'grace@example.com', password: 'customer-password' },
  linus: { email: 'linus@example.com', password: 'customer-password' },
  alan: { email: 'alan@example.com', password: 'customer-password' },
} as const;

export async function signIn(baseUrl: string, who: { email: string; password: string }): Promise<ShopClient> {
  const res = await client(baseUrl).post<{ token: string }>('/api/accounts/login', who);
  if (res.status !== 200)
    throw new Error(`login as ${who.email} failed: ${res.status} ${JSON.stringify(res.body)}`);
  return client(baseUrl, res.body.token);
}
