import { db } from '@shop/shared/db.ts';

export interface StockLevelRow {
  product_id: number;
  warehouse_id: number;
  warehouse_code: string;
  on_hand: number;
  reserved: number;
}

export function stockLevelsForProduct(productId: number): StockLevelRow[] {
  return db()
    .prepare(
      `SELECT sl.product_id, sl.warehouse_id, w.code AS warehouse_code, sl.on_hand, sl.reserved
         FROM stock_levels sl JOIN warehouses w ON w.id = sl.warehouse_id
        WHERE sl.product_id = ?
        ORDER BY (sl.on_hand - sl.reserved) DESC, w.id`,
    )
    .all(productId) as StockLevelRow[];
}

export function availableQuantity(productId: number): number {
  return db()
    .prepare('SELECT COALESCE(SUM(on_hand - reserved), 0) FROM stock_levels WHERE product_id = ?')
    .pluck()
    .get(productId) as number;
}

export function addReserved(productId: number, warehouseId: number, quantity: number): void {
  db()
    .prepare('UPDATE stock_levels SET reserved = reserved + ? WHERE product_id = ? AND warehouse_id = ?')
    .run(quantity, productId, warehouseId);
}

export function insertReservation(r: {
  orderId: number;
  productId: number;
  warehouseId: number;
  quantity: number;
  createdAt: string;
}): void {
  db()
    .prepare(
      `INSERT INTO stock_reservations (order_id, product_id, warehouse_id, quantity, status, created_at)
       VALUES (@orderId, @productId, @warehouseId, @quantity, 'held', @createdAt)`,
    )
    .run(r);
}

export interface ReservationRow {
  id: number;
  order_id: number;
  product_id: number;
  warehouse_id: number;
  quantity: number;
  status: 'held' | 'released' | 'fulfilled';
  created_at: string;
}

export function heldReservationsForOrder(orderId: number): ReservationRow[] {
  return db()
    .prepare(`SELECT * FROM stock_reservations WHERE order_id = ? AND status = 'held'`)
    .all(orderId) as ReservationRow[];
}

export function listReservations(
  status: string | undefined,
  limit: number,
  offset: number,
): ReservationRow[] {
  const sql = status
    ? 'SELECT * FROM stock_reservations WHERE status = ? ORDER BY id DESC LIMIT ? OFFSET ?'
    : 'SELECT * FROM stock_reservations ORDER BY id DESC LIMIT ? OFFSET ?';
  const params = status ? [status, limit, offset] : [limit, offset];
  return db()
    .prepare(sql)
    .all(...params) as ReservationRow[];
}

/** Ends a hold: `released` gives the stock back, `fulfilled` takes it off the shelf for good. */
export function closeReservation(reservation: ReservationRow, outcome: 'released' | 'fulfilled'): void {
  db().prepare('UPDATE stock_reservations SET status = ? WHERE id = ?').run(outcome, reservation.id);
  const onHandDelta = outcome === 'fulfilled' ? reservation.quantity : 0;
  db()
    .prepare(
      `UPDATE stock_levels SET reserved = reserved - ?, on_hand = on_hand - ?
        WHERE product_id = ? AND warehouse_id = ?`,
    )
    .run(reservation.quantity, onHandDelta, reservation.product_id, reservation.warehouse_id);
}

export function adjustOnHand(productId: number, warehouseId: number, delta: number): void {
  db()
    .prepare(
      'INSERT OR IGNORE INTO stock_levels (product_id, warehouse_id, on_hand, reserved) VALUES (?, ?, 0, 0)',
    )
    .run(productId, warehouseId);
  db()
    .prepare('UPDATE stock_levels SET on_hand = on_hand + ? WHERE product_id = ? AND warehouse_id = ?')
    .run(delta, productId, warehouseId);
}

export function insertMovement(m: {
  productId: number;
  warehouseId: number;
  delta: number;
  reason: string;
  createdBy: number | null;
  createdAt: string;
}): number {
  return Number(
    db()
      .prepare(
        `INSERT INTO stock_movements (product_id, warehouse_id, delta, reason, created_by, created_at)
         VALUES (@productId, @warehouseId, @delta, @reason, @createdBy, @createdAt)`,
      )
      .run(m).lastInsertRowid,
  );
}

export function listMovements(productId: number | undefined, limit: number, offset: number) {
  const where = productId === undefined ? '' : 'WHERE product_id = @productId';
  return db()
    .prepare(`SELECT * FROM stock_movements ${where} ORDER BY id DESC LIMIT @limit OFFSET @offset`)
    .all({ productId, limit, offset });
}

export function lowStock(threshold: number) {
  return db()
    .prepare(
      `SELECT sl.product_id AS productId, SUM(sl.on_hand) AS onHand, SUM(sl.reserved) AS reserved,
              SUM(sl.on_hand - sl.reserved) AS available
         FROM stock_levels sl
        GROUP BY sl.product_id
       HAVING SUM(sl.on_hand - sl.reserved) <= ?
        ORDER BY available, sl.product_id`,
    )
    .all(threshold);
}
