import { describe, expect, it } from 'vitest';
import { readFixture } from '../scan/read-fixture.ts';

describe('transactions', () => {
  it('follows calls from a transaction into repository functions in other modules', async () => {
    const facts = await readFixture('transaction-across-modules');
    expect(facts.transactions).toEqual([
      {
        file: 'src/orders/place-order.ts',
        line: 7,
        // stock_levels is only read by stockOf() but written by reserveStock(); stock_movements is
        // written by a private helper reserveStock() calls.
        tables: ['carts', 'orders', 'payments', 'stock_levels', 'stock_movements'],
        modules: [
          'src/inventory/stock.repository.ts',
          'src/orders/orders.repository.ts',
          'src/orders/place-order.ts',
          'src/payments/payments.repository.ts',
        ],
      },
      {
        // inTransaction(() => ...): a helper that runs its callback in db.transaction.
        file: 'src/orders/place-order.ts',
        line: 19,
        tables: ['refunds'],
        modules: ['src/payments/payments.repository.ts'],
      },
    ]);
  });

  it('reads Sequelize, TypeORM, Prisma and Knex transactions', async () => {
    const summary = async (name: string) =>
      (await readFixture(name)).transactions.map((t) => `${t.file}:${t.line} ${t.tables.join(',')}`);
    expect(await summary('orm-sequelize')).toEqual([
      'src/billing.service.ts:9 Invoices,Shipments,audit_trail',
    ]);
    expect(await summary('orm-typeorm')).toEqual(['src/purchasing.service.ts:18 purchase_orders,suppliers']);
    expect(await summary('orm-prisma')).toEqual(['src/loyalty.service.ts:7 Customer,loyalty_accounts']);
    expect(await summary('orm-knex')).toEqual(['src/warehouse.repository.ts:8 bins,stock_moves']);
  });
});
