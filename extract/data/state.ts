/**
 * The target's side of a sync: its watermark per source (`strangler_sync_state`) and the log of
 * applied changes (`strangler_applied`). Both are written in the same transaction as the rows
 * they describe, so after a crash the target is at a batch boundary and knows exactly which.
 */
import type Database from 'better-sqlite3';
import { tableExists } from './sql.ts';

const STATE_TABLES = [
  `CREATE TABLE IF NOT EXISTS strangler_sync_state (
    source_id      TEXT PRIMARY KEY,
    tables         TEXT NOT NULL,
    last_change_id INTEGER NOT NULL,
    applied_count  INTEGER NOT NULL DEFAULT 0,
    initialized_at TEXT NOT NULL,
    updated_at     TEXT NOT NULL
  )`,
  `CREATE TABLE IF NOT EXISTS strangler_applied (
    seq        INTEGER PRIMARY KEY AUTOINCREMENT,
    source_id  TEXT NOT NULL,
    change_id  INTEGER NOT NULL,
    table_name TEXT NOT NULL,
    op         TEXT NOT NULL,
    applied_at TEXT NOT NULL
  )`,
];

export interface SyncState {
  sourceId: string;
  tables: string[];
  lastChangeId: number;
  appliedCount: number;
}

export function ensureStateTables(db: Database.Database): void {
  for (const sql of STATE_TABLES) db.exec(sql);
}

export function readSyncState(db: Database.Database, sourceId: string): SyncState | null {
  if (!tableExists(db, 'strangler_sync_state')) return null;
  const row = db
    .prepare(
      'SELECT tables, last_change_id AS lastChangeId, applied_count AS appliedCount FROM strangler_sync_state WHERE source_id = ?',
    )
    .get(sourceId) as { tables: string; lastChangeId: number; appliedCount: number } | undefined;
  return row
    ? {
        sourceId,
        tables: JSON.parse(row.tables) as string[],
        lastChangeId: row.lastChangeId,
        appliedCount: row.appliedCount,
      }
    : null;
}

/** Every source this target has been copied from (normally one). */
export function listSyncSources(db: Database.Database): string[] {
  if (!tableExists(db, 'strangler_sync_state')) return [];
  return db.prepare('SELECT source_id FROM strangler_sync_state').pluck().all() as string[];
}

export function writeInitialState(
  db: Database.Database,
  sourceId: string,
  tables: readonly string[],
  lastChangeId: number,
): void {
  const now = new Date().toISOString();
  db.prepare(
    `INSERT INTO strangler_sync_state (source_id, tables, last_change_id, applied_count, initialized_at, updated_at)
     VALUES (?, ?, ?, 0, ?, ?)
     ON CONFLICT (source_id) DO UPDATE SET tables = excluded.tables, last_change_id = excluded.last_change_id,
       applied_count = 0, initialized_at = excluded.initialized_at, updated_at = excluded.updated_at`,
  ).run(sourceId, JSON.stringify(tables), lastChangeId, now, now);
}

/**
 * While a sync writes into a database that itself has capture installed, its triggers must not
 * record those rows (see capture.ts). The flag is only ever 1 inside our own transaction.
 */
export function setApplying(db: Database.Database, applying: boolean): void {
  if (tableExists(db, 'strangler_apply_guard'))
    db.prepare('UPDATE strangler_apply_guard SET applying = ?').run(applying ? 1 : 0);
}
