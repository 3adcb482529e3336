import type { Money } from '../../lib/money.ts';

export type ProductStatus = 'active' | 'draft' | 'archived';

export interface ProductRow {
  id: number;
  sku: string;
  slug: string;
  name: string;
  description: string;
  category_id: number | null;
  category_slug: string | null;
  price_cents: number;
  currency: string;
  weight_grams: number;
  status: ProductStatus;
  rating_avg: number | null;
  rating_count: number;
  available: number;
  created_at: string;
  updated_at: string;
}

export interface ProductSummary {
  id: number;
  sku: string;
  slug: string;
  name: string;
  category: string | null;
  price: Money;
  rating: { average: number | null; count: number };
  inStock: boolean;
}

export interface ProductDetail extends ProductSummary {
  description: string;
  weightGrams: number;
  status: ProductStatus;
  available: number;
  createdAt: string;
  updatedAt: string;
}

export type ProductSort = 'newest' | 'price_asc' | 'price_desc' | 'rating' | 'name';

export interface ProductQuery {
  categoryId?: number;
  search?: string;
  minPriceCents?: number;
  maxPriceCents?: number;
  statuses: ProductStatus[];
  sort: ProductSort;
  limit: number;
  offset: number;
}
