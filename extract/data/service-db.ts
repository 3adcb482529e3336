/**
 * `createServiceDatabase(file, schema)`: a new SQLite file with the owned tables and their
 * indexes, in WAL mode like the monolith. Tables that already exist are left alone, so the call
 * is safe to repeat.
 */
import Database from 'better-sqlite3';
import { type DroppedReference, dropForeignKeysOutside } from './foreign-keys.ts';
import { tableExists } from './sql.ts';
import type { TableSchema } from './types.ts';

export interface CreatedDatabase {
  created: string[];
  /** Foreign keys to tables outside the service, removed from the copied DDL. */
  droppedReferences: DroppedReference[];
}

export function createServiceDatabase(file: string, schema: readonly TableSchema[]): CreatedDatabase {
  const db = new Database(file);
  try {
    db.pragma('journal_mode = WAL');
    return createTables(db, schema);
  } finally {
    db.close();
  }
}

export function createTables(db: Database.Database, schema: readonly TableSchema[]): CreatedDatabase {
  const kept = new Set(schema.map((table) => table.name));
  const created: string[] = [];
  const droppedReferences: DroppedReference[] = [];
  db.transaction(() => {
    for (const table of schema) {
      if (tableExists(db, table.name)) continue;
      const { sql, dropped } = dropForeignKeysOutside(table.name, table.sql, kept);
      db.exec(sql);
      for (const index of table.indexes) db.exec(index);
      created.push(table.name);
      droppedReferences.push(...dropped);
    }
  })();
  return { created, droppedReferences };
}

/** The schema as one SQL file a service can apply on start (`db/schema.sql`). */
export function renderSchemaSql(schema: readonly TableSchema[]): string {
  const kept = new Set(schema.map((table) => table.name));
  const parts = schema.map((table) => {
    const { sql, dropped } = dropForeignKeysOutside(table.name, table.sql, kept);
    const note =
      dropped.length > 0
        ? `-- references to ${dropped.map((entry) => entry.references).join(', ')} removed: another service owns them\n`
        : '';
    const ddl = sql.replace(/^CREATE TABLE\s+(?!IF NOT EXISTS)/i, 'CREATE TABLE IF NOT EXISTS ');
    const indexes = table.indexes.map(
      (index) =>
        `${index.replace(/^CREATE\s+(UNIQUE\s+)?INDEX\s+(?!IF NOT EXISTS)/i, 'CREATE $1INDEX IF NOT EXISTS ')};`,
    );
    return [`${note}${ddl};`, ...indexes].join('\n');
  });
  return `-- Tables this service owns, copied from the monolith by strangler extract.\n\n${parts.join('\n\n')}\n`;
}
