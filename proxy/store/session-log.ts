/**
 * The write side of `traffic_sessions`: finished sessions arrive in batches from
 * proxy/sessions (never one write per request); each batch is one transaction that also
 * prunes the table to the newest `keep` sessions, so the file stays bounded however long
 * the proxy runs. Session keys reach this file already hashed.
 */
import { openDatabase, type SqliteDatabase } from './open-database.ts';

/** One finished session, as stored. */
export interface RecordedSession {
  /** Keyed hash of the session key (hex), never the key. */
  session: string;
  startedAt: string;
  endedAt: string;
  requests: number;
  /** Route keys (`GET /api/orders/:id`) the session hit, each once. */
  routes: string[];
}

export interface SessionLog {
  /** This database's HMAC key for session keys: hashes agree across restarts, not across databases. */
  readonly salt: Buffer;
  record(sessions: readonly RecordedSession[]): void;
  close(): void;
}

export function openSessionLog(file: string, options: { keep: number }): SessionLog {
  const db = openDatabase(file);
  try {
    return createSessionLog(db, options, () => db.close());
  } catch (error) {
    db.close();
    throw error;
  }
}

export function createSessionLog(
  db: SqliteDatabase,
  options: { keep: number },
  close: () => void = () => {},
): SessionLog {
  const saltHex = db.prepare("SELECT value FROM meta WHERE key = 'session_salt'").pluck().get() as string;
  const insert = db.prepare(
    `INSERT INTO traffic_sessions (session, started_at, ended_at, requests, routes)
     VALUES (@session, @startedAt, @endedAt, @requests, @routes)`,
  );
  const prune = db.prepare(
    'DELETE FROM traffic_sessions WHERE id <= (SELECT MAX(id) FROM traffic_sessions) - ?',
  );
  const record = db.transaction((sessions: readonly RecordedSession[]) => {
    for (const s of sessions) insert.run({ ...s, routes: JSON.stringify([...s.routes].sort()) });
    prune.run(options.keep);
  });
  return {
    salt: Buffer.from(saltHex, 'hex'),
    record(sessions) {
      if (sessions.length > 0) record(sessions);
    },
    close,
  };
}
