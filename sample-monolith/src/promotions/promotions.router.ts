import { requireStaff } from '@shop/shared/auth.ts';
import { config } from '@shop/shared/config.ts';
import { ConflictError, NotFoundError, ValidationError } from '@shop/shared/errors.ts';
import { validator } from '@shop/shared/validate.ts';
import { Router } from 'express';
import { findCoupon, insertCoupon, listCoupons, updateCoupon } from './coupons.repository.ts';
import { couponProblem, toCouponView } from './discounts.ts';

export const promotionsRouter = Router();

const CODE = /^[A-Z0-9_-]{3,24}$/;

promotionsRouter.get('/coupons/:code', (req, res) => {
  const coupon = findCoupon(req.params.code);
  if (!coupon) throw new NotFoundError('Coupon', req.params.code);
  const subtotal = Number(req.query.subtotalCents ?? coupon.min_subtotal_cents);
  const problem = couponProblem(coupon, Number.isFinite(subtotal) ? subtotal : 0);
  res.json({ coupon: toCouponView(coupon, config().currency), usable: problem === null, problem });
});

promotionsRouter.get('/coupons', requireStaff, (req, res) => {
  const includeInactive = req.query.all === 'true';
  res.json({ items: listCoupons(includeInactive).map((c) => toCouponView(c, config().currency)) });
});

promotionsRouter.post('/coupons', requireStaff, (req, res) => {
  const v = validator(req.body);
  const code = v.string('code', { pattern: CODE });
  const kind = v.string('kind', { oneOf: ['percent', 'fixed'] }) as 'percent' | 'fixed';
  const value = v.int('value', { min: 1 });
  const minSubtotalCents = v.optionalInt('minSubtotalCents', { min: 0 }) ?? 0;
  const maxRedemptions = v.optionalInt('maxRedemptions', { min: 1 }) ?? null;
  const expiresAt = v.optionalString('expiresAt') ?? null;
  v.done();
  if (kind === 'percent' && value > 90)
    throw new ValidationError([{ field: 'value', message: 'must be <= 90 percent' }]);
  if (expiresAt && Number.isNaN(Date.parse(expiresAt))) {
    throw new ValidationError([{ field: 'expiresAt', message: 'must be an ISO date' }]);
  }
  if (findCoupon(code)) throw new ConflictError(`Coupon ${code} already exists`, 'coupon_exists');
  insertCoupon({
    code,
    kind,
    value,
    min_subtotal_cents: minSubtotalCents,
    max_redemptions: maxRedemptions,
    expires_at: expiresAt,
  });
  res.status(201).json({ coupon: toCouponView(findCoupon(code)!, config().currency) });
});

promotionsRouter.patch('/coupons/:code', requireStaff, (req, res) => {
  const code = String(req.params.code);
  if (!findCoupon(code)) throw new NotFoundError('Coupon', code);
  const v = validator(req.body);
  const active = v.optionalBoolean('active');
  const expiresAt = v.optionalString('expiresAt');
  v.done();
  updateCoupon(code, { active, expiresAt });
  res.json({ coupon: toCouponView(findCoupon(code)!, config().currency) });
});
