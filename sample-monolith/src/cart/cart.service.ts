import { currentUnitPriceCents, findProductById, findProductsByIds, isPurchasable } from '@shop/catalog';
import { isAvailable } from '@shop/inventory/inventory.service.ts';
import { previewDiscount } from '@shop/promotions/discounts.ts';
import { now } from '@shop/shared/clock.ts';
import { config } from '@shop/shared/config.ts';
import { ConflictError, NotFoundError } from '@shop/shared/errors.ts';
import { toMoney } from '@shop/shared/money.ts';
import {
  cartItems,
  clearCart,
  deleteCartItem,
  findCartItem,
  getOrCreateCart,
  setCartCoupon,
  setCartItemQuantity,
  upsertCartItem,
} from './cart.repository.ts';

export interface CartLine {
  itemId: number;
  productId: number;
  sku: string;
  name: string;
  quantity: number;
  unitPriceCents: number;
  weightGrams: number;
}

export interface CartContents {
  cartId: number;
  couponCode: string | null;
  lines: CartLine[];
  subtotalCents: number;
}

export function getCartContents(userId: number): CartContents {
  const cart = getOrCreateCart(userId, now());
  const items = cartItems(cart.id);
  const products = new Map(findProductsByIds(items.map((i) => i.product_id)).map((p) => [p.id, p]));
  const lines = items.flatMap((item) => {
    const product = products.get(item.product_id);
    if (!product) return [];
    return [
      {
        itemId: item.id,
        productId: item.product_id,
        sku: product.sku,
        name: product.name,
        quantity: item.quantity,
        unitPriceCents: item.unit_price_cents,
        weightGrams: product.weight_grams,
      },
    ];
  });
  const subtotalCents = lines.reduce((sum, l) => sum + l.quantity * l.unitPriceCents, 0);
  return { cartId: cart.id, couponCode: cart.coupon_code, lines, subtotalCents };
}

export function toCartView(contents: CartContents) {
  const currency = config().currency;
  const discount = previewDiscount(contents.couponCode, contents.subtotalCents);
  return {
    items: contents.lines.map((l) => ({
      id: l.itemId,
      productId: l.productId,
      sku: l.sku,
      name: l.name,
      quantity: l.quantity,
      unitPrice: toMoney(l.unitPriceCents, currency),
      lineTotal: toMoney(l.unitPriceCents * l.quantity, currency),
    })),
    itemCount: contents.lines.reduce((n, l) => n + l.quantity, 0),
    coupon: contents.couponCode ? { code: discount.code, problem: discount.problem } : null,
    subtotal: toMoney(contents.subtotalCents, currency),
    discount: toMoney(discount.discountCents, currency),
    total: toMoney(contents.subtotalCents - discount.discountCents, currency),
  };
}

export function addToCart(userId: number, productId: number, quantity: number): void {
  const product = findProductById(productId);
  if (!product || !isPurchasable(product)) throw new NotFoundError('Product', productId);
  const cart = getOrCreateCart(userId, now());
  const already = cartItems(cart.id).find((i) => i.product_id === productId)?.quantity ?? 0;
  if (!isAvailable(productId, already + quantity)) {
    throw new ConflictError(`Only limited stock left for ${product.name}`, 'insufficient_stock', {
      productId,
    });
  }
  upsertCartItem(cart.id, productId, quantity, currentUnitPriceCents(product), now());
}

export function changeQuantity(userId: number, itemId: number, quantity: number): void {
  const cart = getOrCreateCart(userId, now());
  const item = findCartItem(cart.id, itemId);
  if (!item) throw new NotFoundError('Cart item', itemId);
  if (!isAvailable(item.product_id, quantity)) {
    throw new ConflictError('Not enough stock for that quantity', 'insufficient_stock', {
      productId: item.product_id,
    });
  }
  setCartItemQuantity(cart.id, itemId, quantity, now());
}

export function removeFromCart(userId: number, itemId: number): void {
  const cart = getOrCreateCart(userId, now());
  if (!deleteCartItem(cart.id, itemId, now())) throw new NotFoundError('Cart item', itemId);
}

export function emptyCart(cartId: number): void {
  clearCart(cartId, now());
}

export function applyCoupon(userId: number, code: string | null): void {
  const cart = getOrCreateCart(userId, now());
  setCartCoupon(cart.id, code ? code.toUpperCase() : null, now());
}
