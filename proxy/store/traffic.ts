/** Per-minute traffic counters: written in batches by the stats flusher, read by `GET /stats`. */
import type { SqliteDatabase } from './open-database.ts';
import type { TrafficDelta, TrafficRow } from './route-store.ts';

function toMinute(date: Date): string {
  const minute = new Date(date);
  minute.setUTCSeconds(0, 0);
  return minute.toISOString();
}

export function createTrafficTable(db: SqliteDatabase) {
  const upsert = db.prepare(`
    INSERT INTO traffic_stats (minute, route_id, target, requests, errors, fallbacks, latency_ms_sum)
    VALUES (@minute, @routeId, @target, @requests, @errors, @fallbacks, @latencyMsSum)
    ON CONFLICT (minute, route_id, target) DO UPDATE SET
      requests = requests + excluded.requests,
      errors = errors + excluded.errors,
      fallbacks = fallbacks + excluded.fallbacks,
      latency_ms_sum = latency_ms_sum + excluded.latency_ms_sum`);
  const select = db.prepare(`
    SELECT minute, route_id AS routeId, target, requests, errors, fallbacks, latency_ms_sum AS latencyMsSum
    FROM traffic_stats WHERE minute >= ? ORDER BY minute, route_id, target`);

  /** One transaction per batch: a flush is a single fsync, whatever the number of routes. */
  const record = db.transaction((deltas: readonly TrafficDelta[], at: Date) => {
    const minute = toMinute(at);
    for (const delta of deltas) {
      if (delta.requests === 0 && delta.errors === 0 && delta.fallbacks === 0) continue;
      upsert.run({ ...delta, minute, routeId: delta.routeId ?? '' });
    }
  });

  return {
    record(deltas: readonly TrafficDelta[], at = new Date()): void {
      if (deltas.length > 0) record(deltas, at);
    },
    read(minutes: number, now = new Date()): TrafficRow[] {
      const since = toMinute(new Date(now.getTime() - minutes * 60_000));
      return (select.all(since) as Array<TrafficRow & { routeId: string }>).map((row) => ({
        ...row,
        routeId: row.routeId === '' ? null : row.routeId,
      }));
    },
  };
}
