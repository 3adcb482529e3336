import type { ShopClient } from './client.ts';

/** What the simulated users know about the shop, read once from its catalog. */
export interface ShopFacts {
  products: Array<{ id: number; slug: string }>;
  categories: string[];
}

export interface Shopper {
  id: string;
  email: string;
  token?: string;
  staff?: boolean;
}

type Scenario = (
  client: ShopClient,
  shopper: Shopper,
  facts: ShopFacts,
  pick: <T>(items: T[]) => T,
) => Promise<void>;

const browse: Scenario = async (client, shopper, facts, pick) => {
  const user = shopper.id;
  await client.call('GET', `/api/catalog/products?page=${1 + Math.floor(Math.random() * 3)}`, {
    user,
    expect: [200],
  });
  const product = pick(facts.products);
  await client.call('GET', `/api/catalog/products/${product.slug}`, { user, expect: [200] });
  await client.call('GET', `/api/catalog/products/${product.id}/reviews`, { user, expect: [200] });
  await client.call('GET', `/api/inventory/products/${product.id}`, { user, expect: [200] });
};

const categories: Scenario = async (client, shopper, facts, pick) => {
  await client.call('GET', '/api/catalog/categories', { user: shopper.id, expect: [200] });
  await client.call('GET', `/api/catalog/categories/${pick(facts.categories)}/products`, {
    user: shopper.id,
    expect: [200],
  });
};

const search: Scenario = async (client, shopper, _facts, pick) => {
  const q = pick(['tea', 'mug', 'pot', 'gift', 'set', 'green']);
  await client.call('GET', `/api/catalog/products/search?q=${q}`, { user: shopper.id, expect: [200] });
  await client.call('GET', '/api/shipping/countries', { user: shopper.id, expect: [200] });
};

const checkout: Scenario = async (client, shopper, facts, pick) => {
  // Staff have no saved address: only customers check out.
  if (!shopper.token || shopper.staff) return;
  const user = shopper.id;
  const token = shopper.token;
  const product = pick(facts.products);
  const added = await client.call('POST', '/api/cart/items', {
    user,
    token,
    body: { productId: product.id, quantity: 1 },
    expect: [200, 201, 409],
  });
  // Out of stock (409): a shopper with an empty cart does not go to the checkout.
  if (!added || added.status === 409) return;
  await client.call('GET', '/api/cart', { user, token, expect: [200] });
  // 402 (declined) and 409 (out of stock, empty cart) are the shop's own answers, not failures.
  await client.call('POST', '/api/orders', {
    user,
    token,
    body: { paymentToken: 'tok_visa' },
    expect: [201, 402, 409],
  });
  await client.call('GET', '/api/orders', { user, token, expect: [200] });
};

const account: Scenario = async (client, shopper) => {
  if (!shopper.token) return;
  const { id: user, token } = shopper;
  await client.call('GET', '/api/accounts/me', { user, token, expect: [200] });
  await client.call('GET', '/api/notifications', { user, token, expect: [200] });
  await client.call('GET', '/api/notifications/preferences', { user, token, expect: [200] });
};

const review: Scenario = async (client, shopper, facts, pick) => {
  if (!shopper.token) return;
  const product = pick(facts.products);
  await client.call('POST', `/api/catalog/products/${product.id}/reviews`, {
    user: shopper.id,
    token: shopper.token,
    body: { rating: 4, title: 'Lovely', body: 'Would buy again.' },
    // 409: this shopper already reviewed it; 403: only buyers may review.
    expect: [201, 403, 409],
  });
};

const reports: Scenario = async (client, shopper, _facts, pick) => {
  if (!shopper.token || !shopper.staff) return;
  const { id: user, token } = shopper;
  await client.call('GET', '/api/admin/dashboard', { user, token, expect: [200] });
  await client.call('GET', `/api/admin/reports/${pick(['sales', 'top-products', 'ratings', 'customers'])}`, {
    user,
    token,
    expect: [200],
  });
};

/** Weighted like a shop's day: mostly browsing, some checkouts, a little back office. */
export const SCENARIOS: Array<[Scenario, number]> = [
  [browse, 35],
  [categories, 15],
  [search, 15],
  [checkout, 12],
  [account, 12],
  [review, 5],
  [reports, 6],
];
