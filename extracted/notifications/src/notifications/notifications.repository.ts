import { db } from '../../lib/db.ts';

export interface NotificationRow {
  id: number;
  user_id: number;
  channel: 'email' | 'sms' | 'in_app';
  template: string;
  payload_json: string;
  status: 'queued' | 'sent' | 'failed';
  created_at: string;
  sent_at: string | null;
  read_at: string | null;
}

export interface PreferencesRow {
  user_id: number;
  email_enabled: number;
  sms_enabled: number;
  marketing_opt_in: number;
}

export function insertNotification(n: {
  userId: number;
  channel: NotificationRow['channel'];
  template: string;
  payloadJson: string;
  createdAt: string;
}): number {
  return Number(
    db()
      .prepare(
        `INSERT INTO notifications (user_id, channel, template, payload_json, status, created_at)
         VALUES (@userId, @channel, @template, @payloadJson, 'queued', @createdAt)`,
      )
      .run(n).lastInsertRowid,
  );
}

export function listForUser(userId: number, unreadOnly: boolean, limit: number, offset: number) {
  const filter = unreadOnly ? 'AND read_at IS NULL' : '';
  const rows = db()
    .prepare(`SELECT * FROM notifications WHERE user_id = ? ${filter} ORDER BY id DESC LIMIT ? OFFSET ?`)
    .all(userId, limit, offset) as NotificationRow[];
  const total = db()
    .prepare(`SELECT COUNT(*) FROM notifications WHERE user_id = ? ${filter}`)
    .pluck()
    .get(userId) as number;
  return { rows, total };
}

export function markRead(userId: number, id: number | 'all', at: string): number {
  if (id === 'all') {
    return db()
      .prepare('UPDATE notifications SET read_at = ? WHERE user_id = ? AND read_at IS NULL')
      .run(at, userId).changes;
  }
  return db()
    .prepare('UPDATE notifications SET read_at = COALESCE(read_at, ?) WHERE id = ? AND user_id = ?')
    .run(at, id, userId).changes;
}

export function findPreferences(userId: number): PreferencesRow | undefined {
  return db().prepare('SELECT * FROM notification_preferences WHERE user_id = ?').get(userId) as
    | PreferencesRow
    | undefined;
}

export function savePreferences(p: PreferencesRow): void {
  db()
    .prepare(
      `INSERT INTO notification_preferences (user_id, email_enabled, sms_enabled, marketing_opt_in)
       VALUES (@user_id, @email_enabled, @sms_enabled, @marketing_opt_in)
       ON CONFLICT (user_id) DO UPDATE SET email_enabled = excluded.email_enabled,
         sms_enabled = excluded.sms_enabled, marketing_opt_in = excluded.marketing_opt_in`,
    )
    .run(p);
}

export function queuedBatch(limit: number): NotificationRow[] {
  return db()
    .prepare(`SELECT * FROM notifications WHERE status = 'queued' ORDER BY id LIMIT ?`)
    .all(limit) as NotificationRow[];
}

export function markDelivered(id: number, status: 'sent' | 'failed', at: string): void {
  db().prepare('UPDATE notifications SET status = ?, sent_at = ? WHERE id = ?').run(status, at, id);
}
