import { randomBytes } from 'node:crypto';
import { type AddressRow, findAddress, findDefaultAddress } from '@shop/accounts/addresses.repository.ts';
import { emptyCart, getCartContents } from '@shop/cart/cart.service.ts';
import { fulfilStock, releaseStock, reserveStock } from '@shop/inventory/inventory.service.ts';
import { queueNotification } from '@shop/notifications/notifications.service.ts';
import { chargeForOrder, refundOrderPayments } from '@shop/payments/payments.service.ts';
import { redeemCoupon } from '@shop/promotions/discounts.ts';
import { now } from '@shop/shared/clock.ts';
import { config } from '@shop/shared/config.ts';
import { db } from '@shop/shared/db.ts';
import { BadRequestError, ConflictError, NotFoundError, ValidationError } from '@shop/shared/errors.ts';
import { formatCents, toMoney } from '@shop/shared/money.ts';
import { cancelShipmentForOrder } from '@shop/shipping/shipping.repository.ts';
import { createShipmentForOrder, shippingCostCents } from '@shop/shipping/shipping.service.ts';
import {
  findOrder,
  findOrderItems,
  insertOrder,
  insertOrderItems,
  setOrderStatus,
  statusHistory,
} from './orders.repository.ts';
import type { CheckoutInput, OrderRow, OrderStatus, PlacedOrder, ShipTo } from './orders.types.ts';

function toShipTo(address: AddressRow): ShipTo {
  return {
    recipient: address.recipient,
    line1: address.line1,
    line2: address.line2,
    city: address.city,
    postalCode: address.postal_code,
    country: address.country,
  };
}

function resolveShipTo(userId: number, input: Pick<CheckoutInput, 'addressId' | 'shipTo'>): ShipTo {
  if (input.shipTo) return input.shipTo;
  const address = input.addressId ? findAddress(userId, input.addressId) : findDefaultAddress(userId);
  if (!address) {
    throw new ValidationError([
      {
        field: input.addressId ? 'addressId' : 'shipTo',
        message: 'no such address; send shipTo or save an address',
      },
    ]);
  }
  return toShipTo(address);
}

function orderNumber(): string {
  return `SO-${randomBytes(4).toString('hex').toUpperCase()}`;
}

/** Totals for the checkout page, without placing anything. */
export function quoteCheckout(userId: number, input: Pick<CheckoutInput, 'addressId' | 'shipTo'>) {
  const cart = getCartContents(userId);
  if (cart.lines.length === 0) throw new BadRequestError('Your cart is empty', 'cart_empty');
  const shipTo = resolveShipTo(userId, input);
  const weightGrams = cart.lines.reduce((g, l) => g + l.weightGrams * l.quantity, 0);
  const shippingCents = shippingCostCents(shipTo.country, weightGrams, cart.subtotalCents);
  return { cart, shipTo, weightGrams, shippingCents };
}

/**
 * Checkout. Everything below happens in ONE transaction: if the card is declined or stock ran
 * out, no order, stock hold, payment, shipment or email survives.
 */
export function placeOrder(userId: number, input: CheckoutInput): number {
  const { cart, shipTo, weightGrams, shippingCents } = quoteCheckout(userId, input);
  const currency = config().currency;

  const checkout = db().transaction(() => {
    const discountCents = cart.couponCode ? redeemCoupon(cart.couponCode, cart.subtotalCents) : 0;
    const totalCents = cart.subtotalCents - discountCents + shippingCents;
    const createdAt = now();
    const order: PlacedOrder = {
      id: 0,
      orderNumber: orderNumber(),
      userId,
      totalCents,
      shippingCents,
      currency,
      weightGrams,
      shipTo,
    };
    order.id = insertOrder({
      orderNumber: order.orderNumber,
      userId,
      subtotalCents: cart.subtotalCents,
      discountCents,
      shippingCents,
      totalCents,
      currency,
      shipTo,
      couponCode: cart.couponCode,
      createdAt,
    });
    insertOrderItems(
      order.id,
      cart.lines.map((l) => ({
        product_id: l.productId,
        sku: l.sku,
        name: l.name,
        quantity: l.quantity,
        unit_price_cents: l.unitPriceCents,
      })),
    );
    setOrderStatus(order.id, 'pending', null, createdAt);

    reserveStock(
      order.id,
      cart.lines.map((l) => ({ productId: l.productId, quantity: l.quantity })),
    );
    chargeForOrder({
      orderId: order.id,
      amountCents: totalCents,
      currency,
      paymentToken: input.paymentToken,
    });
    setOrderStatus(order.id, 'paid', 'Payment captured', now());
    createShipmentForOrder(order);
    queueNotification({
      userId,
      template: 'order_confirmed',
      payload: { orderNumber: order.orderNumber, total: formatCents(totalCents, currency) },
    });
    emptyCart(cart.cartId);
    return order.id;
  });

  return checkout();
}

export function getOrderForUser(orderId: number, user: { id: number; role: string }): OrderRow {
  const order = findOrder(orderId);
  // Someone else's order is reported as missing, not forbidden, so ids cannot be probed.
  if (!order || (order.user_id !== user.id && user.role === 'customer'))
    throw new NotFoundError('Order', orderId);
  return order;
}

const CANCELLABLE: OrderStatus[] = ['pending', 'paid'];

export function cancelOrder(order: OrderRow, actorId: number, reason: string): void {
  if (!CANCELLABLE.includes(order.status)) {
    throw new ConflictError(`Orders that are ${order.status} cannot be cancelled`, 'order_not_cancellable');
  }
  db().transaction(() => {
    const at = now();
    cancelShipmentForOrder(order.id, at);
    releaseStock(order.id);
    refundOrderPayments(order.id, reason, actorId);
    setOrderStatus(order.id, 'cancelled', reason, now());
    queueNotification({
      userId: order.user_id,
      template: 'order_cancelled',
      payload: { orderNumber: order.order_number },
    });
  })();
}

const NEXT_STATUS: Partial<Record<OrderStatus, OrderStatus[]>> = {
  paid: ['shipped'],
  shipped: ['delivered'],
};

/** Back-office status changes. Shipping an order takes its stock off the shelf for good. */
export function updateOrderStatus(orderId: number, status: OrderStatus, note: string | null): OrderRow {
  const order = findOrder(orderId);
  if (!order) throw new NotFoundError('Order', orderId);
  if (!NEXT_STATUS[order.status]?.includes(status)) {
    throw new ConflictError(`Cannot move an order from ${order.status} to ${status}`, 'invalid_transition');
  }
  db().transaction(() => {
    if (status === 'shipped') fulfilStock(orderId);
    setOrderStatus(orderId, status, note, now());
  })();
  return findOrder(orderId)!;
}

/** Called by payments after a refund; a full refund of a live order marks it refunded. */
export function recordRefundOnOrder(orderId: number, amountCents: number, fully: boolean): void {
  const order = findOrder(orderId);
  if (!order) return;
  if (fully && order.status !== 'cancelled') setOrderStatus(orderId, 'refunded', 'Refunded in full', now());
  queueNotification({
    userId: order.user_id,
    template: 'refund_issued',
    payload: { orderNumber: order.order_number, amount: formatCents(amountCents, order.currency) },
  });
}

export function toOrderView(order: OrderRow, withItems = true) {
  const money = (cents: number) => toMoney(cents, order.currency);
  return {
    id: order.id,
    orderNumber: order.order_number,
    status: order.status,
    subtotal: money(order.subtotal_cents),
    discount: money(order.discount_cents),
    shipping: money(order.shipping_cents),
    total: money(order.total_cents),
    couponCode: order.coupon_code,
    shipTo: JSON.parse(order.ship_to_json) as ShipTo,
    createdAt: order.created_at,
    updatedAt: order.updated_at,
    ...(withItems
      ? {
          items: findOrderItems(order.id).map((i) => ({
            id: i.id,
            productId: i.product_id,
            sku: i.sku,
            name: i.name,
            quantity: i.quantity,
            unitPrice: money(i.unit_price_cents),
          })),
        }
      : {}),
  };
}

export function orderTimeline(orderId: number) {
  return statusHistory(orderId);
}
