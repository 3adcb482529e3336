-- 2021-04: shipments tracked in-house instead of the carrier's spreadsheet; email queue.
CREATE TABLE shipments (
  id              INTEGER PRIMARY KEY AUTOINCREMENT,
  order_id        INTEGER NOT NULL UNIQUE REFERENCES orders(id),
  carrier         TEXT NOT NULL,
  service_level   TEXT NOT NULL DEFAULT 'standard',
  tracking_number TEXT NOT NULL UNIQUE,
  status          TEXT NOT NULL DEFAULT 'label_pending',
  country         TEXT NOT NULL,
  cost_cents      INTEGER NOT NULL,
  created_at      TEXT NOT NULL
);

CREATE TABLE shipment_events (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  shipment_id INTEGER NOT NULL REFERENCES shipments(id) ON DELETE CASCADE,
  status      TEXT NOT NULL,
  location    TEXT,
  description TEXT NOT NULL,
  occurred_at TEXT NOT NULL
);

CREATE TABLE notifications (
  id           INTEGER PRIMARY KEY AUTOINCREMENT,
  user_id      INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  channel      TEXT NOT NULL DEFAULT 'email' CHECK (channel IN ('email', 'sms', 'in_app')),
  template     TEXT NOT NULL,
  payload_json TEXT NOT NULL DEFAULT '{}',
  status       TEXT NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'sent', 'failed')),
  created_at   TEXT NOT NULL,
  sent_at      TEXT,
  read_at      TEXT
);
CREATE INDEX idx_notifications_user ON notifications(user_id, status);

CREATE TABLE notification_preferences (
  user_id          INTEGER PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
  email_enabled    INTEGER NOT NULL DEFAULT 1,
  sms_enabled      INTEGER NOT NULL DEFAULT 0,
  marketing_opt_in INTEGER NOT NULL DEFAULT 0
);
