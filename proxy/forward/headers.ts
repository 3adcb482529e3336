/**
 * Header rules shared by every engine, so they cannot drift apart: hop-by-hop headers
 * (RFC 9110 §7.6.1, plus any header the Connection header names) never cross the proxy,
 * X-Forwarded-For is appended to, X-Forwarded-Proto/Host describe the client's request
 * (kept when a proxy in front already set them).
 * The original Host is kept (as http-proxy-middleware does without `changeOrigin`), so the
 * monolith sees exactly the Host it saw before the proxy was put in front of it.
 */
import type { IncomingHttpHeaders, IncomingMessage } from 'node:http';
import type { TLSSocket } from 'node:tls';

export type HeaderMap = Record<string, string | string[]>;

const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-connection',
  'proxy-authenticate',
  'proxy-authorization',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
  // Node's server answers `100-continue` itself before the handler runs.
  'expect',
  'http2-settings',
]);

function connectionNamed(headers: IncomingHttpHeaders): Set<string> | null {
  const value = headers.connection;
  if (!value) return null;
  const named = value
    .toLowerCase()
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== 'close' && s !== 'keep-alive' && s !== 'upgrade');
  return named.length > 0 ? new Set(named) : null;
}

export interface OutboundHeaderOptions {
  /** Header names (lower case) to drop, e.g. the override header carrying a secret. */
  strip?: string | null;
  /** Length of a buffered body: replaces a chunked framing with Content-Length. */
  bufferedLength?: number | null;
  /** Keep `Connection: upgrade` and `Upgrade` for a WebSocket handshake. */
  upgrade?: boolean;
}

export function toOutboundHeaders(req: IncomingMessage, options: OutboundHeaderOptions = {}): HeaderMap {
  const source = req.headers;
  const named = connectionNamed(source);
  const out: HeaderMap = {};
  for (const name in source) {
    if (HOP_BY_HOP.has(name) || named?.has(name) || name === options.strip) continue;
    const value = source[name];
    if (value !== undefined) out[name] = value;
  }
  const address = req.socket.remoteAddress ?? '';
  const prior = source['x-forwarded-for'];
  out['x-forwarded-for'] = prior ? `${prior}, ${address}` : address;
  // A proxy in front of us (TLS terminator, load balancer) already said what the client used.
  out['x-forwarded-proto'] ??= (req.socket as TLSSocket).encrypted ? 'https' : 'http';
  if (source.host) out['x-forwarded-host'] ??= source.host;
  if (options.bufferedLength != null) out['content-length'] = String(options.bufferedLength);
  if (options.upgrade) {
    out.connection = 'Upgrade';
    if (source.upgrade) out.upgrade = source.upgrade;
  }
  return out;
}

/** Response headers minus hop-by-hop ones; Node re-frames the body for the client. */
export function toResponseHeaders(
  headers: IncomingHttpHeaders | Record<string, string | string[] | undefined>,
): HeaderMap {
  const named = connectionNamed(headers as IncomingHttpHeaders);
  const out: HeaderMap = {};
  for (const name in headers) {
    if (HOP_BY_HOP.has(name) || named?.has(name)) continue;
    const value = headers[name];
    if (value !== undefined) out[name] = value;
  }
  return out;
}

/** Does the request carry a body (RFC 9112 §6.3: Transfer-Encoding or non-zero Content-Length)? */
export function hasBody(req: IncomingMessage): boolean {
  const length = req.headers['content-length'];
  return req.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0');
}
