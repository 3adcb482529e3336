/**
 * The last N mismatches of each route, newest first, for `GET /diffs/:route`. The result store
 * keeps them in SQLite but its interface hands out only the newest one; until it offers
 * `samples(routeId, limit)` (used as soon as it exists), they are also kept here, in memory, as
 * the runner writes them. After a restart a route starts from the stored newest one.
 */
import type { ShadowResultStore } from './result-store.ts';
import type { MismatchSample } from './types.ts';

/** A result store that can read back its stored samples (optional, see above). */
type SampleReader = ShadowResultStore & { samples?(routeId: string, limit: number): MismatchSample[] };

export interface RecentMismatches {
  /** The store the runner should write through, so every stored sample is seen here too. */
  readonly store: ShadowResultStore;
  /** Newest first, at most `keep`. */
  list(routeId: string): MismatchSample[];
}

export function createRecentMismatches(results: ShadowResultStore, keep: number): RecentMismatches {
  const reader = results as SampleReader;
  const byRoute = new Map<string, MismatchSample[]>();
  if (!reader.samples) {
    for (const summary of results.summaries()) {
      if (summary.lastMismatch) byRoute.set(summary.routeId, [summary.lastMismatch]);
    }
  }
  // Everything else passes straight through (the store's methods are closures, not `this`-bound).
  const store: ShadowResultStore = {
    ...results,
    record(...args: Parameters<ShadowResultStore['record']>) {
      results.record(...args);
      const [outcomes] = args;
      if (reader.samples) return;
      // Only after the store accepted the batch: the list never shows what was not stored.
      for (const outcome of outcomes) {
        if (!outcome.sample) continue;
        const kept = [outcome.sample, ...(byRoute.get(outcome.routeId) ?? [])];
        byRoute.set(outcome.routeId, kept.slice(0, keep));
      }
    },
    reset(routeId) {
      results.reset(routeId);
      byRoute.delete(routeId);
    },
  };
  return {
    store,
    list: (routeId) => (reader.samples ? reader.samples(routeId, keep) : [...(byRoute.get(routeId) ?? [])]),
  };
}
