/**
 * Finished by hand (was a generated stub of src/shared/auth.ts): the monolith checks a bearer
 * token against its sessions table, which this service does not own. Here the token is checked
 * by asking accounts who it belongs to (`GET /api/accounts/me`, on ACCOUNTS_URL, else
 * MONOLITH_URL), so a logout or a disabled user takes effect at once, as in the monolith.
 */
import type { RequestHandler } from 'express';
import { ForbiddenError, UnauthorizedError } from '../../lib/errors.ts';
import { serviceUrl } from '../runtime.ts';

export type Role = 'customer' | 'staff' | 'admin';

export interface AuthUser {
  id: number;
  email: string;
  name: string;
  role: Role;
}

declare global {
  namespace Express {
    interface Request {
      user?: AuthUser;
      sessionToken?: string;
    }
  }
}

async function findUserByAuthorization(authorization: string | undefined): Promise<AuthUser | undefined> {
  if (!authorization) return undefined;
  const response = await fetch(new URL('/api/accounts/me', serviceUrl('accounts')), {
    headers: { authorization },
  });
  if (response.status === 401) return undefined;
  if (!response.ok) throw new Error(`accounts: GET /api/accounts/me answered ${response.status}`);
  const { user } = (await response.json()) as { user: AuthUser };
  return { id: user.id, email: user.email, name: user.name, role: user.role };
}

function requireRoles(roles: readonly Role[] | null): RequestHandler {
  return (req, _res, next) => {
    findUserByAuthorization(req.get('authorization')).then((user) => {
      if (!user) return next(new UnauthorizedError());
      if (roles && !roles.includes(user.role)) return next(new ForbiddenError());
      req.user = user;
      next();
    }, next);
  };
}

export const requireAuth = requireRoles(null);
export const requireStaff = requireRoles(['staff', 'admin']);

export function currentUser(req: Express.Request): AuthUser {
  if (!req.user) throw new UnauthorizedError();
  return req.user;
}
