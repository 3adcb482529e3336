import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client, type RunningShop, SEEDED, signIn, startShop } from './shop-server.ts';

let shop: RunningShop;

beforeAll(async () => {
  shop = await startShop();
});

afterAll(async () => {
  await shop?.stop();
});

describe('catalog', () => {
  it('lists the seeded active products, newest first, with paging', async () => {
    const res = await client(shop.baseUrl).get('/api/catalog/products?pageSize=5');
    expect(res.status).toBe(200);
    expect(res.body.total).toBe(28); // 30 seeded, one draft and one archived hidden
    expect(res.body.totalPages).toBe(6);
    expect(res.body.items).toHaveLength(5);
    expect(res.body.items[0]).toMatchObject({
      sku: 'SLEEP-HAM-NYL',
      price: { amountCents: 5900, currency: 'EUR', formatted: '€59.00' },
      inStock: true,
    });
    const page2 = await client(shop.baseUrl).get('/api/catalog/products?pageSize=5&page=2');
    expect(page2.body.items.map((p: { id: number }) => p.id)).not.toContain(res.body.items[0].id);
  });

  it('filters by parent category, price and search text', async () => {
    const api = client(shop.baseUrl);
    const kitchen = await api.get('/api/catalog/products?category=kitchen&pageSize=100');
    expect(kitchen.body.total).toBe(10);
    expect(new Set(kitchen.body.items.map((p: { category: string }) => p.category))).toEqual(
      new Set(['cookware', 'coffee']),
    );
    const cheap = await api.get('/api/catalog/products?maxPrice=2000&sort=price_asc');
    expect(cheap.body.items.map((p: { sku: string }) => p.sku)).toEqual([
      'COFF-BEAN-COL',
      'COFF-BEAN-ETH',
      'PACK-CVR-RAIN',
    ]);
    const search = await api.get('/api/catalog/products/search?q=lamp');
    expect(search.body.items.map((p: { slug: string }) => p.slug)).toEqual([
      'headlamp-300-lumen',
      'oak-desk-lamp',
    ]);
  });

  it('shows a product by slug or id with its denormalised review rating', async () => {
    const api = client(shop.baseUrl);
    const bySlug = await api.get('/api/catalog/products/alpine-2-person-tent');
    expect(bySlug.status).toBe(200);
    expect(bySlug.body.product).toMatchObject({ id: 1, rating: { average: 3, count: 2 }, weightGrams: 2300 });
    const byId = await api.get('/api/catalog/products/1');
    expect(byId.body.product.slug).toBe('alpine-2-person-tent');
    const reviews = await api.get('/api/catalog/products/1/reviews?sort=helpful');
    expect(reviews.body.items.map((r: { author: string }) => r.author)).toEqual([
      'Grace Okafor',
      'Linus Virtanen',
    ]);
    expect(reviews.body.items[0].verifiedPurchase).toBe(true);
  });

  it('hides drafts from shoppers but shows them to staff', async () => {
    expect((await client(shop.baseUrl).get('/api/catalog/products/travel-coffee-press')).status).toBe(404);
    const staff = await signIn(shop.baseUrl, SEEDED.staff);
    const res = await staff.get('/api/catalog/products/travel-coffee-press');
    expect(res.status).toBe(200);
    expect(res.body.product.status).toBe('draft');
  });

  it('rejects bad query parameters with a JSON 400', async () => {
    const res = await client(shop.baseUrl).get('/api/catalog/products?sort=cheapest');
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'validation_failed', details: [{ field: 'sort' }] });
    const unknownCategory = await client(shop.baseUrl).get('/api/catalog/categories/garden/products');
    expect(unknownCategory.status).toBe(404);
  });

  it('lets staff create products, validating every field at once', async () => {
    const staff = await signIn(shop.baseUrl, SEEDED.staff);
    const bad = await staff.post('/api/catalog/products', { sku: 'x', priceCents: -5, name: 'Kettle' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.map((d: { field: string }) => d.field).sort()).toEqual([
      'priceCents',
      'sku',
      'slug',
    ]);

    const created = await staff.post('/api/catalog/products', {
      sku: 'COFF-SCL-DIG',
      slug: 'digital-coffee-scale',
      name: 'Digital Coffee Scale',
      priceCents: 3400,
      category: 'coffee',
      status: 'active',
    });
    expect(created.status).toBe(201);
    expect(created.body.product).toMatchObject({ category: 'coffee', inStock: false, available: 0 });
    const duplicate = await staff.post('/api/catalog/products', {
      sku: 'COFF-SCL-DIG',
      slug: 'digital-coffee-scale-2',
      name: 'Digital Coffee Scale',
      priceCents: 3400,
    });
    expect(duplicate.status).toBe(409);
  });

  it('keeps catalog management away from customers and anonymous callers', async () => {
    const product = { sku: 'NOPE-123', slug: 'nope', name: 'Nope', priceCents: 100 };
    expect((await client(shop.baseUrl).post('/api/catalog/products', product)).status).toBe(401);
    const ada = await signIn(shop.baseUrl, SEEDED.ada);
    const res = await ada.post('/api/catalog/products', product);
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('forbidden');
  });
});

describe('inventory and shipping lookups', () => {
  it('answers public availability and shipping quotes', async () => {
    const api = client(shop.baseUrl);
    const soldOut = await api.get('/api/inventory/products/9');
    expect(soldOut.body).toEqual({ productId: 9, available: 0, inStock: false });
    const rates = await api.get('/api/shipping/rates?country=NL&weightGrams=1200');
    expect(rates.body.options).toEqual([
      {
        serviceLevel: 'standard',
        carrier: 'DPD',
        price: { amountCents: 1490, currency: 'EUR', formatted: '€14.90' },
      },
      {
        serviceLevel: 'express',
        carrier: 'DPD',
        price: { amountCents: 2790, currency: 'EUR', formatted: '€27.90' },
      },
    ]);
    const nowhere = await api.get('/api/shipping/rates?country=US&weightGrams=1200');
    expect(nowhere.status).toBe(400);
    expect(nowhere.body.error.code).toBe('country_not_served');
    const tracking = await api.get('/api/shipping/track/FGSEED000002');
    expect(tracking.body.shipment).toMatchObject({ status: 'in_transit', carrier: 'DPD' });
    expect(tracking.body.shipment).not.toHaveProperty('orderId');
  });

  it('keeps warehouse detail behind a staff login', async () => {
    expect((await client(shop.baseUrl).get('/api/inventory/warehouses')).status).toBe(401);
    const staff = await signIn(shop.baseUrl, SEEDED.staff);
    const res = await staff.get('/api/inventory/warehouses');
    expect(res.body.items.map((w: { code: string }) => w.code)).toEqual(['BER', 'RTM']);
  });
});
