/** Small SQL text helpers shared by capture, copy and apply. */
import type Database from 'better-sqlite3';

/** Quotes an identifier for SQLite: `"name"`, inner quotes doubled. */
export function quoteId(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/** Quotes a text literal: `'text'`, inner quotes doubled. */
export function quoteText(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}

/** A JSON path to one key, quoted so any column name works: `$."name"`. */
export function jsonPath(key: string): string {
  return quoteText(`$."${key.replaceAll('"', '\\"')}"`);
}

export interface TableShape {
  /** Stored columns in table order (generated and hidden columns cannot be written). */
  columns: string[];
  /** Primary-key columns in key order; `['rowid']` for a table without a declared key. */
  key: string[];
}

export function tableExists(db: Database.Database, table: string): boolean {
  return db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(table) !== undefined;
}

export function getTableShape(db: Database.Database, table: string): TableShape {
  const info = db.prepare(`PRAGMA table_xinfo(${quoteId(table)})`).all() as Array<{
    name: string;
    pk: number;
    hidden: number;
  }>;
  const stored = info.filter((column) => column.hidden === 0);
  const key = stored
    .filter((column) => column.pk > 0)
    .sort((a, b) => a.pk - b.pk)
    .map((column) => column.name);
  const columns = stored.map((column) => column.name);
  // Without a declared key the rowid identifies the row; it travels as an extra column.
  return key.length > 0 ? { columns, key } : { columns: [...columns, 'rowid'], key: ['rowid'] };
}
