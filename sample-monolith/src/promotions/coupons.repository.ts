import { db } from '@shop/shared/db.ts';

export interface CouponRow {
  code: string;
  kind: 'percent' | 'fixed';
  value: number;
  min_subtotal_cents: number;
  max_redemptions: number | null;
  redemptions: number;
  expires_at: string | null;
  active: number;
}

export function findCoupon(code: string): CouponRow | undefined {
  return db().prepare('SELECT * FROM coupons WHERE code = ? COLLATE NOCASE').get(code) as
    | CouponRow
    | undefined;
}

export function listCoupons(includeInactive: boolean): CouponRow[] {
  const sql = includeInactive
    ? 'SELECT * FROM coupons ORDER BY code'
    : 'SELECT * FROM coupons WHERE active = 1 ORDER BY code';
  return db().prepare(sql).all() as CouponRow[];
}

export function insertCoupon(c: Omit<CouponRow, 'redemptions' | 'active'>): void {
  db()
    .prepare(
      `INSERT INTO coupons (code, kind, value, min_subtotal_cents, max_redemptions, expires_at)
       VALUES (@code, @kind, @value, @min_subtotal_cents, @max_redemptions, @expires_at)`,
    )
    .run(c);
}

export function updateCoupon(code: string, changes: { active?: boolean; expiresAt?: string | null }): void {
  db()
    .prepare(
      `UPDATE coupons SET active = COALESCE(@active, active),
              expires_at = CASE WHEN @setExpiry THEN @expiresAt ELSE expires_at END
        WHERE code = @code`,
    )
    .run({
      code,
      active: changes.active === undefined ? null : Number(changes.active),
      setExpiry: changes.expiresAt === undefined ? 0 : 1,
      expiresAt: changes.expiresAt ?? null,
    });
}

/** Counts one use; returns false when the coupon ran out in the meantime. */
export function incrementRedemptions(code: string): boolean {
  const result = db()
    .prepare(
      `UPDATE coupons SET redemptions = redemptions + 1
        WHERE code = ? AND (max_redemptions IS NULL OR redemptions < max_redemptions)`,
    )
    .run(code);
  return result.changes === 1;
}
