import { db } from '@shop/shared/db.ts';
import type { OrderItemRow, OrderRow, OrderStatus, ShipTo } from './orders.types.ts';

export function insertOrder(o: {
  orderNumber: string;
  userId: number;
  subtotalCents: number;
  discountCents: number;
  shippingCents: number;
  totalCents: number;
  currency: string;
  shipTo: ShipTo;
  couponCode: string | null;
  createdAt: string;
}): number {
  const result = db()
    .prepare(
      `INSERT INTO orders (order_number, user_id, status, subtotal_cents, discount_cents, shipping_cents,
                           total_cents, currency, ship_to_json, coupon_code, created_at, updated_at)
       VALUES (@orderNumber, @userId, 'pending', @subtotalCents, @discountCents, @shippingCents,
               @totalCents, @currency, @shipToJson, @couponCode, @createdAt, @createdAt)`,
    )
    .run({ ...o, shipToJson: JSON.stringify(o.shipTo) });
  return Number(result.lastInsertRowid);
}

const insertItemSql = `
  INSERT INTO order_items (order_id, product_id, sku, name, quantity, unit_price_cents)
  VALUES (?, ?, ?, ?, ?, ?)`;

export function insertOrderItems(orderId: number, items: Omit<OrderItemRow, 'id' | 'order_id'>[]): void {
  const statement = db().prepare(insertItemSql);
  for (const item of items) {
    statement.run(orderId, item.product_id, item.sku, item.name, item.quantity, item.unit_price_cents);
  }
}

export function findOrder(id: number): OrderRow | undefined {
  return db().prepare('SELECT * FROM orders WHERE id = ?').get(id) as OrderRow | undefined;
}

export function findOrderItems(orderId: number): OrderItemRow[] {
  return db()
    .prepare('SELECT * FROM order_items WHERE order_id = ? ORDER BY id')
    .all(orderId) as OrderItemRow[];
}

export function listOrders(filter: { userId?: number; status?: string }, limit: number, offset: number) {
  const where: string[] = [];
  if (filter.userId !== undefined) where.push('user_id = @userId');
  if (filter.status) where.push('status = @status');
  const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const params = { ...filter, limit, offset };
  const rows = db()
    .prepare(`SELECT * FROM orders ${clause} ORDER BY created_at DESC, id DESC LIMIT @limit OFFSET @offset`)
    .all(params) as OrderRow[];
  const total = db().prepare(`SELECT COUNT(*) FROM orders ${clause}`).pluck().get(params) as number;
  return { rows, total };
}

export function setOrderStatus(id: number, status: OrderStatus, note: string | null, at: string): void {
  db().prepare('UPDATE orders SET status = ?, updated_at = ? WHERE id = ?').run(status, at, id);
  db()
    .prepare('INSERT INTO order_status_history (order_id, status, note, created_at) VALUES (?, ?, ?, ?)')
    .run(id, status, note, at);
}

export function statusHistory(orderId: number) {
  return db()
    .prepare('SELECT status, note, created_at AS at FROM order_status_history WHERE order_id = ? ORDER BY id')
    .all(orderId) as { status: OrderStatus; note: string | null; at: string }[];
}
