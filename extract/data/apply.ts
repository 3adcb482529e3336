/**
 * `syncChanges(from, to)`: applies captured changes to the target in id order, in batches. Each
 * batch is ONE target transaction holding the rows, the applied-change log and the new
 * watermark, so a crash (even kill -9) leaves either the whole batch or none of it: restarting
 * resumes after the last committed batch with nothing lost and nothing applied twice. The
 * watermark is re-read inside the write lock, so two syncs into one target cannot double-apply.
 * Inserts and updates are upserts of the full row image, deletes remove by key: applying a
 * change to a row that already has it changes nothing.
 */
import type Database from 'better-sqlite3';
import { assertSyncable } from './assert-syncable.ts';
import { jsonValue } from './capture.ts';
import { getTableShape, jsonPath, quoteId } from './sql.ts';
import { setApplying } from './state.ts';
import type { CapturedChange, SyncProgress } from './types.ts';

export interface SyncOptions {
  /** Changes per transaction. */
  batchSize?: number;
  /** Stop after this many batches (the CLI's follow loop calls again). */
  maxBatches?: number;
  /** When given, must equal the table set chosen at --init. */
  tables?: readonly string[];
  onBatch?: (progress: SyncProgress) => void;
}

interface TableWriter {
  upsert: Database.Statement;
  removeOldKey: Database.Statement;
  remove: Database.Statement;
}

export interface ChangeApplier {
  sourceId: string;
  tables: string[];
  /** Applies the next batch in one transaction; returns how many changes it held (0: caught up). */
  applyBatch(): number;
  /** The target's watermark after the last batch. */
  lastChangeId(): number;
}

/** Checks both sides once and prepares the statements; the follow loop reuses it per batch. */
export function createChangeApplier(
  from: Database.Database,
  to: Database.Database,
  options: Pick<SyncOptions, 'batchSize' | 'tables'> = {},
): ChangeApplier {
  const { sourceId, tables } = assertSyncable(from, to, options.tables);
  const batchSize = options.batchSize ?? 500;
  // The source's own cascades arrive as captured changes; the target must not cascade again.
  to.pragma('foreign_keys = OFF');
  const writers = new Map(tables.map((table) => [table, prepareWriter(to, table)]));
  const placeholders = tables.map(() => '?').join(', ');
  const read = from.prepare(
    `SELECT id, table_name, op, pk, row FROM strangler_changes WHERE id > ? AND table_name IN (${placeholders}) ORDER BY id LIMIT ?`,
  );
  const logApplied = to.prepare(
    'INSERT INTO strangler_applied (source_id, change_id, table_name, op, applied_at) VALUES (?, ?, ?, ?, ?)',
  );
  const advance = to.prepare(
    'UPDATE strangler_sync_state SET last_change_id = ?, applied_count = applied_count + ?, updated_at = ? WHERE source_id = ?',
  );
  const watermark = to.prepare('SELECT last_change_id FROM strangler_sync_state WHERE source_id = ?').pluck();
  let last = watermark.get(sourceId) as number;

  const applyBatch = to.transaction((): number => {
    // Re-read under the write lock: another sync may have moved it since.
    const after = watermark.get(sourceId) as number;
    last = after;
    const changes = read.all(after, ...tables, batchSize) as CapturedChange[];
    if (changes.length === 0) return 0;
    setApplying(to, true);
    const now = new Date().toISOString();
    for (const change of changes) {
      const writer = writers.get(change.table_name) as TableWriter;
      if (change.op === 'delete') writer.remove.run({ pk: change.pk });
      else {
        if (change.op === 'update') writer.removeOldKey.run({ pk: change.pk, row: change.row });
        writer.upsert.run({ row: change.row });
      }
      logApplied.run(sourceId, change.id, change.table_name, change.op, now);
    }
    const newest = (changes[changes.length - 1] as CapturedChange).id;
    advance.run(newest, changes.length, now, sourceId);
    setApplying(to, false);
    last = newest;
    return changes.length;
  });
  return { sourceId, tables, applyBatch: () => applyBatch.immediate(), lastChangeId: () => last };
}

/** Applies every change captured so far (or `maxBatches` batches), batch by batch. */
export function syncChanges(
  from: Database.Database,
  to: Database.Database,
  options: SyncOptions = {},
): SyncProgress {
  const applier = createChangeApplier(from, to, options);
  const batchSize = options.batchSize ?? 500;
  const maxBatches = options.maxBatches ?? Number.POSITIVE_INFINITY;
  const progress: SyncProgress = { applied: 0, lastChangeId: applier.lastChangeId(), batches: 0 };
  while (progress.batches < maxBatches) {
    const applied = applier.applyBatch();
    progress.lastChangeId = applier.lastChangeId();
    if (applied === 0) break;
    progress.applied += applied;
    progress.batches++;
    options.onBatch?.({ ...progress });
    if (applied < batchSize) break;
  }
  return progress;
}

function prepareWriter(to: Database.Database, table: string): TableWriter {
  const { columns, key } = getTableShape(to, table);
  const name = quoteId(table);
  const keyMatch = key.map((column) => `${quoteId(column)} IS ${jsonValue('@pk', column)}`).join(' AND ');
  const sameKey = key
    .map((column) => `json_extract(@pk, ${jsonPath(column)}) IS json_extract(@row, ${jsonPath(column)})`)
    .join(' AND ');
  const values = columns.map((column) => jsonValue('@row', column)).join(', ');
  const rest = columns.filter((column) => !key.includes(column));
  // An upsert updates in place: REPLACE would delete first, firing ON DELETE CASCADE when
  // foreign keys are on. A table keyed by rowid has no conflict target, so it uses REPLACE.
  const onConflict =
    key[0] === 'rowid'
      ? null
      : `ON CONFLICT (${key.map(quoteId).join(', ')}) DO ${rest.length === 0 ? 'NOTHING' : `UPDATE SET ${rest.map((column) => `${quoteId(column)} = excluded.${quoteId(column)}`).join(', ')}`}`;
  return {
    upsert: to.prepare(
      onConflict
        ? `INSERT INTO ${name} (${columns.map(quoteId).join(', ')}) VALUES (${values}) ${onConflict}`
        : `INSERT OR REPLACE INTO ${name} (${columns.map(quoteId).join(', ')}) VALUES (${values})`,
    ),
    // An update that changed the key leaves the old key's row behind unless it is removed.
    removeOldKey: to.prepare(`DELETE FROM ${name} WHERE ${keyMatch} AND NOT (${sameKey})`),
    remove: to.prepare(`DELETE FROM ${name} WHERE ${keyMatch}`),
  };
}
