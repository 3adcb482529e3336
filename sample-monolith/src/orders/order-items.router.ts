import { currentUser } from '@shop/shared/auth.ts';
import { NotFoundError } from '@shop/shared/errors.ts';
import { toMoney } from '@shop/shared/money.ts';
import { idParam } from '@shop/shared/validate.ts';
import { Router } from 'express';
import { findOrderItems } from './orders.repository.ts';
import { getOrderForUser } from './orders.service.ts';
import type { OrderItemRow } from './orders.types.ts';

// Mounted under /api/orders/:orderId/items; mergeParams exposes :orderId here.
export const orderItemsRouter = Router({ mergeParams: true });

function toItemView(item: OrderItemRow, currency: string) {
  return {
    id: item.id,
    productId: item.product_id,
    sku: item.sku,
    name: item.name,
    quantity: item.quantity,
    unitPrice: toMoney(item.unit_price_cents, currency),
    lineTotal: toMoney(item.unit_price_cents * item.quantity, currency),
  };
}

orderItemsRouter.get('/', (req, res) => {
  const params = req.params as { orderId?: string };
  const order = getOrderForUser(idParam(params.orderId, 'orderId'), currentUser(req));
  res.json({ items: findOrderItems(order.id).map((i) => toItemView(i, order.currency)) });
});

orderItemsRouter.get('/:itemId', (req, res) => {
  const params = req.params as { orderId?: string; itemId?: string };
  const order = getOrderForUser(idParam(params.orderId, 'orderId'), currentUser(req));
  const itemId = idParam(params.itemId, 'itemId');
  const item = findOrderItems(order.id).find((i) => i.id === itemId);
  if (!item) throw new NotFoundError('Order item', itemId);
  res.json({ item: toItemView(item, order.currency) });
});
