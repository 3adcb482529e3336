import { changeRoleAndStatus, toPublicUser } from '@shop/accounts/accounts.service.ts';
import { findUserById, listUsers } from '@shop/accounts/users.repository.ts';
import { currentUser } from '@shop/shared/auth.ts';
import { now } from '@shop/shared/clock.ts';
import { BadRequestError, NotFoundError } from '@shop/shared/errors.ts';
import { pageOf, readPage } from '@shop/shared/pagination.js';
import { idParam, validator } from '@shop/shared/validate.ts';
import { Router } from 'express';
import { recordAudit } from './audit.repository.ts';

export const usersAdminRouter = Router();

usersAdminRouter.get('/', (req, res) => {
  const paging = readPage(req.query);
  const role = typeof req.query.role === 'string' ? req.query.role : undefined;
  const search = typeof req.query.q === 'string' ? req.query.q : undefined;
  const { rows, total } = listUsers({ role, search }, paging.pageSize, paging.offset);
  res.json(pageOf(rows.map(toPublicUser), paging, total));
});

usersAdminRouter.get('/:userId', (req, res) => {
  const id = idParam(req.params.userId, 'userId');
  const user = findUserById(id);
  if (!user) throw new NotFoundError('User', id);
  res.json({ user: toPublicUser(user) });
});

usersAdminRouter.patch('/:userId', (req, res) => {
  const id = idParam(req.params.userId, 'userId');
  const v = validator(req.body);
  const role = v.optionalString('role', { oneOf: ['customer', 'staff', 'admin'] }) as
    | 'customer'
    | 'staff'
    | 'admin'
    | undefined;
  const status = v.optionalString('status', { oneOf: ['active', 'disabled'] }) as
    | 'active'
    | 'disabled'
    | undefined;
  v.done();
  const actor = currentUser(req);
  if (id === actor.id) throw new BadRequestError('You cannot change your own role or status', 'self_change');
  if (!findUserById(id)) throw new NotFoundError('User', id);
  changeRoleAndStatus(id, { role, status });
  // Written once the change committed, so the audit log never records a change that rolled back.
  recordAudit({
    actorId: actor.id,
    action: 'user.updated',
    entity: 'user',
    entityId: id,
    details: { role, status },
    at: now(),
  });
  res.json({ user: toPublicUser(findUserById(id)!) });
});
