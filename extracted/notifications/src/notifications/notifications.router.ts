import { Router } from 'express';
import { now } from '../../lib/clock.ts';
import { inTransaction } from '../../lib/db.ts';
import { NotFoundError } from '../../lib/errors.ts';
import { pageOf, readPage } from '../../lib/pagination.js';
import { idParam, validator } from '../../lib/validate.ts';
import { currentUser, requireAuth, requireStaff } from '../../remote/catalog/auth.ts';
import { findPreferences, listForUser, markRead, savePreferences } from './notifications.repository.ts';
import { DEFAULT_PREFERENCES, dispatchQueued, toNotificationView } from './notifications.service.ts';

export const notificationsRouter = Router();

notificationsRouter.get('/', requireAuth, (req, res) => {
  const paging = readPage(req.query);
  const { rows, total } = listForUser(
    currentUser(req).id,
    req.query.unread === 'true',
    paging.pageSize,
    paging.offset,
  );
  res.json(pageOf(rows.map(toNotificationView), paging, total));
});

notificationsRouter.post('/read-all', requireAuth, (req, res) => {
  res.json({ marked: markRead(currentUser(req).id, 'all', now()) });
});

notificationsRouter.post('/:notificationId/read', requireAuth, (req, res) => {
  const id = idParam(req.params.notificationId, 'notificationId');
  if (markRead(currentUser(req).id, id, now()) === 0) throw new NotFoundError('Notification', id);
  res.json({ ok: true });
});

function toPreferencesView(userId: number) {
  const prefs = findPreferences(userId) ?? { user_id: userId, ...DEFAULT_PREFERENCES };
  return {
    emailEnabled: prefs.email_enabled === 1,
    smsEnabled: prefs.sms_enabled === 1,
    marketingOptIn: prefs.marketing_opt_in === 1,
  };
}

notificationsRouter.get('/preferences', requireAuth, (req, res) => {
  res.json({ preferences: toPreferencesView(currentUser(req).id) });
});

notificationsRouter.put('/preferences', requireAuth, (req, res) => {
  const userId = currentUser(req).id;
  const v = validator(req.body);
  const current = toPreferencesView(userId);
  const emailEnabled = v.optionalBoolean('emailEnabled') ?? current.emailEnabled;
  const smsEnabled = v.optionalBoolean('smsEnabled') ?? current.smsEnabled;
  const marketingOptIn = v.optionalBoolean('marketingOptIn') ?? current.marketingOptIn;
  v.done();
  savePreferences({
    user_id: userId,
    email_enabled: Number(emailEnabled),
    sms_enabled: Number(smsEnabled),
    marketing_opt_in: Number(marketingOptIn),
  });
  res.json({ preferences: toPreferencesView(userId) });
});

// Called by the cron box every minute (see ops/crontab in the infra repo).
notificationsRouter.post('/dispatch', requireStaff, (req, res) => {
  const limit = Math.min(500, Number(req.query.limit ?? 100) || 100);
  res.json(inTransaction(() => dispatchQueued(limit)));
});
