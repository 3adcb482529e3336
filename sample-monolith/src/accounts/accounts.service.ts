import { randomBytes } from 'node:crypto';
import { queueNotification } from '@shop/notifications/notifications.service.ts';
import { addHours, now } from '@shop/shared/clock.ts';
import { config } from '@shop/shared/config.ts';
import { inTransaction } from '@shop/shared/db.ts';
import { ConflictError, UnauthorizedError, ValidationError } from '@shop/shared/errors.ts';
import type { PublicUser } from './accounts.types.ts';
import { hashPassword, passwordProblem, verifyPassword } from './password.js';
import { deleteSession, deleteSessionsForUser, insertSession } from './sessions.repository.ts';
import {
  findUserByEmail,
  findUserById,
  insertUser,
  type UserRow,
  updatePasswordHash,
  updateRoleAndStatus,
  updateUserProfile,
} from './users.repository.ts';

export function toPublicUser(row: Omit<UserRow, 'password_hash'>): PublicUser {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    status: row.status,
    createdAt: row.created_at,
  };
}

function assertPasswordAcceptable(password: string, field = 'password'): void {
  const problem = passwordProblem(password);
  if (problem) throw new ValidationError([{ field, message: problem }]);
}

export function registerCustomer(input: { email: string; password: string; name: string }): PublicUser {
  assertPasswordAcceptable(input.password);
  if (findUserByEmail(input.email))
    throw new ConflictError('An account with this email already exists', 'email_taken');
  const id = insertUser({
    email: input.email.toLowerCase(),
    passwordHash: hashPassword(input.password),
    name: input.name,
    createdAt: now(),
  });
  queueNotification({ userId: id, template: 'welcome', payload: { name: input.name } });
  return toPublicUser(findUserById(id)!);
}

export interface Session {
  token: string;
  expiresAt: string;
  user: PublicUser;
}

export function login(email: string, password: string): Session {
  const user = findUserByEmail(email);
  // Same message for unknown email and wrong password, so accounts cannot be enumerated.
  if (user?.status !== 'active' || !verifyPassword(password, user.password_hash)) {
    throw new UnauthorizedError('Email or password is incorrect');
  }
  const createdAt = now();
  const expiresAt = addHours(createdAt, config().sessionTtlHours);
  const token = randomBytes(24).toString('base64url');
  insertSession(token, user.id, createdAt, expiresAt);
  return { token, expiresAt, user: toPublicUser(user) };
}

export function logout(token: string): void {
  deleteSession(token);
}

export function changePassword(userId: number, currentToken: string, current: string, next: string): number {
  const user = findUserById(userId);
  if (!user || !verifyPassword(current, user.password_hash)) {
    throw new ValidationError([{ field: 'currentPassword', message: 'is incorrect' }]);
  }
  assertPasswordAcceptable(next, 'newPassword');
  updatePasswordHash(userId, hashPassword(next));
  // Other devices have to log in again after a password change.
  return deleteSessionsForUser(userId, currentToken);
}

export function updateProfile(userId: number, changes: { name?: string; email?: string }): PublicUser {
  if (changes.email) {
    const owner = findUserByEmail(changes.email);
    if (owner && owner.id !== userId)
      throw new ConflictError('That email is used by another account', 'email_taken');
  }
  updateUserProfile(userId, { ...changes, email: changes.email?.toLowerCase() });
  return toPublicUser(findUserById(userId)!);
}

/** Back-office change of role or status; a disabled account is signed out everywhere at once. */
export function changeRoleAndStatus(
  userId: number,
  changes: { role?: 'customer' | 'staff' | 'admin'; status?: 'active' | 'disabled' },
): void {
  inTransaction(() => {
    updateRoleAndStatus(userId, changes);
    if (changes.status === 'disabled') deleteSessionsForUser(userId);
  });
}

export function getProfile(userId: number): PublicUser {
  return toPublicUser(findUserById(userId)!);
}
