/** Real SQLite files in a temp dir and the real `strangler` command, shared by the data tests. */
import { execFile, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';

export const STRANGLER_BIN = fileURLToPath(new URL('../../../bin/strangler.js', import.meta.url));
export const SHOP_WRITER = fileURLToPath(new URL('./fixtures/shop-writer.mjs', import.meta.url));
export const SAMPLE_MONOLITH = fileURLToPath(new URL('../../../sample-monolith', import.meta.url));

/** A small order schema with the shapes that matter: AUTOINCREMENT keys, a cascade, an index. */
export const ORDER_SCHEMA = `
CREATE TABLE orders (
  id           INTEGER PRIMARY KEY AUTOINCREMENT,
  order_number TEXT NOT NULL UNIQUE,
  status       TEXT NOT NULL,
  total_cents  INTEGER NOT NULL,
  note         TEXT
);
CREATE TABLE order_items (
  id       INTEGER PRIMARY KEY AUTOINCREMENT,
  order_id INTEGER NOT NULL REFERENCES orders(id) ON DELETE CASCADE,
  sku      TEXT NOT NULL,
  quantity INTEGER NOT NULL CHECK (quantity > 0)
);
CREATE INDEX idx_order_items_order ON order_items(order_id);
CREATE TABLE order_status_history (
  id       INTEGER PRIMARY KEY AUTOINCREMENT,
  order_id INTEGER NOT NULL REFERENCES orders(id) ON DELETE CASCADE,
  status   TEXT NOT NULL
);
CREATE TABLE customers (id INTEGER PRIMARY KEY, email TEXT NOT NULL);
INSERT INTO orders (order_number, status, total_cents) VALUES ('SO-SEED-1', 'delivered', 4900), ('SO-SEED-2', 'shipped', 12900);
INSERT INTO order_items (order_id, sku, quantity) VALUES (1, 'COOK-SKL-CI', 1), (2, 'TEXT-BLK-WOOL', 2);
`;
export const ORDER_TABLES = ['orders', 'order_items', 'order_status_history'];

export function makeTempDir(): { dir: string; cleanup(): void } {
  const dir = mkdtempSync(path.join(tmpdir(), 'strangler-data-'));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export function createShopDb(file: string, sql = ORDER_SCHEMA): void {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.exec(sql);
  db.close();
}

/** Every row of a table, sorted by all its columns, as the user would see it. */
export function readTable(file: string, table: string): unknown[] {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const width = db.prepare(`SELECT * FROM "${table}"`).columns().length;
    const order = Array.from({ length: width }, (_, i) => i + 1).join(', ');
    return db.prepare(`SELECT * FROM "${table}" ORDER BY ${order}`).all();
  } finally {
    db.close();
  }
}

export function query<T>(file: string, sql: string, ...params: unknown[]): T[] {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return db.prepare(sql).all(...params) as T[];
  } finally {
    db.close();
  }
}

const run = promisify(execFile);

export async function strangler(
  cwd: string,
  ...args: string[]
): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [STRANGLER_BIN, ...args], { cwd });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

export function startFollow(cwd: string, from: string, to: string) {
  return spawn(
    process.execPath,
    [STRANGLER_BIN, 'sync', '--from', from, '--to', to, '--follow', '--interval', '20', '--batch', '200'],
    {
      cwd,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
}
