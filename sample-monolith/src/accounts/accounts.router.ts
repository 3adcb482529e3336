import { currentUser, requireAuth } from '@shop/shared/auth.ts';
import { EMAIL_PATTERN, validator } from '@shop/shared/validate.ts';
import { Router } from 'express';
import {
  changePassword,
  getProfile,
  login,
  logout,
  registerCustomer,
  updateProfile,
} from './accounts.service.ts';
import { addressesRouter } from './addresses.router.ts';

export const accountsRouter = Router();

accountsRouter.post('/register', (req, res) => {
  const v = validator(req.body);
  const email = v.string('email', { max: 254, pattern: EMAIL_PATTERN });
  v.string('password', { min: 1 });
  const name = v.string('name', { min: 1, max: 120 });
  v.done();
  // Passwords are taken verbatim: the validator trims, and spaces are legal in a password.
  const user = registerCustomer({ email, password: req.body.password, name });
  res.status(201).json({ user });
});

accountsRouter.post('/login', (req, res) => {
  const v = validator(req.body);
  const email = v.string('email', { pattern: EMAIL_PATTERN });
  v.string('password', { min: 1 });
  v.done();
  const session = login(email, req.body.password);
  res.json(session);
});

accountsRouter.post('/logout', requireAuth, (req, res) => {
  logout(req.sessionToken!);
  res.status(204).end();
});

accountsRouter.get('/me', requireAuth, (req, res) => {
  res.json({ user: getProfile(currentUser(req).id) });
});

accountsRouter.patch('/me', requireAuth, (req, res) => {
  const v = validator(req.body);
  const name = v.optionalString('name', { min: 1, max: 120 });
  const email = v.optionalString('email', { max: 254, pattern: EMAIL_PATTERN });
  v.done();
  res.json({ user: updateProfile(currentUser(req).id, { name, email }) });
});

accountsRouter.post('/me/password', requireAuth, (req, res) => {
  const v = validator(req.body);
  v.string('currentPassword', { min: 1 });
  v.string('newPassword', { min: 1 });
  v.done();
  const signedOut = changePassword(
    currentUser(req).id,
    req.sessionToken!,
    req.body.currentPassword,
    req.body.newPassword,
  );
  res.json({ ok: true, otherSessionsSignedOut: signedOut });
});

accountsRouter.use('/me/addresses', requireAuth, addressesRouter);
