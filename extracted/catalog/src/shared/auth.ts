import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { AuthUser, Role } from '../../contracts/accounts/accounts.types.ts';
import { ForbiddenError, UnauthorizedError } from '../../lib/errors.ts';
import { findUserBySessionToken } from '../../remote/accounts/sessions.repository.ts';

export type { AuthUser, Role };

declare global {
  namespace Express {
    interface Request {
      user?: AuthUser;
      sessionToken?: string;
    }
  }
}

function bearerToken(req: Request): string | undefined {
  const header = req.get('authorization');
  if (!header) return undefined;
  const [scheme, token] = header.split(' ');
  return scheme?.toLowerCase() === 'bearer' && token ? token : undefined;
}

/** Attaches the user when a valid token is sent; anonymous requests pass through. */
export const optionalAuth: RequestHandler = (req, _res, next) => {
  const token = bearerToken(req);
  if (!token) return next();
  // Finished by hand: the session lives in accounts, so the lookup is a remote call now.
  findUserBySessionToken(token).then((user) => {
    if (user) {
      req.user = user;
      req.sessionToken = token;
    }
    next();
  }, next);
};

export const requireAuth: RequestHandler = (req: Request, res: Response, next: NextFunction) => {
  optionalAuth(req, res, () => {
    if (!req.user) return next(new UnauthorizedError());
    next();
  });
};

/** Staff may do everything admins do except user management; see requireRole('admin'). */
export function requireRole(...roles: Role[]): RequestHandler {
  return (req, res, next) => {
    requireAuth(req, res, (err?: unknown) => {
      if (err) return next(err);
      if (!req.user || !roles.includes(req.user.role)) return next(new ForbiddenError());
      next();
    });
  };
}

export const requireStaff = requireRole('staff', 'admin');

export function currentUser(req: Request): AuthUser {
  if (!req.user) throw new UnauthorizedError();
  return req.user;
}
