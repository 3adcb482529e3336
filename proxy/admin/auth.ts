/**
 * Bearer-token authentication. Tokens are compared as SHA-256 digests with
 * `timingSafeEqual`, and every configured token is checked, so the time taken says nothing
 * about which token or how many characters matched.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { RequestHandler } from 'express';
import { StranglerError } from '../../errors/index.ts';
import { PROXY_ADMIN_ERRORS } from './errors.ts';

export interface NamedToken {
  /** Recorded as the actor in the history. */
  name: string;
  token: string;
}

const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();

/** Query parameters that commonly carry credentials; any of them is refused, never read. */
const QUERY_TOKEN_NAMES = ['token', 'access_token', 'api_key', 'apikey', 'auth'];

export function createTokenCheck(tokens: readonly NamedToken[]): (presented: string) => string | null {
  const known = tokens.map((t) => ({ name: t.name, hash: digest(t.token) }));
  return (presented) => {
    const hash = digest(presented);
    let actor: string | null = null;
    for (const token of known) {
      if (timingSafeEqual(hash, token.hash) && actor === null) actor = token.name;
    }
    return actor;
  };
}

/** Refuses tokens in the URL (on every path, so they are never accepted by accident). */
export const rejectQueryTokens: RequestHandler = (req, _res, next) => {
  const search = new URL(req.originalUrl, 'http://admin').searchParams;
  if (QUERY_TOKEN_NAMES.some((name) => search.has(name))) {
    next(
      new StranglerError(
        PROXY_ADMIN_ERRORS.PROXY_ADMIN_TOKEN_IN_QUERY,
        'Tokens are not accepted in the query string.',
      ),
    );
    return;
  }
  next();
};

/** Sets `res.locals.actor` to the token's name, or answers 401. */
export function requireToken(tokens: readonly NamedToken[]): RequestHandler {
  const check = createTokenCheck(tokens);
  return (req, res, next) => {
    const header = req.headers.authorization ?? '';
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    const actor = match ? check(match[1]!) : null;
    if (actor === null) {
      res.setHeader('WWW-Authenticate', 'Bearer realm="strangler-admin"');
      next(
        new StranglerError(
          PROXY_ADMIN_ERRORS.PROXY_ADMIN_UNAUTHORIZED,
          match ? 'The bearer token is not valid.' : 'A bearer token is required.',
        ),
      );
      return;
    }
    res.locals.actor = actor;
    next();
  };
}
