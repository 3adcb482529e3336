/**
 * Written by hand: a one-off copy of the owned tables from the monolith's database, for a
 * fresh service database (tests, first start). `strangler sync` keeps it current afterwards.
 */
import { openDatabase } from '../lib/db.ts';
import { ensureSchema, OWNED_TABLES } from './schema.ts';

export function copyFromMonolith(monolithFile: string, serviceFile: string): Record<string, number> {
  const db = openDatabase(serviceFile);
  try {
    ensureSchema(db);
    db.prepare('ATTACH DATABASE ? AS monolith').run(monolithFile);
    const copied: Record<string, number> = {};
    db.transaction(() => {
      for (const table of OWNED_TABLES) {
        const columns = (db.prepare(`PRAGMA main.table_info(${table})`).all() as Array<{ name: string }>)
          .map((column) => column.name)
          .join(', ');
        db.exec(`DELETE FROM main.${table}`);
        copied[table] = db
          .prepare(`INSERT INTO main.${table} (${columns}) SELECT ${columns} FROM monolith.${table}`)
          .run().changes;
      }
    })();
    db.exec('DETACH DATABASE monolith');
    return copied;
  } finally {
    db.close();
  }
}
