/**
 * Change capture: AFTER INSERT/UPDATE/DELETE triggers on the captured tables write one row per
 * changed row into `strangler_changes`, inside the writer's own transaction, so a change is
 * recorded exactly when it commits and vanishes with it when it rolls back. Ids come from
 * AUTOINCREMENT: SQLite has one writer at a time, so ids grow in commit order and are never
 * reused, which is what lets a sync keep a single watermark.
 *
 * `strangler_apply_guard` holds one row (0). A sync applying changes INTO a database sets it to 1
 * inside its own transaction, so that database's triggers skip those rows: with capture in both
 * directions (forward before cut-over, reverse after) a change never echoes back.
 */
import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import { StranglerError } from '../../errors/index.ts';
import { DATA_ERRORS } from './errors.ts';
import { getTableShape, jsonPath, quoteId, quoteText, type TableShape, tableExists } from './sql.ts';

const CAPTURE_TABLES = `
CREATE TABLE IF NOT EXISTS strangler_changes (
  id         INTEGER PRIMARY KEY AUTOINCREMENT,
  table_name TEXT NOT NULL,
  op         TEXT NOT NULL CHECK (op IN ('insert', 'update', 'delete')),
  pk         TEXT NOT NULL,
  row        TEXT,
  changed_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE TABLE IF NOT EXISTS strangler_capture (
  table_name   TEXT PRIMARY KEY,
  columns      TEXT NOT NULL,
  installed_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS strangler_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS strangler_apply_guard (applying INTEGER NOT NULL);
INSERT INTO strangler_apply_guard (applying) SELECT 0 WHERE NOT EXISTS (SELECT 1 FROM strangler_apply_guard);
INSERT OR IGNORE INTO strangler_meta (key, value) VALUES ('source_id', ?);
`;

export interface CaptureInstall {
  /** Identifies this database as a change source; stored with the target's watermark. */
  sourceId: string;
  tables: string[];
}

/** Installs (or re-installs, with the current column lists) capture on `tables`. */
export function installChangeCapture(db: Database.Database, tables: readonly string[]): CaptureInstall {
  const missing = tables.filter((table) => !tableExists(db, table));
  if (missing.length > 0) {
    throw new StranglerError(
      DATA_ERRORS.DATA_TABLE_NOT_FOUND,
      `No table ${missing.join(', ')} in the source database.`,
      {
        details: { tables: missing },
      },
    );
  }
  db.transaction(() => {
    for (const statement of CAPTURE_TABLES.split(';')
      .map((part) => part.trim())
      .filter(Boolean)) {
      const prepared = db.prepare(statement);
      if (statement.includes('?')) prepared.run(randomUUID());
      else prepared.run();
    }
    const now = new Date().toISOString();
    for (const table of tables) {
      const shape = getTableShape(db, table);
      for (const op of ['insert', 'update', 'delete'] as const) {
        db.exec(`DROP TRIGGER IF EXISTS ${quoteId(triggerName(table, op))}`);
        db.exec(renderTrigger(table, op, shape));
      }
      db.prepare(
        'INSERT OR REPLACE INTO strangler_capture (table_name, columns, installed_at) VALUES (?, ?, ?)',
      ).run(table, JSON.stringify(shape.columns), now);
    }
  })();
  return { sourceId: getSourceId(db) as string, tables: [...tables] };
}

/** Tables with capture installed, and the column list each trigger records. */
export function getCapturedTables(db: Database.Database): Map<string, string[]> {
  if (!tableExists(db, 'strangler_capture')) return new Map();
  const rows = db
    .prepare('SELECT table_name AS name, columns FROM strangler_capture ORDER BY table_name')
    .all() as Array<{
    name: string;
    columns: string;
  }>;
  return new Map(rows.map((row) => [row.name, JSON.parse(row.columns) as string[]]));
}

export function getSourceId(db: Database.Database): string | null {
  if (!tableExists(db, 'strangler_meta')) return null;
  const row = db.prepare("SELECT value FROM strangler_meta WHERE key = 'source_id'").get() as
    | { value: string }
    | undefined;
  return row?.value ?? null;
}

/** Removes the triggers (the changes already captured stay until the target has them). */
export function removeChangeCapture(db: Database.Database, tables: readonly string[]): void {
  db.transaction(() => {
    for (const table of tables) {
      for (const op of ['insert', 'update', 'delete'] as const)
        db.exec(`DROP TRIGGER IF EXISTS ${quoteId(triggerName(table, op))}`);
      if (tableExists(db, 'strangler_capture'))
        db.prepare('DELETE FROM strangler_capture WHERE table_name = ?').run(table);
    }
  })();
}

function triggerName(table: string, op: string): string {
  return `strangler_capture_${table}_${op}`;
}

function renderTrigger(table: string, op: 'insert' | 'update' | 'delete', shape: TableShape): string {
  const keyFrom = op === 'insert' ? 'NEW' : 'OLD';
  const row = op === 'delete' ? 'NULL' : jsonObject('NEW', shape.columns);
  return `CREATE TRIGGER ${quoteId(triggerName(table, op))} AFTER ${op.toUpperCase()} ON ${quoteId(table)}
WHEN coalesce((SELECT applying FROM strangler_apply_guard), 0) = 0
BEGIN
  INSERT INTO strangler_changes (table_name, op, pk, row)
  VALUES (${quoteText(table)}, '${op}', ${jsonObject(keyFrom, shape.key)}, ${row});
END`;
}

/** json_object over the row's columns; BLOBs (which JSON cannot hold) travel as {"$blob": hex}. */
function jsonObject(alias: string, columns: readonly string[]): string {
  const pairs = columns.map((column) => {
    const value = `${alias}.${quoteId(column)}`;
    return `${quoteText(column)}, CASE typeof(${value}) WHEN 'blob' THEN json_object('$blob', hex(${value})) ELSE ${value} END`;
  });
  return `json_object(${pairs.join(', ')})`;
}

/** Reads a column back out of a row image, undoing the BLOB encoding; `param` names the JSON (`@row`). */
export function jsonValue(param: string, column: string): string {
  const path = jsonPath(column);
  return `CASE json_type(${param}, ${path}) WHEN 'object' THEN unhex(json_extract(${param}, ${path.slice(0, -1)}."$blob"')) ELSE json_extract(${param}, ${path}) END`;
}
