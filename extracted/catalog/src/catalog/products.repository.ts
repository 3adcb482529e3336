import { db } from '../../lib/db.ts';
import type { ProductQuery, ProductRow, ProductSort, ProductStatus } from './catalog.types.ts';

// Availability is summed straight from inventory's stock_levels: one query for the listing page
// was worth the coupling when the catalog was the slowest page (2021).
const PRODUCT_COLUMNS = `
  p.id, p.sku, p.slug, p.name, p.description, p.category_id, c.slug AS category_slug,
  p.price_cents, p.currency, p.weight_grams, p.status, p.rating_avg, p.rating_count,
  p.created_at, p.updated_at,
  COALESCE((SELECT SUM(sl.on_hand - sl.reserved) FROM stock_levels sl WHERE sl.product_id = p.id), 0) AS available`;

const ORDER_BY: Record<ProductSort, string> = {
  newest: 'p.created_at DESC, p.id DESC',
  price_asc: 'p.price_cents ASC, p.id',
  price_desc: 'p.price_cents DESC, p.id',
  rating: 'p.rating_avg DESC NULLS LAST, p.rating_count DESC, p.id',
  name: 'p.name COLLATE NOCASE, p.id',
};

export function findProducts(query: ProductQuery): { rows: ProductRow[]; total: number } {
  const where = [`p.status IN (${query.statuses.map(() => '?').join(', ')})`];
  const params: unknown[] = [...query.statuses];
  if (query.categoryId !== undefined) {
    where.push('(p.category_id = ? OR c.parent_id = ?)');
    params.push(query.categoryId, query.categoryId);
  }
  if (query.search) {
    where.push('(p.name LIKE ? OR p.description LIKE ? OR p.sku = ?)');
    params.push(`%${query.search}%`, `%${query.search}%`, query.search.toUpperCase());
  }
  if (query.minPriceCents !== undefined) {
    where.push('p.price_cents >= ?');
    params.push(query.minPriceCents);
  }
  if (query.maxPriceCents !== undefined) {
    where.push('p.price_cents <= ?');
    params.push(query.maxPriceCents);
  }
  const from = `FROM products p LEFT JOIN categories c ON c.id = p.category_id WHERE ${where.join(' AND ')}`;
  const rows = db()
    .prepare(`SELECT ${PRODUCT_COLUMNS} ${from} ORDER BY ${ORDER_BY[query.sort]} LIMIT ? OFFSET ?`)
    .all(...params, query.limit, query.offset) as ProductRow[];
  const total = db()
    .prepare(`SELECT COUNT(*) ${from}`)
    .pluck()
    .get(...params) as number;
  return { rows, total };
}

export function findProductById(id: number): ProductRow | undefined {
  return db()
    .prepare(
      `SELECT ${PRODUCT_COLUMNS} FROM products p LEFT JOIN categories c ON c.id = p.category_id WHERE p.id = ?`,
    )
    .get(id) as ProductRow | undefined;
}

export function findProductBySlug(slug: string): ProductRow | undefined {
  return db()
    .prepare(
      `SELECT ${PRODUCT_COLUMNS} FROM products p LEFT JOIN categories c ON c.id = p.category_id WHERE p.slug = ?`,
    )
    .get(slug) as ProductRow | undefined;
}

export function findProductsByIds(ids: number[]): ProductRow[] {
  if (ids.length === 0) return [];
  return db()
    .prepare(
      `SELECT ${PRODUCT_COLUMNS} FROM products p LEFT JOIN categories c ON c.id = p.category_id
        WHERE p.id IN (${ids.map(() => '?').join(', ')})`,
    )
    .all(...ids) as ProductRow[];
}

export interface NewProduct {
  sku: string;
  slug: string;
  name: string;
  description: string;
  categoryId: number | null;
  priceCents: number;
  weightGrams: number;
  status: ProductStatus;
  currency: string;
  timestamp: string;
}

export function insertProduct(p: NewProduct): number {
  const result = db()
    .prepare(
      `INSERT INTO products (sku, slug, name, description, category_id, price_cents, currency, weight_grams, status, created_at, updated_at)
       VALUES (@sku, @slug, @name, @description, @categoryId, @priceCents, @currency, @weightGrams, @status, @timestamp, @timestamp)`,
    )
    .run(p);
  return Number(result.lastInsertRowid);
}

export function updateProduct(
  id: number,
  changes: Partial<Omit<NewProduct, 'timestamp'>>,
  timestamp: string,
): void {
  db()
    .prepare(
      `UPDATE products SET
         name = COALESCE(@name, name), description = COALESCE(@description, description),
         category_id = COALESCE(@categoryId, category_id), price_cents = COALESCE(@priceCents, price_cents),
         weight_grams = COALESCE(@weightGrams, weight_grams), status = COALESCE(@status, status),
         updated_at = @timestamp
       WHERE id = @id`,
    )
    .run({
      id,
      timestamp,
      name: changes.name ?? null,
      description: changes.description ?? null,
      categoryId: changes.categoryId ?? null,
      priceCents: changes.priceCents ?? null,
      weightGrams: changes.weightGrams ?? null,
      status: changes.status ?? null,
    });
}

export function isSkuOrSlugTaken(sku: string, slug: string): boolean {
  return db().prepare('SELECT 1 FROM products WHERE sku = ? OR slug = ?').get(sku, slug) !== undefined;
}
