import { findProductById } from '@shop/catalog';
import { currentUser, requireStaff } from '@shop/shared/auth.ts';
import { inTransaction } from '@shop/shared/db.ts';
import { NotFoundError } from '@shop/shared/errors.ts';
import { readPage } from '@shop/shared/pagination.js';
import { idParam, validator } from '@shop/shared/validate.ts';
import { Router } from 'express';
import { listMovements, listReservations, lowStock, stockLevelsForProduct } from './inventory.repository.ts';
import { adjustStock } from './inventory.service.ts';
import { listWarehouses } from './warehouses.repository.ts';

export const inventoryRouter = Router();

// Public: the product page asks how many it can promise.
inventoryRouter.get('/products/:productId', (req, res) => {
  const productId = idParam(req.params.productId, 'productId');
  if (!findProductById(productId)) throw new NotFoundError('Product', productId);
  const levels = stockLevelsForProduct(productId);
  const available = levels.reduce((sum, l) => sum + l.on_hand - l.reserved, 0);
  res.json({ productId, available, inStock: available > 0 });
});

inventoryRouter.use(requireStaff);

inventoryRouter.get('/warehouses', (_req, res) => {
  res.json({
    items: listWarehouses().map((w) => ({
      id: w.id,
      code: w.code,
      name: w.name,
      country: w.country,
      skuCount: w.sku_count,
      unitsOnHand: w.units_on_hand,
    })),
  });
});

inventoryRouter.get('/products/:productId/levels', (req, res) => {
  const productId = idParam(req.params.productId, 'productId');
  res.json({
    productId,
    levels: stockLevelsForProduct(productId).map((l) => ({
      warehouse: l.warehouse_code,
      onHand: l.on_hand,
      reserved: l.reserved,
      available: l.on_hand - l.reserved,
    })),
  });
});

inventoryRouter.get('/low-stock', (req, res) => {
  const threshold = Number(req.query.threshold ?? 5);
  res.json({ threshold, items: lowStock(Number.isFinite(threshold) ? threshold : 5) });
});

inventoryRouter.post('/adjustments', (req, res) => {
  const v = validator(req.body);
  const productId = v.int('productId', { min: 1 });
  const warehouse = v.string('warehouse', { pattern: /^[A-Z0-9-]{2,12}$/ });
  const delta = v.int('delta', { min: -100_000, max: 100_000 });
  const reason = v.string('reason', { oneOf: ['restock', 'damaged', 'count_correction', 'returned'] });
  v.done();
  if (!findProductById(productId)) throw new NotFoundError('Product', productId);
  const result = inTransaction(() =>
    adjustStock({ productId, warehouseCode: warehouse, delta, reason, userId: currentUser(req).id }),
  );
  res.status(201).json({
    adjustment: { id: result.movementId, productId, warehouse, delta, reason },
    onHand: result.onHand,
  });
});

// Older endpoints, kept on limit/offset paging for the warehouse scanner app.
inventoryRouter.get('/movements', (req, res) => {
  const { pageSize, offset } = readPage(req.query);
  const productId = req.query.productId ? idParam(String(req.query.productId), 'productId') : undefined;
  res.json({ items: listMovements(productId, pageSize, Number(req.query.offset ?? offset)) });
});

inventoryRouter.get('/reservations', (req, res) => {
  const { pageSize, offset } = readPage(req.query);
  const status = typeof req.query.status === 'string' ? req.query.status : undefined;
  res.json({ items: listReservations(status, pageSize, offset) });
});
