import { randomBytes } from 'node:crypto';
import type { Migration } from './migration.ts';

/**
 * Client sessions seen by the proxy (issue "traffic signal"): which routes one session hit,
 * for `strangler analyze --traffic`. A session is stored under a keyed hash of its key (HMAC
 * with this database's own random salt), never the key itself; the salt is made here, once.
 */
export const trafficSessions: Migration = {
  version: 3,
  name: 'traffic-sessions',
  sql: (db) => {
    db.exec(`
      CREATE TABLE traffic_sessions (
        id         INTEGER PRIMARY KEY AUTOINCREMENT,   -- newest last; pruning keeps the highest ids
        session    TEXT NOT NULL,                       -- HMAC-SHA256(meta.session_salt, key), hex
        started_at TEXT NOT NULL,
        ended_at   TEXT NOT NULL,
        requests   INTEGER NOT NULL,
        routes     TEXT NOT NULL                        -- JSON array of route keys, sorted
      );
    `);
    db.prepare('INSERT INTO meta (key, value) VALUES (?, ?)').run(
      'session_salt',
      randomBytes(32).toString('hex'),
    );
  },
};
