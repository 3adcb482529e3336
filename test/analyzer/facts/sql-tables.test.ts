import { describe, expect, it } from 'vitest';
import { readSqlTables } from '../../../analyzer/facts/sql-tables.ts';
import { describeTables, readFixture } from '../scan/read-fixture.ts';

describe('tables from SQL text', () => {
  it('reads, writes, joins, CTEs, subqueries and upserts in strings, templates, constants and tags', async () => {
    const facts = await readFixture('raw-sql');
    expect(describeTables(facts)).toEqual([
      'read customers src/orders.repository.ts:7 sql',
      'read customers src/reports.ts:3 sql',
      'read order_lines src/orders.repository.ts:15 sql',
      'read orders src/orders.repository.ts:15 sql',
      'read orders src/orders.repository.ts:25 sql',
      'read orders src/orders.repository.ts:38 sql',
      'read orders src/orders.repository.ts:7 sql',
      'read orders src/reports.ts:3 sql',
      'read reorder_rules src/stock.repository.ts:9 sql',
      'read stock src/stock.repository.ts:9 sql',
      'write order_totals src/orders.repository.ts:30 sql',
      'write orders src/orders.repository.ts:11 sql',
      'write orders src/orders.repository.ts:26 sql',
      'write orders_archive src/orders.repository.ts:25 sql',
      'write reservations src/stock.repository.ts:5 sql',
      'write stock src/stock.repository.ts:4 sql',
    ]);
  });

  it('falls back to a keyword guess with a warning when no SQL grammar parses the text', async () => {
    const facts = await readFixture('raw-sql');
    expect(facts.warnings.map((w) => `${w.code} ${w.file}:${w.line}`)).toEqual([
      'SQL_UNPARSED src/stock.repository.ts:9',
    ]);
  });

  it('reads one-table statements without the full parser, and sends anything else to it', () => {
    expect(readSqlTables('SELECT id, status FROM "orders" o WHERE o.id = ? ORDER BY id').accesses).toEqual([
      { table: 'orders', access: 'read' },
    ]);
    expect(readSqlTables('INSERT OR IGNORE INTO carts (id) VALUES (?)').accesses).toEqual([
      { table: 'carts', access: 'write' },
    ]);
    expect(readSqlTables("UPDATE stock SET note = 'from orders' WHERE sku = ?").accesses).toEqual([
      { table: 'stock', access: 'write' },
    ]);
    // A comma join names two tables: not simple, so the parser sees both.
    expect(readSqlTables('SELECT * FROM orders o, customers c WHERE c.id = o.customer_id').accesses).toEqual([
      { table: 'orders', access: 'read' },
      { table: 'customers', access: 'read' },
    ]);
  });

  it('does not count CTE names or DDL as tables', () => {
    expect(readSqlTables('WITH recent AS (SELECT id FROM orders) SELECT * FROM recent')).toEqual({
      ok: true,
      accesses: [{ table: 'orders', access: 'read' }],
    });
    expect(readSqlTables('CREATE TABLE IF NOT EXISTS stock (sku TEXT)')).toEqual({ ok: true, accesses: [] });
  });

  it('marks UPDATE and DELETE targets written and their subqueries read', () => {
    const reading = readSqlTables(
      'UPDATE carts SET total = (SELECT SUM(cents) FROM cart_items WHERE cart_id = carts.id)',
    );
    expect(reading.accesses).toEqual(
      expect.arrayContaining([
        { table: 'carts', access: 'write' },
        { table: 'cart_items', access: 'read' },
      ]),
    );
    expect(reading.accesses).toHaveLength(2);
  });
});
