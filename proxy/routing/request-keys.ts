/**
 * Reads what routing needs from a request besides its path: the canary key and the
 * testing override. Both are compiled once from the config into small closures.
 */
import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { StickyKey } from '../config/schema.ts';
import type { Destination } from '../model.ts';

export type StickyKeyReader = (req: IncomingMessage) => string;

/** Falls back to the client address when the configured header or cookie is absent. */
export function createStickyKeyReader(key: StickyKey): StickyKeyReader {
  const address = (req: IncomingMessage) => req.socket.remoteAddress ?? '';
  if (key === 'client-address') return address;
  if ('header' in key) {
    const name = key.header.toLowerCase();
    return (req) => {
      const value = req.headers[name];
      const first = Array.isArray(value) ? value[0] : value;
      return first ? `h:${first}` : address(req);
    };
  }
  const cookie = key.cookie;
  return (req) => {
    const value = readCookie(req.headers.cookie, cookie);
    return value ? `c:${value}` : address(req);
  };
}

function readCookie(header: string | undefined, name: string): string | null {
  if (!header) return null;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq !== -1 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return null;
}

export interface OverrideConfig {
  header: string;
  secret: string;
}

/**
 * The override header forces a destination for testing: `x-strangler-target: service;<secret>`
 * (or `monolith;<secret>`). Off unless a secret is configured; a wrong secret is ignored
 * (routing proceeds as if the header were absent). The header never reaches an upstream.
 */
export function createOverrideReader(
  override: OverrideConfig | undefined,
): ((req: IncomingMessage) => Destination | null) | null {
  if (!override) return null;
  const name = override.header.toLowerCase();
  const secret = Buffer.from(override.secret);
  return (req) => {
    const value = req.headers[name];
    if (typeof value !== 'string') return null;
    const semi = value.indexOf(';');
    if (semi === -1) return null;
    const destination = value.slice(0, semi).trim();
    const given = Buffer.from(value.slice(semi + 1).trim());
    if (given.length !== secret.length || !timingSafeEqual(given, secret)) return null;
    return destination === 'service' || destination === 'monolith' ? destination : null;
  };
}
