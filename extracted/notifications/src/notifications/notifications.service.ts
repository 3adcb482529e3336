import { now } from '../../lib/clock.ts';
import { logger } from '../../lib/logger.ts';
import {
  findPreferences,
  insertNotification,
  markDelivered,
  type NotificationRow,
  type PreferencesRow,
  queuedBatch,
} from './notifications.repository.ts';
import { isKnownTemplate, isTransactional, renderTemplate } from './templates.js';

const log = logger.child({ area: 'notifications' });

export const DEFAULT_PREFERENCES: Omit<PreferencesRow, 'user_id'> = {
  email_enabled: 1,
  sms_enabled: 0,
  marketing_opt_in: 0,
};

/**
 * Puts a message on the outbox. Runs inside the caller's transaction when there is one, so an
 * order that rolls back never emails its customer. Returns null when the user opted out.
 */
export function queueNotification(input: {
  userId: number;
  template: string;
  payload: Record<string, unknown>;
}): number | null {
  if (!isKnownTemplate(input.template)) throw new Error(`Unknown notification template: ${input.template}`);
  const prefs = findPreferences(input.userId) ?? { user_id: input.userId, ...DEFAULT_PREFERENCES };
  if (!isTransactional(input.template) && !prefs.marketing_opt_in) return null;
  const channel = prefs.email_enabled ? 'email' : 'in_app';
  return insertNotification({
    userId: input.userId,
    channel,
    template: input.template,
    payloadJson: JSON.stringify(input.payload),
    createdAt: now(),
  });
}

export function toNotificationView(row: NotificationRow) {
  const payload = JSON.parse(row.payload_json) as Record<string, unknown>;
  const { subject, body } = renderTemplate(row.template, payload);
  return {
    id: row.id,
    channel: row.channel,
    template: row.template,
    subject,
    body,
    status: row.status,
    createdAt: row.created_at,
    readAt: row.read_at,
  };
}

/** The mail relay is an outside system; here "sending" renders the message and marks it sent. */
export function dispatchQueued(limit = 100): { sent: number; failed: number } {
  let sent = 0;
  let failed = 0;
  for (const row of queuedBatch(limit)) {
    try {
      toNotificationView(row);
      markDelivered(row.id, 'sent', now());
      sent += 1;
    } catch (err) {
      log.warn('notification failed', { id: row.id, err: String(err) });
      markDelivered(row.id, 'failed', now());
      failed += 1;
    }
  }
  return { sent, failed };
}
