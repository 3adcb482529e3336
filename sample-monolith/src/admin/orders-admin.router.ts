import { listOrders } from '@shop/orders/orders.repository.ts';
import { toOrderView, updateOrderStatus } from '@shop/orders/orders.service.ts';
import type { OrderStatus } from '@shop/orders/orders.types.ts';
import { currentUser } from '@shop/shared/auth.ts';
import { now } from '@shop/shared/clock.ts';
import { pageOf, readPage } from '@shop/shared/pagination.js';
import { idParam, validator } from '@shop/shared/validate.ts';
import { Router } from 'express';
import { recordAudit } from './audit.repository.ts';

export const ordersAdminRouter = Router();

ordersAdminRouter.get('/', (req, res) => {
  const paging = readPage(req.query);
  const status = typeof req.query.status === 'string' ? req.query.status : undefined;
  const userId = req.query.userId ? idParam(String(req.query.userId), 'userId') : undefined;
  const { rows, total } = listOrders({ status, userId }, paging.pageSize, paging.offset);
  res.json(
    pageOf(
      rows.map((o) => ({ ...toOrderView(o, false), userId: o.user_id })),
      paging,
      total,
    ),
  );
});

ordersAdminRouter.patch('/:orderId/status', (req, res) => {
  const orderId = idParam(req.params.orderId, 'orderId');
  const v = validator(req.body);
  const status = v.string('status', { oneOf: ['shipped', 'delivered'] }) as OrderStatus;
  const note = v.optionalString('note', { max: 300 }) ?? null;
  v.done();
  const order = updateOrderStatus(orderId, status, note);
  recordAudit({
    actorId: currentUser(req).id,
    action: 'order.status',
    entity: 'order',
    entityId: orderId,
    details: { status },
    at: now(),
  });
  res.json({ order: toOrderView(order) });
});
