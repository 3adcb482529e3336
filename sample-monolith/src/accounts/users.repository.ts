import { db } from '@shop/shared/db.ts';
import type { Role } from './accounts.types.ts';

export interface UserRow {
  id: number;
  email: string;
  password_hash: string;
  name: string;
  role: Role;
  status: 'active' | 'disabled';
  created_at: string;
}

export function findUserByEmail(email: string): UserRow | undefined {
  return db().prepare('SELECT * FROM users WHERE email = ? COLLATE NOCASE').get(email) as UserRow | undefined;
}

export function findUserById(id: number): UserRow | undefined {
  return db().prepare('SELECT * FROM users WHERE id = ?').get(id) as UserRow | undefined;
}

export function insertUser(user: {
  email: string;
  passwordHash: string;
  name: string;
  createdAt: string;
}): number {
  const result = db()
    .prepare('INSERT INTO users (email, password_hash, name, created_at) VALUES (?, ?, ?, ?)')
    .run(user.email, user.passwordHash, user.name, user.createdAt);
  return Number(result.lastInsertRowid);
}

export function updateUserProfile(id: number, changes: { name?: string; email?: string }): void {
  db()
    .prepare('UPDATE users SET name = COALESCE(@name, name), email = COALESCE(@email, email) WHERE id = @id')
    .run({ id, name: changes.name ?? null, email: changes.email ?? null });
}

export function updatePasswordHash(id: number, passwordHash: string): void {
  db().prepare('UPDATE users SET password_hash = ? WHERE id = ?').run(passwordHash, id);
}

export function updateRoleAndStatus(
  id: number,
  changes: { role?: Role; status?: 'active' | 'disabled' },
): void {
  db()
    .prepare(`UPDATE users
                 SET role = COALESCE(@role, role),
                     status = COALESCE(@status, status)
               WHERE id = @id`)
    .run({ id, role: changes.role ?? null, status: changes.status ?? null });
}

export function listUsers(filter: { role?: string; search?: string }, limit: number, offset: number) {
  const where: string[] = [];
  const params: Record<string, unknown> = { limit, offset };
  if (filter.role) {
    where.push('role = @role');
    params.role = filter.role;
  }
  if (filter.search) {
    where.push('(email LIKE @search OR name LIKE @search)');
    params.search = `%${filter.search}%`;
  }
  const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const rows = db()
    .prepare(
      `SELECT id, email, name, role, status, created_at FROM users ${clause} ORDER BY id LIMIT @limit OFFSET @offset`,
    )
    .all(params) as Omit<UserRow, 'password_hash'>[];
  const total = db().prepare(`SELECT COUNT(*) FROM users ${clause}`).pluck().get(params) as number;
  return { rows, total };
}
