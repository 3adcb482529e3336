import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createServiceDatabase, readOwnedSchema } from '../../../extract/data/index.ts';
import { makeTempDir, SAMPLE_MONOLITH } from './helpers.ts';

const ORDERING = ['orders', 'order_items', 'order_status_history', 'carts', 'cart_items', 'coupons'];

let temp: ReturnType<typeof makeTempDir>;
beforeEach(() => {
  temp = makeTempDir();
});
afterEach(() => temp.cleanup());

/** The shop's database as its server builds it: every migration, in order. */
function migratedShop(file: string): void {
  const db = new Database(file);
  const dir = path.join(SAMPLE_MONOLITH, 'db/migrations');
  for (const name of readdirSync(dir).sort()) db.exec(readFileSync(path.join(dir, name), 'utf8'));
  db.close();
}

function columnsOf(file: string, table: string): string[] {
  const db = new Database(file, { readonly: true });
  try {
    return (db.prepare(`PRAGMA table_info("${table}")`).all() as Array<{ name: string }>).map(
      (column) => column.name,
    );
  } finally {
    db.close();
  }
}

describe('readOwnedSchema', () => {
  it('rebuilds from the DDL in the code the same tables and indexes the database file has', () => {
    const shopFile = path.join(temp.dir, 'shop.db');
    migratedShop(shopFile);
    const fromDb = readOwnedSchema({ tables: ORDERING, monolithDb: shopFile });
    const fromCode = readOwnedSchema({ tables: ORDERING, root: SAMPLE_MONOLITH });
    expect(fromDb.source).toBe('database');
    expect(fromCode.source).toBe('ddl');
    expect(fromCode.missing).toEqual([]);
    expect(fromCode.tables.map((table) => table.name)).toEqual(ORDERING);
    expect(fromCode.tables.map((table) => table.indexes.length)).toEqual(
      fromDb.tables.map((table) => table.indexes.length),
    );

    // Both schemas create the same columns, including the ones a later ALTER TABLE added.
    const viaCode = path.join(temp.dir, 'from-code.db');
    const viaDb = path.join(temp.dir, 'from-db.db');
    createServiceDatabase(viaCode, fromCode.tables);
    createServiceDatabase(viaDb, fromDb.tables);
    for (const table of ORDERING) expect(columnsOf(viaCode, table), table).toEqual(columnsOf(viaDb, table));
    expect(columnsOf(viaCode, 'orders')).toContain('coupon_code');
  });

  it('finds a table created only in code (the migration ledger in migrate.ts) and names tables it cannot find', () => {
    const schema = readOwnedSchema({
      tables: ['schema_migrations', 'loyalty_points'],
      root: SAMPLE_MONOLITH,
    });
    expect(schema.tables.map((table) => table.name)).toEqual(['schema_migrations']);
    expect(schema.missing).toEqual(['loyalty_points']);
  });
});

describe('createServiceDatabase', () => {
  it('drops foreign keys to tables the service does not own, so its writes work with foreign_keys = ON', () => {
    const schema = readOwnedSchema({ tables: ['orders', 'order_items'], root: SAMPLE_MONOLITH });
    const file = path.join(temp.dir, 'ordering.db');
    const created = createServiceDatabase(file, schema.tables);
    expect(created.droppedReferences).toEqual([
      { table: 'orders', references: 'users' },
      { table: 'order_items', references: 'products' },
    ]);
    const db = new Database(file);
    db.pragma('foreign_keys = ON');
    db.exec(`INSERT INTO orders (order_number, user_id, subtotal_cents, total_cents, ship_to_json, created_at, updated_at)
             VALUES ('SO-1', 42, 100, 100, '{}', 'now', 'now')`);
    db.exec(
      "INSERT INTO order_items (order_id, product_id, sku, name, quantity, unit_price_cents) VALUES (1, 7, 'S', 'N', 1, 100)",
    );
    // The reference kept inside the service still holds.
    expect(() =>
      db.exec(
        "INSERT INTO order_items (order_id, product_id, sku, name, quantity, unit_price_cents) VALUES (99, 7, 'S', 'N', 1, 100)",
      ),
    ).toThrow(/FOREIGN KEY/);
    db.close();
  });
});
