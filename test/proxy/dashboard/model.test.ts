/** The dashboard's numbers, computed from answers shaped like the admin API's. */
import { describe, expect, it } from 'vitest';
import { alignLines } from '../../../proxy/admin/dashboard/client/diff.ts';
import type { Snapshot } from '../../../proxy/admin/dashboard/client/model.ts';
import { quantileMs, shareSeries, toRouteRows } from '../../../proxy/admin/dashboard/client/model.ts';
import { createProxyStats } from '../../../proxy/stats/create-stats.ts';

function snapshot(record: (stats: ReturnType<typeof createProxyStats>) => void, at: number): Snapshot {
  const stats = createProxyStats();
  record(stats);
  return {
    at,
    diffs: [],
    stats: { revision: 1, live: stats.getStatsSnapshot(), minutes: [] },
    table: {
      revision: 1,
      monolith: { name: 'monolith', url: 'http://127.0.0.1:3000' },
      services: [{ name: 'orders', url: 'http://127.0.0.1:4001' }],
      routes: [
        {
          id: 'get-api-orders-id',
          key: 'GET /api/orders/:id',
          methods: ['GET'],
          path: '/api/orders/:id',
          mode: 'canary',
          percent: 25,
          service: 'orders',
        },
      ],
    },
  };
}

describe('dashboard model', () => {
  it('sums a route over its targets and rates requests between two polls', () => {
    const first = snapshot((s) => {
      for (let i = 0; i < 30; i++) s.recordResponse('get-api-orders-id', 'monolith', 200, 4);
    }, 1_000);
    const second = snapshot((s) => {
      for (let i = 0; i < 30; i++) s.recordResponse('get-api-orders-id', 'monolith', 200, 4);
      for (let i = 0; i < 10; i++) s.recordResponse('get-api-orders-id', 'orders', i < 2 ? 503 : 200, 40);
    }, 3_000);
    const [row] = toRouteRows(second, first);
    expect(row).toMatchObject({ requests: 40, perSecond: 5, errorRate: 0.05 });
    expect(toRouteRows(first, null)[0]?.perSecond).toBeNull();
  });

  it('puts p95 in the bucket that holds the 95th percentile across targets', () => {
    const now = snapshot((s) => {
      for (let i = 0; i < 90; i++) s.recordResponse('r', 'monolith', 200, 3);
      for (let i = 0; i < 10; i++) s.recordResponse('r', 'orders', 200, 900);
    }, 0);
    const p95 = quantileMs(now.stats.live.routes, now.stats.live.bucketBoundsMs, 0.95);
    const p50 = quantileMs(now.stats.live.routes, now.stats.live.bucketBoundsMs, 0.5);
    expect(p95).toBeGreaterThanOrEqual(900);
    expect(p50).toBeLessThan(10);
  });

  it('fills every minute of the chart window, splitting services from the monolith', () => {
    const now = Date.parse('2026-11-23T14:10:30Z');
    const rows = [
      {
        minute: '2026-11-23T14:08:00.000Z',
        routeId: 'a',
        target: 'orders',
        requests: 3,
        errors: 0,
        fallbacks: 0,
        latencyMsSum: 1,
      },
      {
        minute: '2026-11-23T14:08:00.000Z',
        routeId: 'b',
        target: 'monolith',
        requests: 7,
        errors: 0,
        fallbacks: 0,
        latencyMsSum: 1,
      },
      {
        minute: '2026-11-23T13:50:00.000Z',
        routeId: 'b',
        target: 'monolith',
        requests: 99,
        errors: 0,
        fallbacks: 0,
        latencyMsSum: 1,
      },
    ];
    const series = shareSeries(rows, now, 5);
    expect(series.map((m) => m.minute.slice(11, 16))).toEqual(['14:06', '14:07', '14:08', '14:09', '14:10']);
    expect(series[2]).toMatchObject({ services: 3, monolith: 7 });
    expect(series.reduce((n, m) => n + m.monolith, 0)).toBe(7);
  });

  it('pairs a run of changed lines in order in the side-by-side diff', () => {
    const rows = alignLines(
      ['{', '"note": "plain",', '"id": "req-1"', '}'],
      ['{', '"note": "<b>",', '"id": "req-2"', '}'],
    );
    expect(rows.slice(1, 3)).toEqual([
      { left: '"note": "plain",', right: '"note": "<b>",', same: false },
      { left: '"id": "req-1"', right: '"id": "req-2"', same: false },
    ]);
    expect(alignLines(['a'], ['a', 'b'])).toEqual([
      { left: 'a', right: 'a', same: true },
      { left: null, right: 'b', same: false },
    ]);
  });

  it('aligns a changed line beside its counterpart in the side-by-side diff', () => {
    const rows = alignLines(
      ['{', '"price": 19.9,', '"stock": 3', '}'],
      ['{', '"price": "19.90",', '"stock": 3', '}'],
    );
    expect(rows).toEqual([
      { left: '{', right: '{', same: true },
      { left: '"price": 19.9,', right: '"price": "19.90",', same: false },
      { left: '"stock": 3', right: '"stock": 3', same: true },
      { left: '}', right: '}', same: true },
    ]);
  });
});
