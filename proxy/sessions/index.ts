/**
 * Session recording for `strangler analyze --traffic`: which routes each client session hit.
 *
 *   request ─► session key? ─no─► (nothing)
 *                 │yes
 *                 ▼
 *          the route the request path matched ─ none / catch-all ─► (nothing)
 *                 │ route key
 *                 ▼
 *          session table (memory, bounded) ──every flushIntervalMs: idle ones finish──►
 *          HMAC(salt, key) ─► one transaction into traffic_sessions, pruned to `keep`
 *
 * Observing costs a header read and a map lookup (the route comes from the request path's
 * own match); nothing on the request path touches SQLite or hashes. Sessions still open at shutdown are written by `close()`.
 */
import { createHmac } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Logger } from 'pino';
import type { Metric } from 'prom-client';
import type { SessionsConfig } from '../config/schema.ts';
import type { Route } from '../model.ts';
import { openSessionLog, type RecordedSession, type SessionLog } from '../store/session-log.ts';
import { toSessionPromMetrics } from './metrics.ts';
import { createSessionKeyReader } from './session-key.ts';
import { createSessionTable, type FinishedSession } from './session-table.ts';

/** Longer keys are not recorded (a JWT with many claims is 1-2 KB). */
export const MAX_KEY_LENGTH = 4096;

export interface SessionRecorder {
  /** Call once per request with the route it matched (the pipeline's `onRouted`); never throws. */
  observe(req: IncomingMessage, route: Route | null): void;
  /** Finishes idle sessions and writes what finished (the timer does this too). */
  flush(): void;
  /** Finishes every open session, writes them and closes the database connection. */
  close(): void;
  readonly active: number;
  /** For the proxy's Prometheus registry: active, written, dropped, write failures. */
  readonly metrics: Metric[];
}

export function createSessionRecorder(options: {
  settings: SessionsConfig;
  dbFile: string;
  logger: Logger;
  now?: () => number;
  /** For tests over a database opened elsewhere. */
  log?: SessionLog;
}): SessionRecorder {
  const { settings, logger } = options;
  const log = options.log ?? openSessionLog(options.dbFile, { keep: settings.keep });
  const readKey = createSessionKeyReader(settings.key);
  const table = createSessionTable({
    idleMs: settings.idleSeconds * 1000,
    maxActive: settings.maxActive,
    ...(options.now ? { now: options.now } : {}),
  });
  const toRecorded = (s: FinishedSession): RecordedSession => ({
    session: createHmac('sha256', log.salt).update(s.key).digest('hex'),
    startedAt: new Date(s.startedAt).toISOString(),
    endedAt: new Date(s.endedAt).toISOString(),
    requests: s.requests,
    routes: s.routes,
  });
  /** Hashed sessions a failed write left behind; retried with the next batch, bounded. */
  let pending: RecordedSession[] = [];
  let written = 0;
  let overflow = 0;
  let writeFailures = 0;

  function write(): void {
    const queued = [...pending, ...table.takeFinished().map(toRecorded)];
    const batch = queued.slice(-settings.maxActive);
    overflow += queued.length - batch.length;
    if (batch.length === 0) return;
    try {
      log.record(batch);
      written += batch.length;
      pending = [];
    } catch (error) {
      pending = batch;
      writeFailures++;
      logger.error({ err: error, sessions: batch.length }, 'writing finished sessions failed; will retry');
    }
  }

  const timer = setInterval(() => {
    table.sweep();
    write();
  }, settings.flushIntervalMs);
  timer.unref();

  return {
    observe(req, route) {
      // A catch-all route (`/*`) says nothing about which endpoint was used.
      if (route === null || route.path === '/*') return;
      const key = readKey(req);
      // Keys are held raw while the session is open: a cap keeps memory at maxActive × 4 KB.
      if (key === null || key.length > MAX_KEY_LENGTH) return;
      table.observe(key, route.key);
    },
    flush() {
      table.sweep();
      write();
    },
    close() {
      clearInterval(timer);
      table.sweep(true);
      write();
      if (table.dropped + overflow > 0)
        logger.warn({ dropped: table.dropped + overflow }, 'finished sessions were dropped');
      log.close();
    },
    get active() {
      return table.active;
    },
    metrics: toSessionPromMetrics(() => ({
      active: table.active,
      written,
      dropped: table.dropped + overflow,
      writeFailures,
    })),
  };
}
