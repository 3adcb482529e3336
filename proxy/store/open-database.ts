/**
 * Opens the SQLite file in WAL mode and brings its schema up to date. WAL lets readers
 * (exports, `--db` tools) run while the proxy writes, and a committed change survives a crash.
 */
import Database from 'better-sqlite3';
import { StranglerError } from '../../errors/index.ts';
import { PROXY_STORE_ERRORS } from './errors.ts';
import { MIGRATIONS, type Migration } from './migrations/index.ts';

export type SqliteDatabase = Database.Database;

export function openDatabase(file: string, migrations: readonly Migration[] = MIGRATIONS): SqliteDatabase {
  let db: SqliteDatabase;
  try {
    db = new Database(file);
    db.pragma('journal_mode = WAL');
    // FULL: a change acknowledged with 200 is on disk even if the machine loses power.
    db.pragma('synchronous = FULL');
    db.pragma('busy_timeout = 5000');
    db.pragma('foreign_keys = ON');
  } catch (error) {
    throw new StranglerError(PROXY_STORE_ERRORS.PROXY_STORE_OPEN, `Cannot open the route database ${file}`, {
      cause: error,
      details: { file },
    });
  }
  try {
    migrate(db, migrations, file);
  } catch (error) {
    db.close();
    throw error;
  }
  return db;
}

/** Applies each migration newer than `PRAGMA user_version`, each in its own transaction. */
export function migrate(db: SqliteDatabase, migrations: readonly Migration[], file = 'database'): number {
  const current = db.pragma('user_version', { simple: true }) as number;
  const latest = migrations.at(-1)?.version ?? 0;
  if (current > latest) {
    throw new StranglerError(
      PROXY_STORE_ERRORS.PROXY_STORE_TOO_NEW,
      `${file} is at schema version ${current}; this strangler knows up to ${latest}.`,
      { details: { file, current, latest } },
    );
  }
  migrations.forEach((migration, index) => {
    if (migration.version !== index + 1) {
      throw new Error(`Migration ${migration.name} has version ${migration.version}, expected ${index + 1}`);
    }
    if (migration.version <= current) return;
    db.transaction(() => {
      if (typeof migration.sql === 'string') db.exec(migration.sql);
      else migration.sql(db);
      db.pragma(`user_version = ${migration.version}`);
    })();
  });
  return latest;
}
