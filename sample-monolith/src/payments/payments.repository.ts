import { db } from '@shop/shared/db.ts';

export type PaymentStatus = 'pending' | 'captured' | 'failed' | 'refunded' | 'partially_refunded';

export interface PaymentRow {
  id: number;
  order_id: number;
  amount_cents: number;
  currency: string;
  method: string;
  card_last4: string | null;
  status: PaymentStatus;
  gateway_reference: string | null;
  failure_reason: string | null;
  created_at: string;
}

export interface RefundRow {
  id: number;
  payment_id: number;
  amount_cents: number;
  reason: string;
  status: string;
  created_by: number | null;
  created_at: string;
}

export function insertPendingPayment(p: {
  orderId: number;
  amountCents: number;
  currency: string;
  createdAt: string;
}) {
  return Number(
    db()
      .prepare(
        `INSERT INTO payments (order_id, amount_cents, currency, method, status, created_at)
         VALUES (@orderId, @amountCents, @currency, 'card', 'pending', @createdAt)`,
      )
      .run(p).lastInsertRowid,
  );
}

export function completePayment(
  id: number,
  outcome: { status: PaymentStatus; reference: string; cardLast4: string | null; failureReason?: string },
): void {
  db()
    .prepare(
      `UPDATE payments SET status = @status, gateway_reference = @reference, card_last4 = @cardLast4,
              failure_reason = @failureReason
        WHERE id = @id`,
    )
    .run({ id, ...outcome, failureReason: outcome.failureReason ?? null });
}

export function findPayment(id: number): PaymentRow | undefined {
  return db().prepare('SELECT * FROM payments WHERE id = ?').get(id) as PaymentRow | undefined;
}

export function findPaymentByReference(reference: string): PaymentRow | undefined {
  return db().prepare('SELECT * FROM payments WHERE gateway_reference = ?').get(reference) as
    | PaymentRow
    | undefined;
}

export function paymentsForOrder(orderId: number): PaymentRow[] {
  return db().prepare('SELECT * FROM payments WHERE order_id = ? ORDER BY id').all(orderId) as PaymentRow[];
}

export function setPaymentStatus(id: number, status: PaymentStatus): void {
  db().prepare('UPDATE payments SET status = ? WHERE id = ?').run(status, id);
}

export function insertRefund(r: {
  paymentId: number;
  amountCents: number;
  reason: string;
  createdBy: number | null;
  createdAt: string;
}): number {
  return Number(
    db()
      .prepare(
        `INSERT INTO refunds (payment_id, amount_cents, reason, status, created_by, created_at)
         VALUES (@paymentId, @amountCents, @reason, 'succeeded', @createdBy, @createdAt)`,
      )
      .run(r).lastInsertRowid,
  );
}

export function refundsFor(paymentId: number): RefundRow[] {
  return db().prepare('SELECT * FROM refunds WHERE payment_id = ? ORDER BY id').all(paymentId) as RefundRow[];
}

export function refundedCents(paymentId: number): number {
  return db()
    .prepare('SELECT COALESCE(SUM(amount_cents), 0) FROM refunds WHERE payment_id = ?')
    .pluck()
    .get(paymentId) as number;
}
