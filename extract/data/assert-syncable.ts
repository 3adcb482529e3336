/** What must hold before a sync applies anything; each failure is a typed error with a hint. */
import type Database from 'better-sqlite3';
import { StranglerError } from '../../errors/index.ts';
import { getCapturedTables, getSourceId } from './capture.ts';
import { assertCompatible } from './compatible.ts';
import { DATA_ERRORS } from './errors.ts';
import { listSyncSources, readSyncState } from './state.ts';

/** Source captured, target initialized from this very source, tables as chosen, columns fit. */
export function assertSyncable(
  from: Database.Database,
  to: Database.Database,
  requested: readonly string[] | undefined,
): { sourceId: string; tables: string[] } {
  const sourceId = getSourceId(from);
  const captured = getCapturedTables(from);
  if (sourceId === null || captured.size === 0) {
    throw new StranglerError(
      DATA_ERRORS.DATA_NOT_CAPTURED,
      'The source database has no change capture installed.',
    );
  }
  const state = readSyncState(to, sourceId);
  if (!state) {
    const others = listSyncSources(to);
    if (others.length > 0) {
      throw new StranglerError(
        DATA_ERRORS.DATA_SOURCE_CHANGED,
        'The target was copied from another source database (or this one was re-created since).',
        { details: { sourceId, targetSources: others } },
      );
    }
    throw new StranglerError(
      DATA_ERRORS.DATA_NOT_INITIALIZED,
      'The target has not been copied from this source yet.',
      {
        details: { sourceId },
      },
    );
  }
  if (requested && [...requested].sort().join(',') !== [...state.tables].sort().join(',')) {
    throw new StranglerError(
      DATA_ERRORS.DATA_TABLES_CHANGED,
      `--tables ${requested.join(',')} differs from the tables copied at --init (${state.tables.join(',')}).`,
      { details: { requested, initialized: state.tables } },
    );
  }
  const uncaptured = state.tables.filter((table) => !captured.has(table));
  if (uncaptured.length > 0) {
    throw new StranglerError(
      DATA_ERRORS.DATA_NOT_CAPTURED,
      `Capture is not installed on ${uncaptured.join(', ')} in the source.`,
      {
        details: { tables: uncaptured },
      },
    );
  }
  for (const table of state.tables) assertCompatible(from, to, table, captured.get(table));
  return { sourceId, tables: state.tables };
}
