import type { Request, RequestHandler } from 'express';
import { now } from '../../lib/clock.ts';
import { config } from '../../lib/config.ts';
import { ConflictError, NotFoundError, ValidationError } from '../../lib/errors.ts';
import { pageOf, readPage } from '../../lib/pagination.js';
import { idParam, validator } from '../../lib/validate.ts';
import type { ProductSort, ProductStatus } from './catalog.types.ts';
import { findCategoryBySlug } from './categories.repository.ts';
import { toProductDetail, toProductSummary } from './pricing.ts';
import {
  findProductById,
  findProductBySlug,
  findProducts,
  insertProduct,
  isSkuOrSlugTaken,
  updateProduct,
} from './products.repository.ts';

const SORTS: ProductSort[] = ['newest', 'price_asc', 'price_desc', 'rating', 'name'];
const STATUSES: ProductStatus[] = ['active', 'draft', 'archived'];
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const SKU = /^[A-Z0-9-]{3,32}$/;

function isStaff(req: Request): boolean {
  return req.user?.role === 'staff' || req.user?.role === 'admin';
}

function optionalCents(value: unknown, field: string): number | undefined {
  if (value === undefined || value === '') return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0)
    throw new ValidationError([{ field, message: 'must be a whole number of cents' }]);
  return n;
}

/** Product listings share one handler; the search page only differs in its default sort. */
export function listProducts(options: {
  defaultSort: ProductSort;
  requireQuery?: boolean;
  /** Take the category slug from this route parameter instead of `?category=`. */
  categoryParam?: string;
}): RequestHandler {
  return (req, res) => {
    const paging = readPage(req.query);
    const sort = (req.query.sort as ProductSort | undefined) ?? options.defaultSort;
    if (!SORTS.includes(sort))
      throw new ValidationError([{ field: 'sort', message: `must be one of ${SORTS.join(', ')}` }]);
    const search = typeof req.query.q === 'string' ? req.query.q.trim() : undefined;
    if (options.requireQuery && (!search || search.length < 2)) {
      throw new ValidationError([{ field: 'q', message: 'must be at least 2 characters' }]);
    }
    let categoryId: number | undefined;
    const categorySlug = options.categoryParam ? req.params[options.categoryParam] : req.query.category;
    if (typeof categorySlug === 'string') {
      const category = findCategoryBySlug(categorySlug);
      if (!category) throw new NotFoundError('Category', categorySlug);
      categoryId = category.id;
    }
    const status = req.query.status as ProductStatus | undefined;
    const statuses: ProductStatus[] =
      status && isStaff(req) && STATUSES.includes(status) ? [status] : ['active'];
    const { rows, total } = findProducts({
      categoryId,
      search,
      minPriceCents: optionalCents(req.query.minPrice, 'minPrice'),
      maxPriceCents: optionalCents(req.query.maxPrice, 'maxPrice'),
      statuses,
      sort,
      limit: paging.pageSize,
      offset: paging.offset,
    });
    res.json(pageOf(rows.map(toProductSummary), paging, total));
  };
}

export function getProduct(): RequestHandler {
  return (req, res) => {
    const key = String(req.params.productIdOrSlug);
    const row = /^\d+$/.test(key) ? findProductById(Number(key)) : findProductBySlug(key);
    if (!row || (row.status !== 'active' && !isStaff(req))) throw new NotFoundError('Product', key);
    res.json({ product: toProductDetail(row) });
  };
}

export function createProduct(): RequestHandler {
  return (req, res) => {
    const v = validator(req.body);
    const sku = v.string('sku', { pattern: SKU });
    const slug = v.string('slug', { pattern: SLUG, max: 80 });
    const name = v.string('name', { min: 2, max: 120 });
    const description = v.optionalString('description', { max: 5000 }) ?? '';
    const priceCents = v.int('priceCents', { min: 0, max: 10_000_000 });
    const weightGrams = v.optionalInt('weightGrams', { min: 0, max: 100_000 }) ?? 0;
    const categorySlug = v.optionalString('category');
    const status = (v.optionalString('status', { oneOf: STATUSES }) ?? 'draft') as ProductStatus;
    v.done();
    const category = categorySlug ? findCategoryBySlug(categorySlug) : undefined;
    if (categorySlug && !category)
      throw new ValidationError([{ field: 'category', message: 'does not exist' }]);
    if (isSkuOrSlugTaken(sku, slug)) throw new ConflictError('SKU or slug already in use', 'product_exists');
    const id = insertProduct({
      sku,
      slug,
      name,
      description,
      categoryId: category?.id ?? null,
      priceCents,
      weightGrams,
      status,
      currency: config().currency,
      timestamp: now(),
    });
    res.status(201).json({ product: toProductDetail(findProductById(id)!) });
  };
}

export function patchProduct(overrides: { status?: ProductStatus } = {}): RequestHandler {
  return (req, res) => {
    const id = idParam(req.params.productId, 'productId');
    if (!findProductById(id)) throw new NotFoundError('Product', id);
    const v = validator(overrides.status ? {} : req.body);
    const changes = {
      name: v.optionalString('name', { min: 2, max: 120 }),
      description: v.optionalString('description', { max: 5000 }),
      priceCents: v.optionalInt('priceCents', { min: 0, max: 10_000_000 }),
      weightGrams: v.optionalInt('weightGrams', { min: 0, max: 100_000 }),
      status:
        overrides.status ?? (v.optionalString('status', { oneOf: STATUSES }) as ProductStatus | undefined),
    };
    v.done();
    updateProduct(id, changes, now());
    res.json({ product: toProductDetail(findProductById(id)!) });
  };
}
