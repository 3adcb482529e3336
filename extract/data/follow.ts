/**
 * `followChanges`: keeps a target current. One batch per turn of the event loop, so a stop
 * request (the CLI's SIGINT/SIGTERM aborts `signal`) is seen between two committed batches and
 * the loop ends without leaving a batch half-applied (SQLite would roll it back anyway).
 */
import { setTimeout as sleep, setImmediate as yieldToEvents } from 'node:timers/promises';
import type Database from 'better-sqlite3';
import { createChangeApplier, type SyncOptions } from './apply.ts';
import type { SyncProgress } from './types.ts';

export interface FollowOptions extends Pick<SyncOptions, 'batchSize' | 'tables' | 'onBatch'> {
  /** Pause between polls once caught up, in ms. */
  intervalMs?: number;
  signal: AbortSignal;
}

export async function followChanges(
  from: Database.Database,
  to: Database.Database,
  options: FollowOptions,
): Promise<SyncProgress> {
  const applier = createChangeApplier(from, to, options);
  const batchSize = options.batchSize ?? 500;
  const progress: SyncProgress = { applied: 0, lastChangeId: applier.lastChangeId(), batches: 0 };
  while (!options.signal.aborted) {
    let applied = 0;
    try {
      applied = applier.applyBatch();
    } catch (error) {
      // A writer held the lock past busy_timeout: the batch rolled back whole; try again later.
      if ((error as { code?: string }).code !== 'SQLITE_BUSY') throw error;
    }
    progress.lastChangeId = applier.lastChangeId();
    if (applied > 0) {
      progress.applied += applied;
      progress.batches++;
      options.onBatch?.({ ...progress });
    }
    try {
      if (applied === batchSize) await yieldToEvents(undefined, { signal: options.signal });
      else await sleep(options.intervalMs ?? 200, undefined, { signal: options.signal });
    } catch {
      break; // aborted while waiting: stop between batches
    }
  }
  return progress;
}
