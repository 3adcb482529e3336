import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyTables, installChangeCapture, syncChanges } from '../../../extract/data/index.ts';
import { type RunningShop, SEEDED, signIn, startShop } from '../../sample-monolith/shop-server.ts';
import { makeTempDir, readTable } from './helpers.ts';

// Every table the shop's checkout writes in its one transaction (orders/orders.service.ts).
const CHECKOUT_TABLES = [
  'orders',
  'order_items',
  'order_status_history',
  'stock_levels',
  'stock_reservations',
  'payments',
  'shipments',
  'notifications',
  'coupons',
  'carts',
  'cart_items',
];

let shop: RunningShop;
let temp: ReturnType<typeof makeTempDir>;

beforeAll(async () => {
  shop = await startShop();
  temp = makeTempDir();
});
afterAll(async () => {
  await shop?.stop();
  temp?.cleanup();
});

describe('change capture on the running sample monolith', () => {
  it('records checkout, and a declined card rolls the order and its captured changes back together', async () => {
    const monolith = new Database(shop.dbFile);
    const service = new Database(path.join(temp.dir, 'ordering.db'));
    try {
      // Installed while the shop runs, through another connection, as an operator would.
      installChangeCapture(monolith, CHECKOUT_TABLES);
      copyTables(monolith, service, CHECKOUT_TABLES);
      const changes = () =>
        monolith.prepare('SELECT table_name, op FROM strangler_changes ORDER BY id').all() as Array<{
          table_name: string;
          op: string;
        }>;
      const count = (table: string) => monolith.prepare(`SELECT COUNT(*) FROM ${table}`).pluck().get();

      const grace = await signIn(shop.baseUrl, SEEDED.grace);
      await grace.delete('/api/cart');
      expect((await grace.post('/api/cart/items', { productId: 11, quantity: 1 })).status).toBe(201);
      const placed = await grace.post('/api/orders', { paymentToken: 'tok_visa' });
      expect(placed.status, JSON.stringify(placed.body)).toBe(201);
      const afterOrder = changes();
      const touched = new Set(afterOrder.map((change) => change.table_name));
      for (const table of [
        'orders',
        'order_items',
        'payments',
        'shipments',
        'stock_reservations',
        'notifications',
      ]) {
        expect(touched.has(table), table).toBe(true);
      }

      expect((await grace.post('/api/cart/items', { productId: 20, quantity: 2 })).status).toBe(201);
      const beforeDecline = {
        changes: changes().length,
        orders: count('orders'),
        payments: count('payments'),
      };
      const declined = await grace.post('/api/orders', { paymentToken: 'tok_declined' });
      expect(declined.status).toBe(402);
      expect({ changes: changes().length, orders: count('orders'), payments: count('payments') }).toEqual(
        beforeDecline,
      );

      const synced = syncChanges(monolith, service);
      expect(synced.applied).toBe(beforeDecline.changes);
    } finally {
      monolith.close();
      service.close();
    }
    for (const table of CHECKOUT_TABLES) {
      expect(readTable(path.join(temp.dir, 'ordering.db'), table), table).toEqual(
        readTable(shop.dbFile, table),
      );
    }
  });
});
