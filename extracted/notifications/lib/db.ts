import Database from 'better-sqlite3';

export type Db = Database.Database;

let shared: Db | undefined;

export function openDatabase(file: string): Db {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  return db;
}

/** Makes `db` the connection every repository uses. Called once by createApp. */
export function useDatabase(db: Db): void {
  shared = db;
}

export function db(): Db {
  if (!shared) throw new Error('Database not initialised: call useDatabase() before handling requests');
  return shared;
}

/** Runs `work` in one SQLite transaction; nested calls become savepoints. */
export function inTransaction<T>(work: () => T): T {
  return db().transaction(work)();
}

export function closeDatabase(): void {
  shared?.close();
  shared = undefined;
}
