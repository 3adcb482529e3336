import { config } from '@shop/shared/config.ts';
import { inTransaction } from '@shop/shared/db.ts';
import { HttpError } from '@shop/shared/errors.ts';
import { logger } from '@shop/shared/logger.ts';
import { Router } from 'express';
import { isValidSignature } from './gateway.ts';
import { findPaymentByReference, refundedCents } from './payments.repository.ts';
import { refundPayment } from './payments.service.ts';

export const webhooksRouter = Router();

interface GatewayEvent {
  id: string;
  type: string;
  data: { reference: string; amountCents?: number };
}

// The signature covers the exact bytes, kept by the JSON body parser as req.rawBody.
webhooksRouter.post('/gateway', (req, res) => {
  const raw = req.rawBody ?? '';
  if (!isValidSignature(raw, req.get('x-gateway-signature'), config().paymentWebhookSecret)) {
    throw new HttpError(401, 'invalid_signature', 'Webhook signature does not match');
  }
  let event: GatewayEvent;
  try {
    event = JSON.parse(raw) as GatewayEvent;
  } catch {
    throw new HttpError(400, 'invalid_json', 'Webhook body is not valid JSON');
  }
  const payment = event.data?.reference ? findPaymentByReference(event.data.reference) : undefined;
  if (!payment) {
    // Acknowledge anyway: the gateway retries for three days on anything but 2xx.
    logger.warn('webhook for unknown payment', { eventId: event.id, type: event.type });
    res.json({ received: true, handled: false });
    return;
  }
  if (event.type === 'charge.refunded') {
    const remaining = payment.amount_cents - refundedCents(payment.id);
    const amount = Math.min(event.data.amountCents ?? remaining, remaining);
    if (amount > 0)
      inTransaction(() => refundPayment(payment.id, amount, 'Refunded in gateway dashboard', null));
  }
  res.json({ received: true, handled: event.type === 'charge.refunded' });
});
