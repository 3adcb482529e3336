/**
 * The sessions in progress, in memory. Observing a request is one map lookup plus a set
 * insert; finishing (idle timeout, capacity, shutdown) moves a session to a queue that the
 * writer drains in batches. Every structure is bounded: `maxActive` sessions, `maxRoutes`
 * distinct routes each, and a finished queue of at most `maxActive` (the oldest finished
 * sessions are dropped, and counted, if the database cannot keep up).
 *
 * Keys are held raw here, in memory only (the proxy sees them on every request anyway);
 * they are hashed when written, so hashing is off the request path too.
 */

export interface ActiveSession {
  routes: Set<string>;
  requests: number;
  startedAt: number;
  lastAt: number;
}

export interface FinishedSession {
  key: string;
  startedAt: number;
  endedAt: number;
  requests: number;
  routes: string[];
}

export interface SessionTableOptions {
  idleMs: number;
  maxActive: number;
  /** Distinct routes recorded per session; a crawler's session stops growing here. */
  maxRoutes?: number;
  now?: () => number;
}

export interface SessionTable {
  observe(key: string, routeKey: string): void;
  /** Finishes sessions idle for `idleMs`, or all of them (`all`, on shutdown). */
  sweep(all?: boolean): void;
  /** Takes the finished sessions queued so far, oldest first. */
  takeFinished(): FinishedSession[];
  readonly active: number;
  /** Finished sessions dropped because the queue was full (the writer was failing). */
  readonly dropped: number;
}

export const DEFAULT_MAX_ROUTES = 256;

export function createSessionTable(options: SessionTableOptions): SessionTable {
  const now = options.now ?? Date.now;
  const maxRoutes = options.maxRoutes ?? DEFAULT_MAX_ROUTES;
  const active = new Map<string, ActiveSession>();
  let finished: FinishedSession[] = [];
  let dropped = 0;

  const finish = (key: string, session: ActiveSession) => {
    active.delete(key);
    if (finished.length >= options.maxActive) {
      finished.shift();
      dropped++;
    }
    finished.push({
      key,
      startedAt: session.startedAt,
      endedAt: session.lastAt,
      requests: session.requests,
      routes: [...session.routes],
    });
  };

  return {
    observe(key, routeKey) {
      const at = now();
      const session = active.get(key);
      if (session) {
        session.lastAt = at;
        session.requests++;
        if (session.routes.size < maxRoutes) session.routes.add(routeKey);
        return;
      }
      if (active.size >= options.maxActive) {
        // Maps iterate in insertion order: the first entry is the session that started first.
        const [oldestKey, oldest] = active.entries().next().value!;
        finish(oldestKey, oldest);
      }
      active.set(key, { routes: new Set([routeKey]), requests: 1, startedAt: at, lastAt: at });
    },
    sweep(all = false) {
      const cutoff = now() - options.idleMs;
      for (const [key, session] of active) {
        if (all || session.lastAt <= cutoff) finish(key, session);
      }
    },
    takeFinished() {
      const batch = finished;
      finished = [];
      return batch;
    },
    get active() {
      return active.size;
    },
    get dropped() {
      return dropped;
    },
  };
}
