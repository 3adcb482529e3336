import { toMoney } from '../../lib/money.ts';
import type { ProductDetail, ProductRow, ProductSummary } from './catalog.types.ts';

export function toProductSummary(row: ProductRow): ProductSummary {
  return {
    id: row.id,
    sku: row.sku,
    slug: row.slug,
    name: row.name,
    category: row.category_slug,
    price: toMoney(row.price_cents, row.currency),
    rating: {
      average: row.rating_avg === null ? null : Math.round(row.rating_avg * 10) / 10,
      count: row.rating_count,
    },
    inStock: row.available > 0,
  };
}

export function toProductDetail(row: ProductRow): ProductDetail {
  return {
    ...toProductSummary(row),
    description: row.description,
    weightGrams: row.weight_grams,
    status: row.status,
    available: row.available,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** The price a customer pays for one unit right now. Sales pricing was planned here (CAT-112). */
export function currentUnitPriceCents(row: Pick<ProductRow, 'price_cents' | 'status'>): number {
  return row.price_cents;
}

export function isPurchasable(row: Pick<ProductRow, 'status'>): boolean {
  return row.status === 'active';
}
