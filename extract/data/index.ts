/**
 * The data half of extraction: the schema of the tables a service owns, a consistent copy, and
 * change capture + sync that keep the copy current while the monolith still writes (and, after
 * cut-over, the same mechanism in reverse). See docs/extraction.md (## Data).
 *
 * Layering exception: this folder imports better-sqlite3 (DESIGN.md reserves it for proxy/store)
 * because reading `sqlite_master`, installing triggers and applying changes IS its job.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Analysis } from '../../analyzer/analysis.ts';
import { StranglerError } from '../../errors/index.ts';
import { createChangeApplier, syncChanges } from './apply.ts';
import { type CopyResult, copyTables } from './copy.ts';
import { DATA_ERRORS } from './errors.ts';
import { protectReadModel, unprotectReadModel } from './read-model.ts';
import { openExisting, readOwnedSchema } from './schema.ts';
import { renderSchemaSql } from './service-db.ts';

export { createChangeApplier, syncChanges } from './apply.ts';
export { getCapturedTables, installChangeCapture, removeChangeCapture } from './capture.ts';
export { copyTables } from './copy.ts';
export { DATA_ERRORS } from './errors.ts';
export { followChanges } from './follow.ts';
export { protectReadModel, unprotectReadModel } from './read-model.ts';
export { openExisting, readOwnedSchema, readSchemaFrom } from './schema.ts';
export { createServiceDatabase, renderSchemaSql } from './service-db.ts';
export { readSyncState } from './state.ts';
export type { CapturedChange, OwnedSchema, SyncProgress, TableSchema } from './types.ts';

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

/**
 * The entry `strangler extract` calls: writes `db/schema.sql` for the owned tables and, given the
 * monolith's database, creates `<service>.db` with a snapshot copy (the same step as
 * `strangler sync --init`, so capture is installed on the monolith's tables too).
 */
export async function extractData(input: {
  analysis: Analysis;
  service: string;
  dir: string;
  monolithDb?: string;
}): Promise<{ files: string[]; notes: string[] } | null> {
  const tables = [
    ...(input.analysis.services.find((service) => service.name === input.service)?.tables ?? []),
  ].sort();
  if (tables.length === 0)
    return { files: [], notes: ['This service owns no tables: nothing to copy or sync.'] };
  const schema = readOwnedSchema({
    tables,
    ...(input.monolithDb ? { monolithDb: input.monolithDb } : { root: input.analysis.root }),
  });
  const found = schema.tables.map((table) => table.name);
  const files = ['db/schema.sql'];
  mkdirSync(path.join(input.dir, 'db'), { recursive: true });
  writeFileSync(path.join(input.dir, 'db/schema.sql'), renderSchemaSql(schema.tables));
  const notes = [
    `Schema of ${found.length} owned tables from ${schema.source === 'database' ? 'the monolith database' : 'the CREATE TABLE statements in the monolith'}: \`db/schema.sql\`.`,
    ...(schema.missing.length > 0
      ? [`No DDL found for ${schema.missing.map((name) => `\`${name}\``).join(', ')}: create them by hand.`]
      : []),
    ...(schema.warnings.length > 0
      ? [
          `${schema.warnings.length} schema statements in the code could not be replayed (first: ${schema.warnings[0]}).`,
        ]
      : []),
  ];
  const dbName = `${input.service}.db`;
  const list = found.join(',');
  if (!input.monolithDb) {
    notes.push(
      `Copy and capture: \`strangler sync --init --from MONOLITH_DB --to ./${dbName} --tables ${list}\`, then \`strangler sync --from MONOLITH_DB --to ./${dbName} --follow\`.`,
    );
    return { files, notes };
  }
  const copy = initSync(input.monolithDb, path.join(input.dir, dbName), found);
  files.push(dbName);
  const rows = copy.tables.reduce((sum, table) => sum + table.rows, 0);
  notes.push(
    `\`${dbName}\`: ${rows} rows copied from ${copy.tables.length} tables in one snapshot (changes up to #${copy.lastChangeId}); change capture installed on them in the monolith database.`,
    ...(copy.droppedReferences.length > 0
      ? [
          `Foreign keys to tables another service owns were dropped from the copy: ${copy.droppedReferences.map((entry) => `${entry.table} → ${entry.references}`).join(', ')}.`,
        ]
      : []),
    `Keep it current: \`strangler sync --from ${input.monolithDb} --to ./${dbName} --follow\`.`,
  );
  return { files, notes };
}
