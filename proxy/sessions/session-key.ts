/**
 * Reads the value that identifies a client session, compiled once from `sessions.key`.
 * Returns null when the request carries none: such requests are not recorded (never the
 * client address: behind a NAT or a load balancer it would merge unrelated users).
 */
import type { IncomingMessage } from 'node:http';
import type { SessionKey } from '../config/schema.ts';

export type SessionKeyReader = (req: IncomingMessage) => string | null;

export function createSessionKeyReader(key: SessionKey): SessionKeyReader {
  if (key === 'authorization') {
    // Bearer tokens only: a Basic header is a password, and even a salted hash of a
    // low-entropy password is worth guessing at; a token is not.
    return (req) => {
      const value = req.headers.authorization;
      if (!value || value.length < 8 || value.slice(0, 7).toLowerCase() !== 'bearer ') return null;
      const token = value.slice(7).trim();
      return token === '' ? null : token;
    };
  }
  if ('header' in key) {
    const name = key.header.toLowerCase();
    return (req) => {
      const value = req.headers[name];
      const first = Array.isArray(value) ? value[0] : value;
      return first ? first : null;
    };
  }
  const cookie = key.cookie;
  return (req) => readCookie(req.headers.cookie, cookie);
}

function readCookie(header: string | undefined, name: string): string | null {
  if (!header) return null;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq !== -1 && part.slice(0, eq).trim() === name) {
      const value = part.slice(eq + 1).trim();
      return value === '' ? null : value;
    }
  }
  return null;
}
