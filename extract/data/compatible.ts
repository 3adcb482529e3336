/** Checks the target can hold what the source captures: every source column exists there. */
import type Database from 'better-sqlite3';
import { StranglerError } from '../../errors/index.ts';
import { DATA_ERRORS } from './errors.ts';
import { getTableShape, tableExists } from './sql.ts';

export function assertCompatible(
  from: Database.Database,
  to: Database.Database,
  table: string,
  captured?: readonly string[],
): void {
  if (!tableExists(to, table)) {
    throw new StranglerError(DATA_ERRORS.DATA_SCHEMA_MISMATCH, `The target has no table ${table}.`, {
      details: { table, missingColumns: ['*'] },
    });
  }
  const source = getTableShape(from, table).columns;
  const target = new Set(getTableShape(to, table).columns);
  // A column added to the source after capture was installed is not in the row images yet.
  const stale = captured ? source.filter((column) => !captured.includes(column)) : [];
  const missing = source.filter((column) => !target.has(column));
  if (missing.length > 0 || stale.length > 0) {
    const parts = [
      ...(missing.length > 0 ? [`the target's ${table} lacks ${missing.join(', ')}`] : []),
      ...(stale.length > 0 ? [`capture on ${table} predates ${stale.join(', ')}`] : []),
    ];
    throw new StranglerError(DATA_ERRORS.DATA_SCHEMA_MISMATCH, `Schema mismatch: ${parts.join('; ')}.`, {
      details: { table, missingColumns: missing, uncapturedColumns: stale },
    });
  }
}
