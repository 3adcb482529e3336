/** The file-level operations behind `strangler sync`: open both ends, --init, --hand-over. */
import path from 'node:path';
import Database from 'better-sqlite3';
import { StranglerError } from '../../errors/index.ts';
import { createChangeApplier, syncChanges } from './apply.ts';
import { type CopyResult, copyTables } from './copy.ts';
import { DATA_ERRORS } from './errors.ts';
import { protectReadModel, unprotectReadModel } from './read-model.ts';
import { openExisting } from './schema.ts';

/** Opens a sync's two ends: the source must exist; the target is created for --init. */
export function openSyncPair(
  fromFile: string,
  toFile: string,
  mode: 'init' | 'sync',
): { from: Database.Database; to: Database.Database; close(): void } {
  // --init installs triggers, so it needs to write the source; a plain sync only reads it.
  const from = openExisting(fromFile, { readonly: mode === 'sync' });
  let to: Database.Database;
  try {
    to = mode === 'init' ? new Database(toFile) : openExisting(toFile);
  } catch (error) {
    from.close();
    throw error;
  }
  to.pragma('busy_timeout = 5000');
  if (mode === 'init') to.pragma('journal_mode = WAL');
  return {
    from,
    to,
    close() {
      from.close();
      to.close();
    },
  };
}

/**
 * `strangler sync --init`: capture on the source, schema and a snapshot copy in the target.
 * `readOnly` (after cut-over, target = the monolith) also locks the copied tables against any
 * write but the sync's; `owner` names who owns them in the error the monolith would get.
 */
export function initSync(
  fromFile: string,
  toFile: string,
  tables: readonly string[],
  options: { readOnly?: boolean; owner?: string } = {},
): CopyResult {
  if (tables.length === 0) {
    throw new StranglerError(DATA_ERRORS.DATA_USAGE, '--init needs the tables to copy: --tables t1,t2.');
  }
  const pair = openSyncPair(fromFile, toFile, 'init');
  try {
    const copy = copyTables(pair.from, pair.to, tables);
    if (options.readOnly)
      protectReadModel(pair.to, tables, options.owner ?? path.basename(fromFile, path.extname(fromFile)));
    return copy;
  } finally {
    pair.close();
  }
}

/**
 * `strangler sync --hand-over`: the cut-over step. Locks the source's copies of the followed
 * tables (every write but a sync's now fails there), THEN applies what is left, so when it
 * returns the target has every change the source will ever make to them, and unlocks the
 * target's copies if a read-only init had locked them (the target is the owner now). Run from
 * the service to the monolith it is the rollback of a cut-over.
 */
export function handOver(
  fromFile: string,
  toFile: string,
  owner: string,
): { tables: string[]; applied: number; lastChangeId: number } {
  const from = openExisting(fromFile);
  let to: Database.Database | undefined;
  try {
    to = openExisting(toFile);
    const applier = createChangeApplier(from, to);
    protectReadModel(from, applier.tables, owner);
    const done = syncChanges(from, to);
    unprotectReadModel(to, applier.tables);
    return { tables: applier.tables, applied: done.applied, lastChangeId: done.lastChangeId };
  } finally {
    to?.close();
    from.close();
  }
}
