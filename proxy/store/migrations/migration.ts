import type { Database } from 'better-sqlite3';

/**
 * One schema step. `version` is its position (1, 2, 3...); the database records the last
 * one applied in `PRAGMA user_version`. Never edit a shipped migration: append a new one.
 */
export interface Migration {
  version: number;
  name: string;
  /** SQL run in one transaction; or a function for steps SQL alone cannot express. */
  sql: string | ((db: Database) => void);
}
