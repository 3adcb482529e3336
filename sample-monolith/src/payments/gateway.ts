import { createHmac, randomUUID, timingSafeEqual } from 'node:crypto';

/**
 * Client for the card gateway. In this build it is the gateway's sandbox behaviour, answered
 * locally and synchronously so a charge can sit inside the checkout transaction.
 * Sandbox tokens: tok_visa, tok_mastercard (approved); tok_declined, tok_insufficient_funds (declined).
 */
export interface GatewayResult {
  approved: boolean;
  reference: string;
  cardLast4: string | null;
  declineCode?: 'card_declined' | 'insufficient_funds' | 'amount_limit';
}

const CARD_LAST4: Record<string, string> = {
  tok_visa: '4242',
  tok_mastercard: '4444',
  tok_declined: '0002',
  tok_insufficient_funds: '9995',
};

const SINGLE_CHARGE_LIMIT_CENTS = 500_000;

export function authorizeAndCapture(paymentToken: string, amountCents: number): GatewayResult {
  const reference = `ch_${randomUUID().replaceAll('-', '')}`;
  const cardLast4 = CARD_LAST4[paymentToken] ?? '1111';
  if (paymentToken === 'tok_declined')
    return { approved: false, reference, cardLast4, declineCode: 'card_declined' };
  if (paymentToken === 'tok_insufficient_funds') {
    return { approved: false, reference, cardLast4, declineCode: 'insufficient_funds' };
  }
  if (amountCents > SINGLE_CHARGE_LIMIT_CENTS) {
    return { approved: false, reference, cardLast4, declineCode: 'amount_limit' };
  }
  return { approved: true, reference, cardLast4 };
}

export function refundCharge(
  reference: string,
  amountCents: number,
): { reference: string; amountCents: number } {
  return { reference: `re_${reference.slice(3, 19)}`, amountCents };
}

/** Webhooks carry `X-Gateway-Signature: sha256=<hex hmac of the raw body>`. */
export function isValidSignature(rawBody: string, header: string | undefined, secret: string): boolean {
  if (!header?.startsWith('sha256=')) return false;
  const expected = createHmac('sha256', secret).update(rawBody).digest();
  const given = Buffer.from(header.slice(7), 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}
