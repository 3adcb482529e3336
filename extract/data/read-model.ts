/**
 * After cut-over the service owns the writes and a reverse sync keeps a copy of its tables in
 * the monolith database for the monolith's remaining readers (reports). `protectReadModel` makes
 * that copy read-only: BEFORE triggers abort any write that does not come from a sync (which
 * sets the apply guard inside its own transaction, see capture.ts). A monolith code path that
 * still writes the table then fails loudly instead of drifting apart from the owner.
 */
import type Database from 'better-sqlite3';
import { quoteId, quoteText } from './sql.ts';

export function protectReadModel(db: Database.Database, tables: readonly string[], owner: string): void {
  db.transaction(() => {
    db.exec('CREATE TABLE IF NOT EXISTS strangler_apply_guard (applying INTEGER NOT NULL)');
    db.exec(
      'INSERT INTO strangler_apply_guard (applying) SELECT 0 WHERE NOT EXISTS (SELECT 1 FROM strangler_apply_guard)',
    );
    for (const table of tables) {
      const message = quoteText(`${table} is a read-only copy: ${owner} owns it now; write through its API`);
      for (const op of ['insert', 'update', 'delete']) {
        const name = quoteId(`strangler_read_only_${table}_${op}`);
        db.exec(`DROP TRIGGER IF EXISTS ${name}`);
        db.exec(`CREATE TRIGGER ${name} BEFORE ${op.toUpperCase()} ON ${quoteId(table)}
WHEN coalesce((SELECT applying FROM strangler_apply_guard), 0) = 0
BEGIN SELECT RAISE(ABORT, ${message}); END`);
      }
    }
  })();
}

/** Lifts the protection (rollback of a cut-over: the monolith takes the writes back). */
export function unprotectReadModel(db: Database.Database, tables: readonly string[]): void {
  db.transaction(() => {
    for (const table of tables) {
      for (const op of ['insert', 'update', 'delete'])
        db.exec(`DROP TRIGGER IF EXISTS ${quoteId(`strangler_read_only_${table}_${op}`)}`);
    }
  })();
}
