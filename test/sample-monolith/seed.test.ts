import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client, type RunningShop, startShop } from './shop-server.ts';

let first: RunningShop;
let second: RunningShop;

beforeAll(async () => {
  [first, second] = await Promise.all([startShop(), startShop()]);
});

afterAll(async () => {
  await Promise.all([first?.stop(), second?.stop()]);
});

function dump(shop: RunningShop) {
  const db = shop.inspect();
  const tables = db
    .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`)
    .pluck()
    .all() as string[];
  return Object.fromEntries(
    tables
      .filter((table) => table !== 'schema_migrations') // records when it ran
      .map((table) => [table, db.prepare(`SELECT * FROM ${table} ORDER BY rowid`).all()]),
  );
}

describe('seed', () => {
  it('creates the same rows in every fresh database', () => {
    const a = dump(first);
    expect(Object.keys(a).length).toBeGreaterThanOrEqual(15);
    expect(a.products).toHaveLength(30);
    expect(dump(second)).toEqual(a);
  });

  it('serves identical catalog pages from both', async () => {
    const url = '/api/catalog/products?pageSize=100&sort=price_desc';
    const [a, b] = await Promise.all([client(first.baseUrl).get(url), client(second.baseUrl).get(url)]);
    expect(a.body.items.length).toBe(28);
    expect(b.body).toEqual(a.body);
  });
});
