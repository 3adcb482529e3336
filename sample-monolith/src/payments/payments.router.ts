import { currentUser, requireAuth, requireStaff } from '@shop/shared/auth.ts';
import { inTransaction } from '@shop/shared/db.ts';
import { NotFoundError } from '@shop/shared/errors.ts';
import { idParam, validator } from '@shop/shared/validate.ts';
import { Router } from 'express';
import { getOrderForUser } from '../orders/orders.service.ts';
import { findPayment, paymentsForOrder, refundsFor } from './payments.repository.ts';
import { refundPayment, toPaymentView, toRefundView } from './payments.service.ts';
import { webhooksRouter } from './webhooks.router.ts';

export const paymentsRouter = Router();

// The gateway calls this without a user session; it is authenticated by signature instead.
paymentsRouter.use('/webhooks', webhooksRouter);

paymentsRouter.get('/orders/:orderId', requireAuth, (req, res) => {
  const order = getOrderForUser(idParam(req.params.orderId, 'orderId'), currentUser(req));
  res.json({ items: paymentsForOrder(order.id).map(toPaymentView) });
});

paymentsRouter.get('/:paymentId', requireStaff, (req, res) => {
  const id = idParam(req.params.paymentId, 'paymentId');
  const payment = findPayment(id);
  if (!payment) throw new NotFoundError('Payment', id);
  res.json({ payment: toPaymentView(payment) });
});

paymentsRouter.get('/:paymentId/refunds', requireStaff, (req, res) => {
  const id = idParam(req.params.paymentId, 'paymentId');
  const payment = findPayment(id);
  if (!payment) throw new NotFoundError('Payment', id);
  res.json({ items: refundsFor(id).map((r) => toRefundView(r, payment.currency)) });
});

paymentsRouter.post('/:paymentId/refunds', requireStaff, (req, res) => {
  const id = idParam(req.params.paymentId, 'paymentId');
  const v = validator(req.body);
  const amountCents = v.int('amountCents', { min: 1 });
  const reason = v.string('reason', { min: 3, max: 300 });
  v.done();
  if (!findPayment(id)) throw new NotFoundError('Payment', id);
  const { refundId, payment } = inTransaction(() =>
    refundPayment(id, amountCents, reason, currentUser(req).id),
  );
  const refund = refundsFor(id).find((r) => r.id === refundId)!;
  res.status(201).json({ refund: toRefundView(refund, payment.currency), payment: toPaymentView(payment) });
});
