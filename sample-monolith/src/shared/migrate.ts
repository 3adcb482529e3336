import { readdirSync, readFileSync } from 'node:fs';
import type { Db } from './db.ts';
import { logger } from './logger.ts';

const MIGRATIONS_DIR = new URL('../../db/migrations/', import.meta.url);
const SEED_FILE = new URL('../../db/seed.sql', import.meta.url);

/** Applies pending migrations in file-name order; each one in its own transaction. */
export function migrate(db: Db): string[] {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    name       TEXT PRIMARY KEY,
    applied_at TEXT NOT NULL
  )`);
  const applied = new Set(db.prepare('SELECT name FROM schema_migrations').pluck().all() as string[]);
  const pending = readdirSync(MIGRATIONS_DIR)
    .filter((name) => name.endsWith('.sql') && !applied.has(name))
    .sort();
  const record = db.prepare('INSERT INTO schema_migrations (name, applied_at) VALUES (?, ?)');
  for (const name of pending) {
    const sql = readFileSync(new URL(name, MIGRATIONS_DIR), 'utf8');
    db.transaction(() => {
      db.exec(sql);
      record.run(name, new Date().toISOString());
    })();
    logger.info('migration applied', { name });
  }
  return pending;
}

/** Loads the fixed demo data into an empty database. Same rows on every machine. */
export function seedIfEmpty(db: Db): boolean {
  const users = db.prepare('SELECT COUNT(*) FROM users').pluck().get() as number;
  if (users > 0) return false;
  db.transaction(() => db.exec(readFileSync(SEED_FILE, 'utf8')))();
  logger.info('database seeded');
  return true;
}

export function prepareDatabase(db: Db): void {
  migrate(db);
  seedIfEmpty(db);
}
