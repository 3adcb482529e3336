-- 2022-06: coupons, partial refunds and an audit trail for the back office.
CREATE TABLE coupons (
  code              TEXT PRIMARY KEY,
  kind              TEXT NOT NULL CHECK (kind IN ('percent', 'fixed')),
  value             INTEGER NOT NULL CHECK (value > 0),
  min_subtotal_cents INTEGER NOT NULL DEFAULT 0,
  max_redemptions   INTEGER,
  redemptions       INTEGER NOT NULL DEFAULT 0,
  expires_at        TEXT,
  active            INTEGER NOT NULL DEFAULT 1
);

CREATE TABLE refunds (
  id           INTEGER PRIMARY KEY AUTOINCREMENT,
  payment_id   INTEGER NOT NULL REFERENCES payments(id),
  amount_cents INTEGER NOT NULL CHECK (amount_cents > 0),
  reason       TEXT NOT NULL,
  status       TEXT NOT NULL DEFAULT 'succeeded',
  created_by   INTEGER REFERENCES users(id),
  created_at   TEXT NOT NULL
);

CREATE TABLE audit_log (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  actor_id    INTEGER REFERENCES users(id),
  action      TEXT NOT NULL,
  entity      TEXT NOT NULL,
  entity_id   TEXT,
  details_json TEXT NOT NULL DEFAULT '{}',
  created_at  TEXT NOT NULL
);

ALTER TABLE orders ADD COLUMN coupon_code TEXT;
