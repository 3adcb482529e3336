import { currentUser, requireAuth } from '@shop/shared/auth.ts';
import { config } from '@shop/shared/config.ts';
import { toMoney } from '@shop/shared/money.ts';
import { pageOf, readPage } from '@shop/shared/pagination.js';
import { idParam, validator } from '@shop/shared/validate.ts';
import { Router } from 'express';
import { orderItemsRouter } from './order-items.router.ts';
import { parseCheckout } from './order-validation.ts';
import { listOrders } from './orders.repository.ts';
import {
  cancelOrder,
  getOrderForUser,
  orderTimeline,
  placeOrder,
  quoteCheckout,
  toOrderView,
} from './orders.service.ts';

export const ordersRouter = Router();
ordersRouter.use(requireAuth);

ordersRouter.post('/', (req, res) => {
  const user = currentUser(req);
  const orderId = placeOrder(user.id, parseCheckout(req.body));
  res
    .status(201)
    .location(`/api/orders/${orderId}`)
    .json({ order: toOrderView(getOrderForUser(orderId, user)) });
});

ordersRouter.post('/quote', (req, res) => {
  const v = validator(req.body);
  const addressId = v.optionalInt('addressId', { min: 1 });
  v.done();
  const { cart, shipTo, shippingCents } = quoteCheckout(currentUser(req).id, {
    addressId,
    shipTo: req.body?.shipTo,
  });
  const currency = config().currency;
  res.json({
    shipTo,
    subtotal: toMoney(cart.subtotalCents, currency),
    shipping: toMoney(shippingCents, currency),
    total: toMoney(cart.subtotalCents + shippingCents, currency),
  });
});

ordersRouter.get('/', (req, res) => {
  const paging = readPage(req.query);
  const status = typeof req.query.status === 'string' ? req.query.status : undefined;
  const { rows, total } = listOrders({ userId: currentUser(req).id, status }, paging.pageSize, paging.offset);
  res.json(
    pageOf(
      rows.map((o) => toOrderView(o, false)),
      paging,
      total,
    ),
  );
});

ordersRouter.get('/:orderId', (req, res) => {
  const order = getOrderForUser(idParam(req.params.orderId, 'orderId'), currentUser(req));
  res.json({ order: toOrderView(order) });
});

ordersRouter.get('/:orderId/timeline', (req, res) => {
  const order = getOrderForUser(idParam(req.params.orderId, 'orderId'), currentUser(req));
  res.json({ orderId: order.id, events: orderTimeline(order.id) });
});

ordersRouter.post('/:orderId/cancel', (req, res) => {
  const user = currentUser(req);
  const order = getOrderForUser(idParam(req.params.orderId, 'orderId'), user);
  const v = validator(req.body ?? {});
  const reason = v.optionalString('reason', { max: 300 }) ?? 'Cancelled by customer';
  v.done();
  cancelOrder(order, user.id, reason);
  res.json({ order: toOrderView(getOrderForUser(order.id, user)) });
});

ordersRouter.use('/:orderId/items', orderItemsRouter);
