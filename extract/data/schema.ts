/**
 * `readOwnedSchema`: the DDL of the tables a service owns, from the monolith's database file
 * (`sqlite_master`, indexes included) or, without one, by replaying the schema statements found
 * in the project's SQL and code files into an in-memory SQLite and reading that back. SQLite
 * applying the statements (ALTER TABLE ADD COLUMN included) is more faithful than parsing them.
 */
import { existsSync } from 'node:fs';
import Database from 'better-sqlite3';
import { StranglerError } from '../../errors/index.ts';
import { findSchemaStatements } from './ddl-scan.ts';
import { DATA_ERRORS } from './errors.ts';
import type { OwnedSchema, TableSchema } from './types.ts';

export interface ReadSchemaInput {
  tables: readonly string[];
  /** The monolith's SQLite file; preferred when given. */
  monolithDb?: string;
  /** The monolith's folder, searched for DDL when there is no database file. */
  root?: string;
}

export function readOwnedSchema(input: ReadSchemaInput): OwnedSchema {
  if (input.monolithDb) {
    const db = openExisting(input.monolithDb, { readonly: true });
    try {
      return { ...readSchemaFrom(db, input.tables), source: 'database', warnings: [] };
    } finally {
      db.close();
    }
  }
  if (!input.root) {
    throw new StranglerError(
      DATA_ERRORS.DATA_USAGE,
      'readOwnedSchema needs a database file or a folder to search for DDL.',
    );
  }
  const db = new Database(':memory:');
  try {
    const warnings = replay(db, findSchemaStatements(input.root));
    return { ...readSchemaFrom(db, input.tables), source: 'ddl', warnings };
  } finally {
    db.close();
  }
}

/** Tables (in the order requested) and their indexes; capture triggers are left out. */
export function readSchemaFrom(
  db: Database.Database,
  tables: readonly string[],
): { tables: TableSchema[]; missing: string[] } {
  const rows = db
    .prepare(
      "SELECT type, name, tbl_name AS tableName, sql FROM sqlite_master WHERE sql IS NOT NULL AND type IN ('table', 'index') ORDER BY rowid",
    )
    .all() as Array<{ type: string; name: string; tableName: string; sql: string }>;
  const found: TableSchema[] = [];
  const missing: string[] = [];
  for (const name of tables) {
    const table = rows.find((row) => row.type === 'table' && row.name === name);
    if (!table) {
      missing.push(name);
      continue;
    }
    const indexes = rows
      .filter((row) => row.type === 'index' && row.tableName === name)
      .map((row) => row.sql);
    found.push({ name, sql: table.sql, indexes });
  }
  return { tables: found, missing };
}

/** Applies statements in file order; ones that fail for ordering reasons get more passes. */
function replay(db: Database.Database, statements: Array<{ file: string; sql: string }>): string[] {
  let pending = statements;
  let errors = new Map<(typeof statements)[number], string>();
  for (let pass = 0; pass < 3 && pending.length > 0; pass++) {
    errors = new Map();
    for (const statement of pending) {
      try {
        db.exec(statement.sql);
      } catch (error) {
        errors.set(statement, (error as Error).message);
      }
    }
    if (errors.size === pending.length) break;
    pending = [...errors.keys()];
  }
  return [...errors].map(
    ([statement, reason]) => `${statement.file}: ${firstLine(statement.sql)} (${reason})`,
  );
}

function firstLine(sql: string): string {
  const line = sql.split('\n')[0] ?? sql;
  return line.length > 80 ? `${line.slice(0, 77)}...` : line;
}

export function openExisting(file: string, options: { readonly?: boolean } = {}): Database.Database {
  if (!existsSync(file)) {
    throw new StranglerError(DATA_ERRORS.DATA_DB_NOT_FOUND, `No SQLite database at ${file}.`, {
      details: { file },
    });
  }
  const db = new Database(file, { fileMustExist: true, readonly: options.readonly === true });
  db.pragma('busy_timeout = 5000');
  return db;
}
