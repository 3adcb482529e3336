import { describe, expect, it } from 'vitest';
import { mongooseCollectionName, pluralize, snakeCase } from '../../../analyzer/facts/table-naming.ts';
import { describeTables, readFixture } from '../scan/read-fixture.ts';

describe('tables through ORMs, named the way each ORM names them', () => {
  it('Sequelize: define, Model.init, sequelize-typescript @Table; pluralised unless told otherwise', async () => {
    const facts = await readFixture('orm-sequelize');
    expect(describeTables(facts)).toEqual([
      'read Category src/billing.service.ts:8 sequelize',
      'read Customers src/billing.service.ts:7 sequelize',
      'write Invoices src/billing.service.ts:10 sequelize',
      'write Shipments src/billing.service.ts:12 sequelize',
      'write audit_trail src/billing.service.ts:11 sequelize',
    ]);
  });

  it("Sequelize CLI: models defined in factories and used as `db.Order`, matched by the model's name", async () => {
    const facts = await readFixture('orm-sequelize-cli');
    expect(describeTables(facts)).toEqual([
      'read Orders routes/orders.js:4 sequelize',
      'write order_lines routes/orders.js:8 sequelize',
    ]);
  });

  it('TypeORM: @Entity names, injected, looked-up and imported repositories, the entity manager', async () => {
    const facts = await readFixture('orm-typeorm');
    expect(describeTables(facts)).toEqual([
      'read order_item src/purchasing.service.ts:17 typeorm',
      'read purchase_orders src/purchasing.service.ts:12 typeorm',
      // `export const supplierRepository = AppDataSource.getRepository(Supplier)`, used elsewhere.
      'read suppliers src/suppliers.report.ts:4 typeorm',
      'write purchase_orders src/purchasing.service.ts:19 typeorm',
      'write suppliers src/purchasing.service.ts:20 typeorm',
    ]);
  });

  it('Prisma: models from schema.prisma with @@map, client calls, nothing for look-alike objects', async () => {
    const facts = await readFixture('orm-prisma');
    expect(describeTables(facts)).toEqual([
      'read Customer src/loyalty.service.ts:6 prisma',
      'read loyalty_accounts src/loyalty.service.ts:11 prisma',
      'write Customer src/loyalty.service.ts:9 prisma',
      'write loyalty_accounts src/loyalty.service.ts:8 prisma',
    ]);
  });

  it('Knex: table calls and from(), writes by the chain', async () => {
    const facts = await readFixture('orm-knex');
    expect(describeTables(facts)).toEqual([
      'read bins src/warehouse.repository.ts:4 knex',
      'read pickers src/warehouse.repository.ts:15 knex',
      'write bins src/warehouse.repository.ts:10 knex',
      'write stock_moves src/warehouse.repository.ts:9 knex',
    ]);
  });

  it('Mongoose: model() collections, lower-cased and pluralised, or the explicit collection', async () => {
    const facts = await readFixture('orm-mongoose');
    expect(describeTables(facts)).toEqual([
      'read categories src/reviews.service.ts:4 mongoose',
      'write reviews src/reviews.service.ts:6 mongoose',
      'write saved_lists src/reviews.service.ts:5 mongoose',
    ]);
  });

  it('MikroORM: @Entity from @mikro-orm, snake_case by default, entity manager calls', async () => {
    const facts = await readFixture('orm-mikro-orm');
    expect(describeTables(facts)).toEqual([
      'read gift_card src/gift-cards.service.ts:5 mikro-orm',
      'write card_ledger src/gift-cards.service.ts:6 mikro-orm',
    ]);
  });

  it('derives default names like the ORMs do', () => {
    expect(
      ['Customer', 'Category', 'Address', 'Box', 'Person', 'Inventory'].map((n) => pluralize(n)),
    ).toEqual(['Customers', 'Categories', 'Addresses', 'Boxes', 'People', 'Inventory']);
    expect(mongooseCollectionName('OrderItem')).toBe('orderitems');
    expect(snakeCase('OrderItem')).toBe('order_item');
    expect(snakeCase('HTTPLog')).toBe('http_log');
  });
});
