/**
 * Written by hand: the tables this service owns, from the monolith's migration 003, without
 * the foreign keys to `users` (accounts owns users; the ids stay the monolith's).
 * `strangler sync` fills them from the monolith while it still writes.
 */
import type { Db } from '../lib/db.ts';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS notifications (
  id           INTEGER PRIMARY KEY AUTOINCREMENT,
  user_id      INTEGER NOT NULL,
  channel      TEXT NOT NULL DEFAULT 'email' CHECK (channel IN ('email', 'sms', 'in_app')),
  template     TEXT NOT NULL,
  payload_json TEXT NOT NULL DEFAULT '{}',
  status       TEXT NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'sent', 'failed')),
  created_at   TEXT NOT NULL,
  sent_at      TEXT,
  read_at      TEXT
);
CREATE INDEX IF NOT EXISTS idx_notifications_user ON notifications(user_id, status);
CREATE TABLE IF NOT EXISTS notification_preferences (
  user_id          INTEGER PRIMARY KEY,
  email_enabled    INTEGER NOT NULL DEFAULT 1,
  sms_enabled      INTEGER NOT NULL DEFAULT 0,
  marketing_opt_in INTEGER NOT NULL DEFAULT 0
);
`;

export const OWNED_TABLES = ['notifications', 'notification_preferences'] as const;

export function ensureSchema(db: Db): void {
  db.exec(SCHEMA);
}
