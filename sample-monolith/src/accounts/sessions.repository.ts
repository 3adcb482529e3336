import { db } from '@shop/shared/db.ts';
import type { AuthUser } from './accounts.types.ts';

export function insertSession(token: string, userId: number, createdAt: string, expiresAt: string): void {
  db()
    .prepare('INSERT INTO sessions (token, user_id, created_at, expires_at) VALUES (?, ?, ?, ?)')
    .run(token, userId, createdAt, expiresAt);
}

export function deleteSession(token: string): void {
  db().prepare('DELETE FROM sessions WHERE token = ?').run(token);
}

export function deleteSessionsForUser(userId: number, exceptToken?: string): number {
  return db()
    .prepare('DELETE FROM sessions WHERE user_id = ? AND token IS NOT ?')
    .run(userId, exceptToken ?? null).changes;
}

const USER_BY_TOKEN = `
  SELECT u.id, u.email, u.name, u.role
    FROM sessions s
    JOIN users u ON u.id = s.user_id
   WHERE s.token = ?
     AND s.expires_at > ?
     AND u.status = 'active'`;

export function findUserBySessionToken(token: string): AuthUser | undefined {
  return db().prepare(USER_BY_TOKEN).get(token, new Date().toISOString()) as AuthUser | undefined;
}
