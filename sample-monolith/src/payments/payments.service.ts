import { recordRefundOnOrder } from '@shop/orders/orders.service.ts';
import { now } from '@shop/shared/clock.ts';
import { ConflictError, HttpError } from '@shop/shared/errors.ts';
import { logger } from '@shop/shared/logger.ts';
import { toMoney } from '@shop/shared/money.ts';
import { authorizeAndCapture, refundCharge } from './gateway.ts';
import {
  completePayment,
  findPayment,
  insertPendingPayment,
  insertRefund,
  type PaymentRow,
  paymentsForOrder,
  type RefundRow,
  refundedCents,
  setPaymentStatus,
} from './payments.repository.ts';

const log = logger.child({ area: 'payments' });

export class PaymentDeclinedError extends HttpError {
  constructor(declineCode: string) {
    super(402, 'payment_declined', 'The card was declined; no money was taken', { declineCode });
  }
}

/**
 * Charges the customer for an order. Called inside the checkout transaction: a decline throws,
 * and the whole order (stock holds, this payment row, everything) is rolled back.
 */
export function chargeForOrder(input: {
  orderId: number;
  amountCents: number;
  currency: string;
  paymentToken: string;
}): PaymentRow {
  const paymentId = insertPendingPayment({ ...input, createdAt: now() });
  const result = authorizeAndCapture(input.paymentToken, input.amountCents);
  if (!result.approved) {
    log.info('charge declined', { orderId: input.orderId, declineCode: result.declineCode });
    throw new PaymentDeclinedError(result.declineCode ?? 'card_declined');
  }
  completePayment(paymentId, {
    status: 'captured',
    reference: result.reference,
    cardLast4: result.cardLast4,
  });
  return findPayment(paymentId)!;
}

/** Refunds part or all of a captured payment and tells the order about it. */
export function refundPayment(
  paymentId: number,
  amountCents: number,
  reason: string,
  actorId: number | null,
): { refundId: number; payment: PaymentRow } {
  const payment = findPayment(paymentId);
  if (!payment || (payment.status !== 'captured' && payment.status !== 'partially_refunded')) {
    throw new ConflictError('Only captured payments can be refunded', 'payment_not_refundable');
  }
  const alreadyRefunded = refundedCents(paymentId);
  if (alreadyRefunded + amountCents > payment.amount_cents) {
    throw new ConflictError('Refund exceeds the captured amount', 'refund_too_large', {
      refundableCents: payment.amount_cents - alreadyRefunded,
    });
  }
  refundCharge(payment.gateway_reference ?? '', amountCents);
  const refundId = insertRefund({ paymentId, amountCents, reason, createdBy: actorId, createdAt: now() });
  const fully = alreadyRefunded + amountCents === payment.amount_cents;
  setPaymentStatus(paymentId, fully ? 'refunded' : 'partially_refunded');
  recordRefundOnOrder(payment.order_id, amountCents, fully);
  return { refundId, payment: findPayment(paymentId)! };
}

/** Refunds whatever is still captured on an order (used when an order is cancelled). */
export function refundOrderPayments(orderId: number, reason: string, actorId: number | null): number {
  let refunded = 0;
  for (const payment of paymentsForOrder(orderId)) {
    if (payment.status !== 'captured' && payment.status !== 'partially_refunded') continue;
    const remaining = payment.amount_cents - refundedCents(payment.id);
    if (remaining <= 0) continue;
    refundPayment(payment.id, remaining, reason, actorId);
    refunded += remaining;
  }
  return refunded;
}

export function toPaymentView(row: PaymentRow) {
  return {
    id: row.id,
    orderId: row.order_id,
    amount: toMoney(row.amount_cents, row.currency),
    method: row.method,
    cardLast4: row.card_last4,
    status: row.status,
    gatewayReference: row.gateway_reference,
    failureReason: row.failure_reason,
    createdAt: row.created_at,
  };
}

export function toRefundView(row: RefundRow, currency: string) {
  return {
    id: row.id,
    paymentId: row.payment_id,
    amount: toMoney(row.amount_cents, currency),
    reason: row.reason,
    status: row.status,
    createdAt: row.created_at,
  };
}
