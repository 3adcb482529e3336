/**
 * `copyTables(from, to, tables)`: the copy step. Installs capture on the source first, then
 * reads every row and the newest change id in ONE read transaction (one snapshot), and writes
 * them with the target's watermark in ONE write transaction. A change committed after the
 * snapshot has a larger id and is applied by the next sync; one committed before is in the
 * copy. Nothing is lost or applied twice, and the monolith keeps writing during the copy.
 */
import type Database from 'better-sqlite3';
import { installChangeCapture } from './capture.ts';
import { assertCompatible } from './compatible.ts';
import type { DroppedReference } from './foreign-keys.ts';
import { readSchemaFrom } from './schema.ts';
import { createTables } from './service-db.ts';
import { getTableShape, quoteId } from './sql.ts';
import { ensureStateTables, setApplying, writeInitialState } from './state.ts';

export interface CopyResult {
  sourceId: string;
  tables: Array<{ name: string; rows: number }>;
  /** The watermark: changes up to this id are in the copy. */
  lastChangeId: number;
  created: string[];
  droppedReferences: DroppedReference[];
}

export function copyTables(
  from: Database.Database,
  to: Database.Database,
  tables: readonly string[],
): CopyResult {
  const { sourceId } = installChangeCapture(from, tables);
  // Rows arrive in table order, children maybe before parents: no foreign-key checks while copying.
  to.pragma('foreign_keys = OFF');
  const schema = readSchemaFrom(from, tables);
  const { created, droppedReferences } = createTables(to, schema.tables);
  for (const table of tables) assertCompatible(from, to, table);
  ensureStateTables(to);

  const counts: Array<{ name: string; rows: number }> = [];
  let lastChangeId = 0;
  from.exec('BEGIN');
  try {
    // The first read fixes the snapshot (WAL): the watermark and every row below come from it.
    lastChangeId =
      (from.prepare('SELECT coalesce(max(id), 0) FROM strangler_changes').pluck().get() as number) ?? 0;
    to.transaction(() => {
      setApplying(to, true);
      for (const table of tables) {
        const { columns } = getTableShape(from, table);
        const list = columns.map(quoteId).join(', ');
        const read = from
          .prepare(`SELECT ${list} FROM ${quoteId(table)}`)
          .raw(true)
          .safeIntegers(true);
        const write = to.prepare(
          `INSERT INTO ${quoteId(table)} (${list}) VALUES (${columns.map(() => '?').join(', ')})`,
        );
        to.exec(`DELETE FROM ${quoteId(table)}`);
        let rows = 0;
        for (const values of read.iterate() as Iterable<unknown[]>) {
          write.run(values);
          rows++;
        }
        counts.push({ name: table, rows });
      }
      writeInitialState(to, sourceId, tables, lastChangeId);
      setApplying(to, false);
    }).immediate();
  } finally {
    from.exec('COMMIT');
  }
  return { sourceId, tables: counts, lastChangeId, created, droppedReferences };
}
