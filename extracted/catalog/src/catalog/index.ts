// Public surface of the catalog. Other areas import from '@shop/catalog', never from its files.
export type { ProductDetail, ProductRow, ProductSummary } from './catalog.types.ts';
export { categoriesRouter } from './categories.router.ts';
export { currentUnitPriceCents, isPurchasable, toProductSummary } from './pricing.ts';
export { findProductById, findProductsByIds } from './products.repository.ts';
export { productsRouter } from './products.router.ts';
