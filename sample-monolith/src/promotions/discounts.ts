import { isPast } from '@shop/shared/clock.ts';
import { ConflictError } from '@shop/shared/errors.ts';
import { percentOf, toMoney } from '@shop/shared/money.ts';
import { type CouponRow, findCoupon, incrementRedemptions } from './coupons.repository.ts';

export type CouponProblem = 'unknown' | 'inactive' | 'expired' | 'exhausted' | 'below_minimum';

export function couponProblem(coupon: CouponRow | undefined, subtotalCents: number): CouponProblem | null {
  if (!coupon) return 'unknown';
  if (!coupon.active) return 'inactive';
  if (isPast(coupon.expires_at)) return 'expired';
  if (coupon.max_redemptions !== null && coupon.redemptions >= coupon.max_redemptions) return 'exhausted';
  if (subtotalCents < coupon.min_subtotal_cents) return 'below_minimum';
  return null;
}

export function discountCents(coupon: CouponRow, subtotalCents: number): number {
  const raw = coupon.kind === 'percent' ? percentOf(subtotalCents, coupon.value) : coupon.value;
  return Math.min(raw, subtotalCents);
}

/** Works out the discount for a basket; an unusable coupon simply gives no discount. */
export function previewDiscount(code: string | null, subtotalCents: number) {
  if (!code) return { code: null, discountCents: 0, problem: null };
  const coupon = findCoupon(code);
  const problem = couponProblem(coupon, subtotalCents);
  return {
    code: coupon?.code ?? code,
    discountCents: problem ? 0 : discountCents(coupon!, subtotalCents),
    problem,
  };
}

/** Applies a coupon at checkout; unlike the preview, an unusable coupon fails the order. */
export function redeemCoupon(code: string, subtotalCents: number): number {
  const coupon = findCoupon(code);
  const problem = couponProblem(coupon, subtotalCents);
  if (problem)
    throw new ConflictError(`Coupon ${code} cannot be used: ${problem}`, 'coupon_rejected', { problem });
  if (!incrementRedemptions(coupon!.code)) {
    throw new ConflictError(`Coupon ${code} cannot be used: exhausted`, 'coupon_rejected', {
      problem: 'exhausted',
    });
  }
  return discountCents(coupon!, subtotalCents);
}

export function toCouponView(row: CouponRow, currency: string) {
  return {
    code: row.code,
    kind: row.kind,
    value: row.kind === 'fixed' ? toMoney(row.value, currency) : row.value,
    minimumSubtotal: toMoney(row.min_subtotal_cents, currency),
    maxRedemptions: row.max_redemptions,
    redemptions: row.redemptions,
    expiresAt: row.expires_at,
    active: row.active === 1,
  };
}
