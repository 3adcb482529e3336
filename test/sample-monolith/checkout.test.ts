import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningShop, SEEDED, type ShopClient, signIn, startShop } from './shop-server.ts';

let shop: RunningShop;

beforeAll(async () => {
  shop = await startShop();
});

afterAll(async () => {
  await shop?.stop();
});

/** Everything checkout touches, read straight from the shop's database file. */
function checkoutFootprint() {
  const db = shop.inspect();
  const count = (table: string) => db.prepare(`SELECT COUNT(*) FROM ${table}`).pluck().get();
  return {
    orders: count('orders'),
    orderItems: count('order_items'),
    statusHistory: count('order_status_history'),
    reservations: count('stock_reservations'),
    stock: db
      .prepare('SELECT product_id, warehouse_id, on_hand, reserved FROM stock_levels ORDER BY 1, 2')
      .all(),
    payments: count('payments'),
    shipments: count('shipments'),
    notifications: count('notifications'),
    coupons: db.prepare('SELECT code, redemptions FROM coupons ORDER BY code').all(),
    cartItems: count('cart_items'),
  };
}

function reservedUnits(productId: number): number {
  return shop
    .inspect()
    .prepare('SELECT SUM(reserved) FROM stock_levels WHERE product_id = ?')
    .pluck()
    .get(productId) as number;
}

async function fillCart(customer: ShopClient, lines: { productId: number; quantity: number }[]) {
  await customer.delete('/api/cart');
  for (const line of lines) {
    const res = await customer.post('/api/cart/items', line);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
  }
}

describe('checkout', () => {
  it('places an order: reserves stock, captures payment, books a shipment, emails the customer', async () => {
    const ada = await signIn(shop.baseUrl, SEEDED.ada);
    await fillCart(ada, [
      { productId: 12, quantity: 1 },
      { productId: 17, quantity: 1 },
    ]);
    const withCoupon = await ada.put('/api/cart/coupon', { code: 'spring5' });
    expect(withCoupon.body.cart).toMatchObject({
      subtotal: { amountCents: 7900 + 1390 },
      discount: { amountCents: 500 },
    });
    const reservedBefore = reservedUnits(17);

    const placed = await ada.post('/api/orders', { paymentToken: 'tok_visa' });
    expect(placed.status).toBe(201);
    const order = placed.body.order;
    expect(placed.headers.get('location')).toBe(`/api/orders/${order.id}`);
    expect(order).toMatchObject({
      status: 'paid',
      subtotal: { amountCents: 9290 },
      discount: { amountCents: 500 },
      shipping: { amountCents: 690 },
      total: { amountCents: 9480 }, // below the free-shipping threshold
      couponCode: 'SPRING5',
      shipTo: { city: 'Berlin', country: 'DE' },
    });
    expect(order.orderNumber).toMatch(/^SO-[0-9A-F]{8}$/);
    expect(order.items).toHaveLength(2);

    expect(reservedUnits(17)).toBe(reservedBefore + 1);
    const payments = await ada.get(`/api/payments/orders/${order.id}`);
    expect(payments.body.items).toMatchObject([
      { status: 'captured', cardLast4: '4242', amount: { amountCents: 9480 } },
    ]);
    const shipmentId = shop
      .inspect()
      .prepare('SELECT id FROM shipments WHERE order_id = ?')
      .pluck()
      .get(order.id);
    const shipment = await ada.get(`/api/shipping/shipments/${shipmentId}`);
    expect(shipment.body.shipment).toMatchObject({
      status: 'label_pending',
      carrier: 'DHL',
      orderId: order.id,
    });
    const inbox = await ada.get('/api/notifications?unread=true');
    expect(inbox.body.items[0]).toMatchObject({ template: 'order_confirmed', status: 'queued' });
    expect(inbox.body.items[0].body).toContain(order.orderNumber);
    expect((await ada.get('/api/cart')).body.cart.items).toEqual([]);

    const timeline = await ada.get(`/api/orders/${order.id}/timeline`);
    expect(timeline.body.events.map((e: { status: string }) => e.status)).toEqual(['pending', 'paid']);
    const item = await ada.get(`/api/orders/${order.id}/items/${order.items[1].id}`);
    expect(item.body.item).toMatchObject({
      sku: 'COFF-BEAN-COL',
      quantity: 1,
      lineTotal: { amountCents: 1390 },
    });
  });

  it('rolls the whole order back when the card is declined', async () => {
    const grace = await signIn(shop.baseUrl, SEEDED.grace);
    await fillCart(grace, [
      { productId: 11, quantity: 1 },
      { productId: 20, quantity: 2 },
    ]);
    await grace.put('/api/cart/coupon', { code: 'SPRING5' });
    const before = checkoutFootprint();

    const res = await grace.post('/api/orders', { paymentToken: 'tok_declined' });

    expect(res.status).toBe(402);
    expect(res.body.error).toEqual({
      code: 'payment_declined',
      message: 'The card was declined; no money was taken',
      details: { declineCode: 'card_declined' },
    });
    // No order, no stock hold, no payment row, no shipment, no email, coupon not used, cart kept.
    expect(checkoutFootprint()).toEqual(before);
    expect((await grace.get('/api/orders')).body.items.map((o: { id: number }) => o.id)).toEqual([2]);

    const retry = await grace.post('/api/orders', { paymentToken: 'tok_mastercard' });
    expect(retry.status).toBe(201);
    expect(retry.body.order.status).toBe('paid');
  });

  it('rolls back when another customer bought the last units first', async () => {
    const ada = await signIn(shop.baseUrl, SEEDED.ada);
    const linus = await signIn(shop.baseUrl, SEEDED.linus);
    // Ultralight tent: two in stock, both customers put two in their cart.
    await fillCart(ada, [{ productId: 3, quantity: 2 }]);
    await fillCart(linus, [{ productId: 3, quantity: 2 }]);
    expect((await ada.post('/api/orders', { paymentToken: 'tok_visa' })).status).toBe(201);
    const before = checkoutFootprint();

    const res = await linus.post('/api/orders', { paymentToken: 'tok_visa' });

    expect(res.status).toBe(409);
    expect(res.body.error).toMatchObject({
      code: 'out_of_stock',
      details: [{ productId: 3, requested: 2, available: 0 }],
    });
    expect(checkoutFootprint()).toEqual(before);
  });

  it('cancels a paid order: refunds the payment and gives the stock back', async () => {
    const ada = await signIn(shop.baseUrl, SEEDED.ada);
    await fillCart(ada, [{ productId: 24, quantity: 2 }]);
    const reservedBefore = reservedUnits(24);
    const placed = await ada.post('/api/orders', { paymentToken: 'tok_visa' });
    expect(reservedUnits(24)).toBe(reservedBefore + 2);

    const cancelled = await ada.post(`/api/orders/${placed.body.order.id}/cancel`, {
      reason: 'Found one locally',
    });
    expect(cancelled.status).toBe(200);
    expect(cancelled.body.order.status).toBe('cancelled');
    expect(reservedUnits(24)).toBe(reservedBefore);
    const payments = await ada.get(`/api/payments/orders/${placed.body.order.id}`);
    expect(payments.body.items[0].status).toBe('refunded');
    const again = await ada.post(`/api/orders/${placed.body.order.id}/cancel`);
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('order_not_cancellable');
  });

  it('validates checkout input and hides other customers’ orders', async () => {
    const linus = await signIn(shop.baseUrl, SEEDED.linus);
    const missing = await linus.post('/api/orders', {});
    expect(missing.status).toBe(400);
    expect(missing.body.error.details).toEqual([{ field: 'paymentToken', message: 'is required' }]);
    await fillCart(linus, [{ productId: 5, quantity: 1 }]);
    const badAddress = await linus.post('/api/orders', {
      paymentToken: 'tok_visa',
      shipTo: {
        recipient: 'Linus',
        line1: 'Somewhere 1',
        city: 'Oslo',
        postalCode: '0150',
        country: 'norway',
      },
    });
    expect(badAddress.status).toBe(400);
    expect(badAddress.body.error.details).toEqual([
      { field: 'shipTo.country', message: 'has an invalid format' },
    ]);
    const tooMany = await linus.post('/api/cart/items', { productId: 5, quantity: 50 });
    expect(tooMany.status).toBe(400);
    // Order 1 belongs to Ada.
    expect((await linus.get('/api/orders/1')).status).toBe(404);
    expect((await linus.get('/api/orders/1/items')).status).toBe(404);
    expect((await linus.get('/api/orders/abc')).status).toBe(400);
  });
});
