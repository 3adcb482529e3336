import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client, type RunningShop, SEEDED, signIn, startShop } from './shop-server.ts';

let shop: RunningShop;

beforeAll(async () => {
  shop = await startShop();
});

afterAll(async () => {
  await shop?.stop();
});

describe('back office', () => {
  it('reports sales across orders, payments and refunds from the seeded history', async () => {
    const admin = await signIn(shop.baseUrl, SEEDED.admin);
    const sales = await admin.get('/api/admin/reports/sales?from=2025-01-01&to=2025-06-01');
    expect(sales.status).toBe(200);
    expect(sales.body.rows).toEqual([
      { period: '2025-02', orders: 1, revenueCents: 25800, discountCents: 0, shippingCents: 0 },
      { period: '2025-03', orders: 1, revenueCents: 8570, discountCents: 0, shippingCents: 690 },
      { period: '2025-04', orders: 1, revenueCents: 30420, discountCents: 3380, shippingCents: 0 },
      { period: '2025-05', orders: 1, revenueCents: 11800, discountCents: 0, shippingCents: 0 },
    ]);
    expect(sales.body.totals.refunds.amountCents).toBe(16390);
    expect(sales.body.generatedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);

    const dashboard = await admin.get('/api/admin/dashboard');
    expect(dashboard.body.counts).toMatchObject({
      customers: 6,
      activeProducts: 28,
      ordersToShip: 1,
      reviewsToModerate: 1,
    });

    const badRange = await admin.get('/api/admin/reports/sales?from=2025-05-01&to=2025-01-01');
    expect(badRange.status).toBe(400);
    expect(badRange.body.error.details).toEqual([{ field: 'to', message: 'must be after from' }]);
  });

  it('exports a report as CSV', async () => {
    const staff = await signIn(shop.baseUrl, SEEDED.staff);
    const res = await staff.get('/api/admin/reports/top-products/export?limit=2');
    expect(res.headers.get('content-type')).toContain('text/csv');
    expect(String(res.body).split('\r\n').slice(0, 3)).toEqual([
      'productId,sku,name,unitsSold,revenueCents,rating',
      '22,TEXT-BLK-WOOL,Merino Wool Blanket,2,25800,5',
      '16,COFF-BEAN-ETH,Ethiopia Yirgacheffe Beans 250g,2,2980,4',
    ]);
  });

  it('keeps the back office from customers and user management from staff', async () => {
    const ada = await signIn(shop.baseUrl, SEEDED.ada);
    expect((await client(shop.baseUrl).get('/api/admin/dashboard')).status).toBe(401);
    expect((await ada.get('/api/admin/dashboard')).status).toBe(403);
    const staff = await signIn(shop.baseUrl, SEEDED.staff);
    expect((await staff.get('/api/admin/orders')).status).toBe(200);
    expect((await staff.get('/api/admin/users')).status).toBe(403);
  });

  it('lets an admin disable a customer, which signs them out and is audited', async () => {
    const admin = await signIn(shop.baseUrl, SEEDED.admin);
    const alan = await signIn(shop.baseUrl, { email: 'alan@example.com', password: 'customer-password' });
    const invalid = await admin.patch('/api/admin/users/7', { status: 'banned' });
    expect(invalid.status).toBe(400);
    const res = await admin.patch('/api/admin/users/7', { status: 'disabled' });
    expect(res.body.user).toMatchObject({ id: 7, status: 'disabled' });
    expect((await alan.get('/api/accounts/me')).status).toBe(401);
    const audit = await admin.get('/api/admin/audit-log?entity=user');
    expect(audit.body.items[0]).toMatchObject({
      action: 'user.updated',
      entityId: '7',
      actor: 'admin@ferngrove.test',
    });
    expect((await admin.patch('/api/admin/users/1', { role: 'staff' })).body.error.code).toBe('self_change');
  });

  it('ships a paid order: stock leaves the shelf and the customer hears from the carrier', async () => {
    const staff = await signIn(shop.baseUrl, SEEDED.staff);
    const onHand = () =>
      shop
        .inspect()
        .prepare('SELECT on_hand, reserved FROM stock_levels WHERE product_id = 14 AND warehouse_id = 1')
        .get();
    expect(onHand()).toEqual({ on_hand: 3, reserved: 1 });
    const invalid = await staff.patch('/api/admin/orders/4/status', { status: 'delivered' });
    expect(invalid.status).toBe(409);
    const shipped = await staff.patch('/api/admin/orders/4/status', {
      status: 'shipped',
      note: 'Picked at BER',
    });
    expect(shipped.body.order.status).toBe('shipped');
    expect(onHand()).toEqual({ on_hand: 2, reserved: 0 });

    const event = await staff.post('/api/shipping/shipments/5/events', {
      status: 'in_transit',
      location: 'Berlin',
      description: 'Handed to DHL',
    });
    expect(event.status).toBe(201);
    expect(event.body.shipment.events.map((e: { status: string }) => e.status)).toEqual(['in_transit']);
    const ada = await signIn(shop.baseUrl, SEEDED.ada);
    const inbox = await ada.get('/api/notifications?unread=true');
    expect(inbox.body.items[0]).toMatchObject({
      template: 'shipment_update',
      subject: 'Your parcel is in transit',
    });
  });

  it('publishes a review and updates the product rating the catalog shows', async () => {
    const staff = await signIn(shop.baseUrl, SEEDED.staff);
    const before = await client(shop.baseUrl).get('/api/catalog/products/8');
    expect(before.body.product.rating).toEqual({ average: null, count: 0 });
    const pending = await staff.get('/api/reviews/pending');
    expect(pending.body.items.map((r: { id: number }) => r.id)).toEqual([6]);
    const moderated = await staff.post('/api/reviews/6/moderation', { decision: 'publish' });
    expect(moderated.body.review.status).toBe('published');
    const after = await client(shop.baseUrl).get('/api/catalog/products/8');
    expect(after.body.product.rating).toEqual({ average: 3, count: 1 });
    const twice = await staff.post('/api/reviews/6/moderation', { decision: 'reject' });
    expect(twice.status).toBe(409);
  });

  it('refunds part of a payment, and takes a refund from a signed gateway webhook', async () => {
    const staff = await signIn(shop.baseUrl, SEEDED.staff);
    const tooMuch = await staff.post('/api/payments/3/refunds', {
      amountCents: 999_999,
      reason: 'Damaged mat',
    });
    expect(tooMuch.status).toBe(409);
    expect(tooMuch.body.error).toMatchObject({
      code: 'refund_too_large',
      details: { refundableCents: 30420 },
    });
    const partial = await staff.post('/api/payments/3/refunds', { amountCents: 8900, reason: 'Damaged mat' });
    expect(partial.status).toBe(201);
    expect(partial.body.payment.status).toBe('partially_refunded');

    const payload = JSON.stringify({
      id: 'evt_1',
      type: 'charge.refunded',
      data: { reference: 'ch_seed00000000000000000000000002' },
    });
    const sign = (body: string) =>
      `sha256=${createHmac('sha256', 'whsec_local_development').update(body).digest('hex')}`;
    const forged = await fetch(`${shop.baseUrl}/api/payments/webhooks/gateway`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-gateway-signature': sign('{}') },
      body: payload,
    });
    expect(forged.status).toBe(401);
    const genuine = await fetch(`${shop.baseUrl}/api/payments/webhooks/gateway`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-gateway-signature': sign(payload) },
      body: payload,
    });
    expect(await genuine.json()).toEqual({ received: true, handled: true });
    const refunds = await staff.get('/api/payments/3/refunds');
    expect(refunds.body.items.map((r: { amount: { amountCents: number } }) => r.amount.amountCents)).toEqual([
      8900, 21520,
    ]);
    const grace = await signIn(shop.baseUrl, SEEDED.grace);
    expect((await grace.get('/api/orders/2')).body.order.status).toBe('refunded');
  });

  it('manages coupons and checks them for shoppers', async () => {
    const api = client(shop.baseUrl);
    expect((await api.get('/api/promotions/coupons/SUMMER2023')).body).toMatchObject({
      usable: false,
      problem: 'expired',
    });
    expect((await api.get('/api/promotions/coupons/FIRST100')).body.problem).toBe('exhausted');
    const staff = await signIn(shop.baseUrl, SEEDED.staff);
    const bad = await staff.post('/api/promotions/coupons', { code: 'HALF', kind: 'percent', value: 95 });
    expect(bad.status).toBe(400);
    const created = await staff.post('/api/promotions/coupons', {
      code: 'AUTUMN15',
      kind: 'percent',
      value: 15,
    });
    expect(created.status).toBe(201);
    expect((await api.get('/api/promotions/coupons/autumn15')).body.usable).toBe(true);
  });

  it('dispatches queued notifications', async () => {
    const staff = await signIn(shop.baseUrl, SEEDED.staff);
    const first = await staff.post('/api/notifications/dispatch');
    expect(first.body.sent).toBeGreaterThan(0);
    expect(first.body.failed).toBe(0);
    expect((await staff.post('/api/notifications/dispatch')).body).toEqual({ sent: 0, failed: 0 });
  });
});
