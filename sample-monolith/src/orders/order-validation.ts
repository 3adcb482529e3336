import { ValidationError } from '@shop/shared/errors.ts';
import { validator } from '@shop/shared/validate.ts';
import type { CheckoutInput } from './orders.types.ts';

const TOKEN = /^tok_[A-Za-z0-9_]{3,64}$/;

/** Checkout takes a saved address id or an inline address, never both. */
export function parseCheckout(body: unknown): CheckoutInput {
  const v = validator(body);
  const paymentToken = v.string('paymentToken', { pattern: TOKEN });
  const addressId = v.optionalInt('addressId', { min: 1 });
  v.done();
  const raw = (body as { shipTo?: unknown }).shipTo;
  if (raw === undefined || raw === null) return { paymentToken, addressId };
  if (addressId !== undefined) {
    throw new ValidationError([{ field: 'addressId', message: 'give either addressId or shipTo, not both' }]);
  }
  const a = validator(raw, { prefix: 'shipTo.' });
  const shipTo = {
    recipient: a.string('recipient', { min: 1, max: 120 }),
    line1: a.string('line1', { min: 1, max: 200 }),
    line2: a.optionalString('line2', { max: 200 }) ?? null,
    city: a.string('city', { min: 1, max: 100 }),
    postalCode: a.string('postalCode', { min: 2, max: 20 }),
    country: a.string('country', { pattern: /^[A-Z]{2}$/ }),
  };
  a.done();
  return { paymentToken, shipTo };
}
