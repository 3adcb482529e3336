/**
 * Written by hand: the service's database. It owns categories, products, reviews and review
 * votes, and keeps read models of what its queries join (stock levels, orders, order items,
 * users without their password hashes) until those owners offer an API. The schema is the
 * monolith's, read from its file, without foreign keys to tables that are not here.
 * `strangler sync` keeps the copy current while the monolith still writes.
 */
import { openDatabase } from '../lib/db.ts';

export const OWNED_TABLES = ['categories', 'products', 'reviews', 'review_votes'] as const;
export const READ_MODELS = ['stock_levels', 'orders', 'order_items', 'users'] as const;

export function copyFromMonolith(monolithFile: string, serviceFile: string): Record<string, number> {
  const db = openDatabase(serviceFile);
  try {
    db.pragma('foreign_keys = OFF');
    db.prepare('ATTACH DATABASE ? AS monolith').run(monolithFile);
    const copied: Record<string, number> = {};
    db.transaction(() => {
      for (const table of [...OWNED_TABLES, ...READ_MODELS]) {
        const ddl = db
          .prepare("SELECT sql FROM monolith.sqlite_master WHERE type = 'table' AND name = ?")
          .pluck()
          .get(table) as string;
        db.exec(`DROP TABLE IF EXISTS main.${table}`);
        db.exec(
          ddl.replace(
            /REFERENCES\s+\w+\s*\([^)]*\)(\s+ON\s+(DELETE|UPDATE)\s+(CASCADE|SET NULL|RESTRICT|NO ACTION))*/gi,
            '',
          ),
        );
        copied[table] = db.prepare(`INSERT INTO main.${table} SELECT * FROM monolith.${table}`).run().changes;
      }
      db.exec("UPDATE main.users SET password_hash = ''");
      const indexes = db
        .prepare(
          `SELECT sql FROM monolith.sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN (${[...OWNED_TABLES, ...READ_MODELS].map(() => '?').join(', ')})`,
        )
        .pluck()
        .all(...OWNED_TABLES, ...READ_MODELS) as string[];
      for (const sql of indexes)
        db.exec(sql.replace(/^CREATE (UNIQUE )?INDEX /i, 'CREATE $1INDEX IF NOT EXISTS '));
    })();
    db.exec('DETACH DATABASE monolith');
    return copied;
  } finally {
    db.close();
  }
}
