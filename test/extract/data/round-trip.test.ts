import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  copyTables,
  createChangeApplier,
  installChangeCapture,
  syncChanges,
} from '../../../extract/data/index.ts';
import { createShopDb, makeTempDir, ORDER_TABLES, readTable } from './helpers.ts';

let temp: ReturnType<typeof makeTempDir>;
let monolith: Database.Database;
let service: Database.Database;
let shopFile: string;
let serviceFile: string;

beforeEach(() => {
  temp = makeTempDir();
  shopFile = path.join(temp.dir, 'shop.db');
  serviceFile = path.join(temp.dir, 'ordering.db');
  createShopDb(shopFile);
  monolith = new Database(shopFile);
  monolith.pragma('foreign_keys = ON');
  service = new Database(serviceFile);
});
afterEach(() => {
  monolith.close();
  service.close();
  temp.cleanup();
});

function expectSameTables(tables: readonly string[]): void {
  for (const table of tables)
    expect(readTable(serviceFile, table), table).toEqual(readTable(shopFile, table));
}

describe('copy and sync', () => {
  it('copies the owned tables with their indexes, and only those', () => {
    const copy = copyTables(monolith, service, ORDER_TABLES);
    expect(copy.tables).toEqual([
      { name: 'orders', rows: 2 },
      { name: 'order_items', rows: 2 },
      { name: 'order_status_history', rows: 0 },
    ]);
    const names = service
      .prepare(
        "SELECT name FROM sqlite_master WHERE name NOT LIKE 'strangler_%' AND name NOT LIKE 'sqlite_%' ORDER BY name",
      )
      .pluck()
      .all();
    expect(names).toEqual(['idx_order_items_order', 'order_items', 'order_status_history', 'orders']);
    expectSameTables(ORDER_TABLES);
  });

  it('is idempotent: a second sync changes nothing, and replaying applied changes converges to the same rows', () => {
    copyTables(monolith, service, ORDER_TABLES);
    monolith.exec(`
      INSERT INTO orders (order_number, status, total_cents) VALUES ('SO-100', 'pending', 2900);
      UPDATE orders SET status = 'paid' WHERE order_number = 'SO-100';
      INSERT INTO order_items (order_id, sku, quantity) VALUES (3, 'LAMP-HDL-300', 1);
      DELETE FROM orders WHERE id = 1;`);
    expect(syncChanges(monolith, service).applied).toBe(5); // the cascade deleted order 1's line too
    expectSameTables(ORDER_TABLES);
    const before = ORDER_TABLES.map((table) => readTable(serviceFile, table));

    expect(syncChanges(monolith, service)).toMatchObject({ applied: 0, lastChangeId: 5 });
    // As if a crash had lost the watermark: every change applied a second time.
    service.prepare('UPDATE strangler_sync_state SET last_change_id = 0').run();
    expect(syncChanges(monolith, service).applied).toBe(5);
    expect(ORDER_TABLES.map((table) => readTable(serviceFile, table))).toEqual(before);
  });

  it('carries keys that change, BLOBs, reals, 64-bit integers and tables without a declared key', () => {
    monolith.exec(`
      CREATE TABLE attachments (id INTEGER PRIMARY KEY, body BLOB, ratio REAL, big INTEGER);
      CREATE TABLE audit (event TEXT, at TEXT);
      CREATE TABLE stock (product_id INTEGER, warehouse_id INTEGER, on_hand INTEGER, PRIMARY KEY (product_id, warehouse_id)) WITHOUT ROWID;`);
    const tables = ['attachments', 'audit', 'stock'];
    copyTables(monolith, service, tables);
    monolith
      .prepare('INSERT INTO attachments VALUES (1, ?, ?, ?)')
      .run(Buffer.from([0, 1, 254, 255]), 0.1 + 0.2, 9007199254740993n);
    monolith.exec(`
      INSERT INTO audit VALUES ('login', '2025-05-05'), ('logout', '2025-05-06');
      UPDATE audit SET at = '2025-05-07' WHERE event = 'logout';
      DELETE FROM audit WHERE event = 'login';
      INSERT INTO stock VALUES (3, 1, 2), (3, 2, 0);
      UPDATE stock SET warehouse_id = 9 WHERE warehouse_id = 2;
      UPDATE attachments SET id = 7 WHERE id = 1;`);
    syncChanges(monolith, service);
    expectSameTables(tables);
    const row = service
      .prepare('SELECT id, body, ratio, big FROM attachments')
      .safeIntegers(true)
      .get() as Record<string, unknown>;
    expect(row).toEqual({
      id: 7n,
      body: Buffer.from([0, 1, 254, 255]),
      ratio: 0.1 + 0.2,
      big: 9007199254740993n,
    });
    expect(service.prepare('SELECT rowid, event, at FROM audit').all()).toEqual(
      monolith.prepare('SELECT rowid, event, at FROM audit').all(),
    );
  });

  it('never applies a change twice when two syncs run into the same target', () => {
    copyTables(monolith, service, ORDER_TABLES);
    const second = new Database(serviceFile);
    try {
      const first = createChangeApplier(monolith, service, { batchSize: 2 });
      const other = createChangeApplier(monolith, second, { batchSize: 2 });
      monolith.exec(
        "INSERT INTO orders (order_number, status, total_cents) VALUES ('SO-A', 'paid', 1), ('SO-B', 'paid', 2), ('SO-C', 'paid', 3)",
      );
      expect(other.applyBatch()).toBe(2);
      // `first` was prepared before `other` moved the watermark; it must continue after it.
      expect(first.applyBatch()).toBe(1);
      expect(other.applyBatch()).toBe(0);
    } finally {
      second.close();
    }
    expect(service.prepare('SELECT change_id FROM strangler_applied ORDER BY seq').pluck().all()).toEqual([
      1, 2, 3,
    ]);
    expectSameTables(ORDER_TABLES);
  });

  it('copies a consistent snapshot while the monolith keeps writing, so the next sync neither misses nor repeats a row', () => {
    installChangeCapture(monolith, ORDER_TABLES);
    monolith.exec(
      "INSERT INTO orders (order_number, status, total_cents) VALUES ('SO-BEFORE', 'pending', 100)",
    );
    const copy = copyTables(monolith, service, ORDER_TABLES);
    expect(copy.lastChangeId).toBe(1); // the insert before the copy is in the copy...
    monolith.exec(
      "INSERT INTO orders (order_number, status, total_cents) VALUES ('SO-AFTER', 'pending', 200)",
    );
    expect(syncChanges(monolith, service).applied).toBe(1); // ...and only the later one is applied
    expectSameTables(ORDER_TABLES);
  });
});
