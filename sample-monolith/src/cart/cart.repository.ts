import { db } from '@shop/shared/db.ts';

export interface CartRow {
  id: number;
  user_id: number;
  coupon_code: string | null;
  updated_at: string;
}

export interface CartItemRow {
  id: number;
  cart_id: number;
  product_id: number;
  quantity: number;
  unit_price_cents: number;
  added_at: string;
}

/** Every customer has at most one cart; it is created on first use. */
export function getOrCreateCart(userId: number, timestamp: string): CartRow {
  db()
    .prepare('INSERT INTO carts (user_id, updated_at) VALUES (?, ?) ON CONFLICT (user_id) DO NOTHING')
    .run(userId, timestamp);
  return db().prepare('SELECT * FROM carts WHERE user_id = ?').get(userId) as CartRow;
}

export function cartItems(cartId: number): CartItemRow[] {
  return db().prepare('SELECT * FROM cart_items WHERE cart_id = ? ORDER BY id').all(cartId) as CartItemRow[];
}

export function findCartItem(cartId: number, itemId: number): CartItemRow | undefined {
  return db().prepare('SELECT * FROM cart_items WHERE id = ? AND cart_id = ?').get(itemId, cartId) as
    | CartItemRow
    | undefined;
}

export function upsertCartItem(
  cartId: number,
  productId: number,
  quantity: number,
  unitPriceCents: number,
  at: string,
) {
  db()
    .prepare(
      `INSERT INTO cart_items (cart_id, product_id, quantity, unit_price_cents, added_at)
       VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (cart_id, product_id)
       DO UPDATE SET quantity = quantity + excluded.quantity, unit_price_cents = excluded.unit_price_cents`,
    )
    .run(cartId, productId, quantity, unitPriceCents, at);
  touchCart(cartId, at);
}

export function setCartItemQuantity(cartId: number, itemId: number, quantity: number, at: string): void {
  db()
    .prepare('UPDATE cart_items SET quantity = ? WHERE id = ? AND cart_id = ?')
    .run(quantity, itemId, cartId);
  touchCart(cartId, at);
}

export function deleteCartItem(cartId: number, itemId: number, at: string): boolean {
  const removed =
    db().prepare('DELETE FROM cart_items WHERE id = ? AND cart_id = ?').run(itemId, cartId).changes > 0;
  touchCart(cartId, at);
  return removed;
}

export function clearCart(cartId: number, at: string): void {
  db().prepare('DELETE FROM cart_items WHERE cart_id = ?').run(cartId);
  db().prepare('UPDATE carts SET coupon_code = NULL, updated_at = ? WHERE id = ?').run(at, cartId);
}

export function setCartCoupon(cartId: number, code: string | null, at: string): void {
  db().prepare('UPDATE carts SET coupon_code = ?, updated_at = ? WHERE id = ?').run(code, at, cartId);
}

function touchCart(cartId: number, at: string): void {
  db().prepare('UPDATE carts SET updated_at = ? WHERE id = ?').run(at, cartId);
}
