/**
 * The embedded strangler: `app.use(strangler({ table }))` mounted first in the monolith's
 * own Express app. Routes whose decision is `service` (or a canary's service share) are
 * forwarded from inside the monolith with http-proxy-middleware; everything else calls
 * `next()` and the monolith serves it as before, so there is no new hop for the rest.
 * Same table, same matcher, same normalisation and fallback rules as the standalone proxy.
 *
 * Mount it before any body parser: forwarded bodies must still be unread. A fallback is
 * `next()`, which works for requests without a body; a failed request with a body cannot be
 * handed back to the monolith's parsers (its bytes were already read), so it gets 502/504.
 * Shadow routes are served by the monolith; mirroring them needs the standalone proxy.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { type Logger, pino } from 'pino';
import type { StickyKey } from './config/schema.ts';
import { createBreakers } from './forward/circuit-breaker.ts';
import type { ForwardEngine } from './forward/engine.ts';
import { toOutboundHeaders } from './forward/headers.ts';
import { createHpmEngine } from './forward/hpm-engine.ts';
import type { RouteTable } from './model.ts';
import { sendProxyError } from './pipeline/respond.ts';
import { createServiceForwarder } from './pipeline/serve-from-service.ts';
import { createRouter } from './routing/create-router.ts';
import { normaliseTarget } from './routing/normalise-path.ts';
import type { OverrideConfig } from './routing/request-keys.ts';
import { createProxyStats, type ProxyStats } from './stats/create-stats.ts';

export interface StranglerMiddlewareOptions {
  /** A fixed table, or `getTable` to follow changes (read once per request). */
  table?: RouteTable;
  getTable?: () => RouteTable;
  canary?: { key: StickyKey };
  override?: OverrideConfig;
  forward?: { timeoutMs?: number; servedByHeader?: string | false };
  breaker?: { failures?: number; openSeconds?: number };
  stats?: ProxyStats;
  logger?: Logger;
  /** Defaults to http-proxy-middleware, one instance per service. */
  engine?: ForwardEngine;
}

export interface StranglerMiddleware {
  (req: IncomingMessage, res: ServerResponse, next: (error?: unknown) => void): void;
  /** Hand WebSocket upgrades for moved routes to the service; returns false for the monolith's own. */
  upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): boolean;
  readonly stats: ProxyStats;
  close(): Promise<void>;
}

export function strangler(options: StranglerMiddlewareOptions): StranglerMiddleware {
  const fixed = options.table;
  const getTable = options.getTable ?? (() => fixed!);
  if (!options.getTable && !fixed) throw new TypeError('strangler(): pass `table` or `getTable`.');
  const stats = options.stats ?? createProxyStats();
  const logger = options.logger ?? pino({ level: 'silent' });
  const engine = options.engine ?? createHpmEngine();
  const servedByHeader = options.forward?.servedByHeader ?? 'x-strangler-served-by';
  const strip = options.override?.header.toLowerCase() ?? null;
  const route = createRouter({
    canary: options.canary ?? { key: 'client-address' },
    override: options.override,
  });
  const breakers = createBreakers({
    failures: options.breaker?.failures ?? 5,
    openSeconds: options.breaker?.openSeconds ?? 30,
    onChange(service, from, to) {
      stats.recordBreaker(service, to);
      logger.warn({ service, from, to }, `circuit breaker for ${service}: ${from} → ${to}`);
    },
  });
  const toService = createServiceForwarder({
    engine,
    breakers,
    stats,
    logger,
    retryBodyBytes: 1024 * 1024,
    timeoutMs: options.forward?.timeoutMs ?? 30_000,
    strip,
    servedByHeader,
  });

  const decide = (req: IncomingMessage) => {
    // Express rewrites req.url under a mount path; originalUrl is what the client asked for.
    const target = normaliseTarget((req as { originalUrl?: string }).originalUrl ?? req.url ?? '/');
    if (!target.ok) return null;
    const decision = route(getTable(), req, target.path);
    if (decision.destination !== 'service') return null;
    if (!breakers.allow(decision.target.name)) {
      stats.recordFallback(decision.route?.id ?? '(unmatched)', decision.target.name, 'breaker-open');
      return null;
    }
    return { decision, path: target.path + target.query };
  };

  const middleware = ((req, res, next) => {
    const started = performance.now();
    const chosen = decide(req);
    if (!chosen) return next();
    toService(req, res, chosen.decision, chosen.path, started, (replay, reason) => {
      if (replay === null || replay.length === 0) return next();
      sendProxyError(res, reason === 'timeout' ? 504 : 502, `service ${reason}`, servedByHeader);
    }).catch((error: unknown) => {
      logger.error({ err: error, url: req.url }, 'embedded strangler failed');
      sendProxyError(res, 502, 'proxy error', servedByHeader);
    });
  }) as StranglerMiddleware;
  middleware.upgrade = (req, socket, head) => {
    const chosen = decide(req);
    if (!chosen) return false;
    engine.upgrade({
      req,
      socket,
      head,
      upstream: chosen.decision.target,
      path: chosen.path,
      headers: toOutboundHeaders(req, { strip, upgrade: true }),
      onUnreachable: () =>
        socket.end('HTTP/1.1 502 Bad Gateway\r\nConnection: close\r\nContent-Length: 0\r\n\r\n'),
    });
    return true;
  };
  Object.defineProperty(middleware, 'stats', { value: stats });
  middleware.close = () => engine.close();
  return middleware;
}
