/**
 * The SQLite side of the parallel run: per-route counters, the most frequent differing paths,
 * the last N mismatches (already redacted by the runner) and the learned noise. Writes come in
 * batches, one transaction each; reads serve `GET /diffs`.
 */
import type Database from 'better-sqlite3';
import type { ShadowResultStore, ShadowTally } from '../shadow/result-store.ts';
import type { LearnedNoise, MismatchSample, RouteShadowSummary, ShadowOutcome } from '../shadow/types.ts';
import { openDatabase } from './open-database.ts';

const TOP_PATHS = 10;

interface RouteRow {
  route_id: string;
  route_key: string;
  matched: number;
  mismatched: number;
  failed: number;
  skipped: number;
  skipped_reasons: string;
  updated_at: string;
}

export function createShadowResultStore(
  db: Database.Database,
  options: { samplesPerRoute?: number } = {},
): ShadowResultStore {
  const keep = options.samplesPerRoute ?? 20;
  const upsertRoute = db.prepare(
    `INSERT INTO shadow_routes (route_id, route_key, matched, mismatched, failed, skipped, skipped_reasons, updated_at)
     VALUES (@routeId, @routeKey, @matched, @mismatched, @failed, @skipped, @reasons, @at)
     ON CONFLICT (route_id) DO UPDATE SET route_key = excluded.route_key,
       matched = matched + excluded.matched, mismatched = mismatched + excluded.mismatched,
       failed = failed + excluded.failed, skipped = skipped + excluded.skipped,
       skipped_reasons = excluded.skipped_reasons, updated_at = excluded.updated_at`,
  );
  const getReasons = db.prepare('SELECT skipped_reasons FROM shadow_routes WHERE route_id = ?').pluck();
  const bumpPath = db.prepare(
    `INSERT INTO shadow_paths (route_id, path, count) VALUES (?, ?, 1)
     ON CONFLICT (route_id, path) DO UPDATE SET count = count + 1`,
  );
  const insertSample = db.prepare('INSERT INTO shadow_mismatches (route_id, at, sample) VALUES (?, ?, ?)');
  const pruneSamples = db.prepare(
    `DELETE FROM shadow_mismatches WHERE route_id = ? AND id NOT IN
       (SELECT id FROM shadow_mismatches WHERE route_id = ? ORDER BY id DESC LIMIT ?)`,
  );
  const upsertNoise = db.prepare(
    `INSERT INTO shadow_noise (route_id, path, seen, first_seen_at, example) VALUES (?, ?, 1, ?, ?)
     ON CONFLICT (route_id, path) DO UPDATE SET seen = seen + 1`,
  );
  const selectNoise = db.prepare(
    'SELECT path, seen, first_seen_at, example FROM shadow_noise WHERE route_id = ? ORDER BY path',
  );
  const selectRoutes = db.prepare('SELECT * FROM shadow_routes ORDER BY route_key');
  const selectPaths = db.prepare(
    'SELECT path, count FROM shadow_paths WHERE route_id = ? ORDER BY count DESC, path LIMIT ?',
  );
  const selectSamples = db
    .prepare('SELECT sample FROM shadow_mismatches WHERE route_id = ? ORDER BY id DESC LIMIT ?')
    .pluck();
  const selectLastSample = db
    .prepare('SELECT sample FROM shadow_mismatches WHERE route_id = ? ORDER BY id DESC LIMIT 1')
    .pluck();

  type Entry = {
    routeKey: string;
    at: string;
    counts: Record<string, number>;
    reasons: Record<string, number>;
  };
  const record = db.transaction((outcomes: readonly ShadowOutcome[], tallies: readonly ShadowTally[]) => {
    const perRoute = new Map<string, Entry>();
    const entryFor = (routeId: string, routeKey: string): Entry => {
      let entry = perRoute.get(routeId);
      if (!entry) {
        const stored = getReasons.get(routeId) as string | undefined;
        entry = { routeKey, at: '', counts: {}, reasons: stored ? JSON.parse(stored) : {} };
        perRoute.set(routeId, entry);
      }
      return entry;
    };
    for (const tally of tallies) {
      const entry = entryFor(tally.routeId, tally.routeKey);
      if (tally.at > entry.at) entry.at = tally.at;
      for (const kind of ['matched', 'mismatched', 'failed', 'skipped'] as const)
        entry.counts[kind] = (entry.counts[kind] ?? 0) + tally.counts[kind];
      for (const reason in tally.reasons)
        entry.reasons[reason] = (entry.reasons[reason] ?? 0) + tally.reasons[reason]!;
    }
    for (const outcome of outcomes) {
      const entry = entryFor(outcome.routeId, outcome.routeKey);
      if (outcome.at > entry.at) entry.at = outcome.at;
      entry.counts[outcome.kind] = (entry.counts[outcome.kind] ?? 0) + 1;
      if (outcome.reason) entry.reasons[outcome.reason] = (entry.reasons[outcome.reason] ?? 0) + 1;
      if (outcome.paths) for (const path of new Set(outcome.paths)) bumpPath.run(outcome.routeId, path);
      if (outcome.sample) {
        insertSample.run(outcome.routeId, outcome.sample.at, JSON.stringify(outcome.sample));
        pruneSamples.run(outcome.routeId, outcome.routeId, keep);
      }
      if (outcome.learned)
        for (const noise of outcome.learned)
          upsertNoise.run(outcome.routeId, noise.path, outcome.at, JSON.stringify(noise.example));
    }
    for (const [routeId, entry] of perRoute) {
      upsertRoute.run({
        routeId,
        routeKey: entry.routeKey,
        matched: entry.counts.matched ?? 0,
        mismatched: entry.counts.mismatched ?? 0,
        failed: entry.counts.failed ?? 0,
        skipped: entry.counts.skipped ?? 0,
        reasons: JSON.stringify(entry.reasons),
        at: entry.at,
      });
    }
  });

  const learnedNoise = (routeId: string): LearnedNoise[] =>
    (
      selectNoise.all(routeId) as { path: string; seen: number; first_seen_at: string; example: string }[]
    ).map((row) => ({
      path: row.path,
      seen: row.seen,
      firstSeenAt: row.first_seen_at,
      example: JSON.parse(row.example),
    }));

  return {
    record(outcomes, tallies = []) {
      if (outcomes.length > 0 || tallies.length > 0) record(outcomes, tallies);
    },
    learnedNoise,
    summaries(): RouteShadowSummary[] {
      return (selectRoutes.all() as RouteRow[]).map((row) => {
        const last = selectLastSample.get(row.route_id) as string | undefined;
        return {
          routeId: row.route_id,
          routeKey: row.route_key,
          counters: {
            matched: row.matched,
            mismatched: row.mismatched,
            failed: row.failed,
            skipped: row.skipped,
          },
          reasons: JSON.parse(row.skipped_reasons),
          topPaths: selectPaths.all(row.route_id, TOP_PATHS) as { path: string; count: number }[],
          learnedNoise: learnedNoise(row.route_id),
          lastMismatch: last ? (JSON.parse(last) as MismatchSample) : null,
          updatedAt: row.updated_at,
        };
      });
    },
    samples: (routeId, limit) =>
      (selectSamples.all(routeId, limit) as string[]).map((text) => JSON.parse(text) as MismatchSample),
    reset: db.transaction((routeId: string) => {
      for (const table of ['shadow_routes', 'shadow_paths', 'shadow_mismatches', 'shadow_noise']) {
        db.prepare(`DELETE FROM ${table} WHERE route_id = ?`).run(routeId);
      }
    }),
  };
}

/**
 * Opens the proxy's database file on a connection of its own (WAL lets it sit beside the route
 * store's) and brings the schema up to date, shadow tables included.
 */
export function openShadowResultStore(file: string, options: { samplesPerRoute?: number } = {}) {
  const db = openDatabase(file);
  // This connection only writes comparison statistics. In WAL mode NORMAL skips the fsync per
  // commit (a power cut may lose the last writes, never corrupt the file), and that fsync ran on
  // the event loop that also serves primaries. The route store's connection stays FULL.
  db.pragma('synchronous = NORMAL');
  return { store: createShadowResultStore(db, options), close: () => db.close() };
}
