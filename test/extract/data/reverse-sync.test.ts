import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { handOver, initSync, syncChanges } from '../../../extract/data/index.ts';
import { createShopDb, makeTempDir, ORDER_TABLES, readTable } from './helpers.ts';

let temp: ReturnType<typeof makeTempDir>;
let shopFile: string;
let serviceFile: string;

beforeEach(() => {
  temp = makeTempDir();
  shopFile = path.join(temp.dir, 'shop.db');
  serviceFile = path.join(temp.dir, 'ordering.db');
  createShopDb(shopFile);
});
afterEach(() => temp.cleanup());

function withDbs<T>(work: (shop: Database.Database, service: Database.Database) => T): T {
  const shop = new Database(shopFile);
  const service = new Database(serviceFile);
  try {
    return work(shop, service);
  } finally {
    shop.close();
    service.close();
  }
}

describe('after cut-over: reverse sync into a read-only read model in the monolith', () => {
  it("keeps the monolith's reports current with the service's writes, refuses monolith writes, and never echoes a change back", () => {
    // Before cut-over: the monolith writes, the service follows.
    initSync(shopFile, serviceFile, ORDER_TABLES);
    withDbs((shop, service) => {
      shop.exec("INSERT INTO orders (order_number, status, total_cents) VALUES ('SO-BEFORE', 'paid', 5400)");
      expect(syncChanges(shop, service).applied).toBe(1);
    });

    // Hand-over: a last monolith write not synced yet still reaches the service; later ones fail.
    withDbs((shop) =>
      shop.exec("INSERT INTO orders (order_number, status, total_cents) VALUES ('SO-LATE', 'paid', 900)"),
    );
    expect(handOver(shopFile, serviceFile, 'ordering')).toMatchObject({ tables: ORDER_TABLES, applied: 1 });
    withDbs((shop) =>
      expect(() => shop.exec("INSERT INTO order_items (order_id, sku, quantity) VALUES (1, 'X', 1)")).toThrow(
        /read-only copy/,
      ),
    );

    // Cut-over: the service takes the writes; the monolith keeps a read-only copy for reporting.
    initSync(serviceFile, shopFile, ORDER_TABLES, { readOnly: true, owner: 'ordering' });
    withDbs((shop, service) => {
      expect(() => shop.exec("UPDATE orders SET status = 'cancelled' WHERE id = 1")).toThrow(
        /orders is a read-only copy: ordering owns it now/,
      );
      const shopChanges = shop.prepare('SELECT count(*) FROM strangler_changes').pluck().get();

      service.exec(`
        INSERT INTO orders (order_number, status, total_cents) VALUES ('SO-AFTER', 'paid', 12900);
        INSERT INTO order_items (order_id, sku, quantity) VALUES (5, 'TEXT-BLK-WOOL', 1);
        UPDATE orders SET status = 'shipped' WHERE order_number = 'SO-BEFORE';`);
      expect(syncChanges(service, shop).applied).toBe(3);

      // A report in the monolith, unchanged SQL, sees the service's writes.
      const report = shop
        .prepare(
          'SELECT o.order_number, o.status, count(i.id) AS lines FROM orders o LEFT JOIN order_items i ON i.order_id = o.id GROUP BY o.id ORDER BY o.id',
        )
        .all();
      expect(report).toEqual([
        { order_number: 'SO-SEED-1', status: 'delivered', lines: 1 },
        { order_number: 'SO-SEED-2', status: 'shipped', lines: 1 },
        { order_number: 'SO-BEFORE', status: 'shipped', lines: 0 },
        { order_number: 'SO-LATE', status: 'paid', lines: 0 },
        { order_number: 'SO-AFTER', status: 'paid', lines: 1 },
      ]);
      // The applied rows did not trip the monolith's own capture: nothing flows back.
      expect(shop.prepare('SELECT count(*) FROM strangler_changes').pluck().get()).toBe(shopChanges);
      expect(syncChanges(shop, service).applied).toBe(0);
    });
    for (const table of ORDER_TABLES)
      expect(readTable(shopFile, table), table).toEqual(readTable(serviceFile, table));
  });

  it('rolls a cut-over back with a hand-over the other way: the service stops taking writes, the monolith takes them again', () => {
    initSync(shopFile, serviceFile, ORDER_TABLES);
    handOver(shopFile, serviceFile, 'ordering');
    initSync(serviceFile, shopFile, ORDER_TABLES, { readOnly: true, owner: 'ordering' });
    withDbs((_shop, service) =>
      service.exec(
        "INSERT INTO orders (order_number, status, total_cents) VALUES ('SO-SERVICE', 'paid', 100)",
      ),
    );

    expect(handOver(serviceFile, shopFile, 'monolith')).toMatchObject({ applied: 1 });
    withDbs((shop, service) => {
      expect(() => service.exec("UPDATE orders SET status = 'x'")).toThrow(/monolith owns it now/);
      shop.exec("UPDATE orders SET status = 'refunded' WHERE order_number = 'SO-SERVICE'");
      expect(shop.prepare("SELECT status FROM orders WHERE order_number = 'SO-SERVICE'").pluck().get()).toBe(
        'refunded',
      );
    });
  });
});
