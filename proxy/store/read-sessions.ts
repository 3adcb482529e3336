/**
 * The read side of `traffic_sessions`, for `strangler analyze --traffic FILE`. Opens the
 * proxy's database read-only (it may be serving: WAL lets us read beside it) and never
 * migrates it. A file that is missing, is not SQLite, or is SQLite without the proxy's
 * tables fails with its own code; a proxy database from before session recording, or one
 * that recorded nothing yet, simply has no sessions (the caller warns).
 */
import { existsSync } from 'node:fs';
import Database from 'better-sqlite3';
import { StranglerError } from '../../errors/index.ts';
import { PROXY_STORE_ERRORS } from './errors.ts';

export interface StoredSession {
  startedAt: string;
  endedAt: string;
  requests: number;
  /** Route keys, sorted: `GET /api/orders/:id`. */
  routes: string[];
}

export interface SessionsRead {
  /** Oldest first. */
  sessions: StoredSession[];
  /** False when the database predates session recording (schema below version 3). */
  recordsSessions: boolean;
}

export function readRecordedSessions(file: string): SessionsRead {
  if (!existsSync(file)) {
    throw new StranglerError(
      PROXY_STORE_ERRORS.PROXY_STORE_TRAFFIC_NOT_FOUND,
      `Traffic file not found: ${file}`,
      {
        details: { file },
      },
    );
  }
  const notProxy = (cause?: unknown) =>
    new StranglerError(
      PROXY_STORE_ERRORS.PROXY_STORE_NOT_A_PROXY_DB,
      `${file} is not a strangler proxy database`,
      { details: { file }, ...(cause === undefined ? {} : { cause }) },
    );
  let db: Database.Database;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
  } catch (cause) {
    throw notProxy(cause);
  }
  try {
    let tables: Set<string>;
    try {
      tables = new Set(
        db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[],
      );
    } catch (cause) {
      // SQLITE_NOTADB: any other file passed by mistake.
      throw notProxy(cause);
    }
    if (!tables.has('meta') || !tables.has('routes')) throw notProxy();
    if (!tables.has('traffic_sessions')) return { sessions: [], recordsSessions: false };
    const rows = db
      .prepare(
        'SELECT started_at AS startedAt, ended_at AS endedAt, requests, routes FROM traffic_sessions ORDER BY id',
      )
      .all() as Array<Omit<StoredSession, 'routes'> & { routes: string }>;
    return {
      sessions: rows.map((row) => ({ ...row, routes: JSON.parse(row.routes) as string[] })),
      recordsSessions: true,
    };
  } finally {
    db.close();
  }
}
