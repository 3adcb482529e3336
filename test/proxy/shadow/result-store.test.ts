import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ShadowTally } from '../../../proxy/shadow/result-store.ts';
import { openShadowResultStore } from '../../../proxy/store/shadow-results.ts';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'strangler-shadow-store-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const tally = (
  counts: Partial<ShadowTally['counts']>,
  reasons: Record<string, number>,
  at: string,
): ShadowTally => ({
  routeId: 'get-api-orders-id',
  routeKey: 'GET /api/orders/:id',
  counts: { matched: 0, mismatched: 0, failed: 0, skipped: 0, ...counts },
  reasons,
  at,
});

describe('shadow result store', () => {
  it('adds counted outcomes and full ones into the same per-route counters, across writes and reopening', () => {
    const file = join(dir, 'proxy.db');
    let opened = openShadowResultStore(file);
    opened.store.record([], [tally({ matched: 40, skipped: 2 }, { method: 2 }, '2026-11-23T16:00:00.000Z')]);
    opened.store.record(
      [
        {
          routeId: 'get-api-orders-id',
          routeKey: 'GET /api/orders/:id',
          kind: 'mismatched',
          paths: ['$.items[*].price'],
          at: '2026-11-23T16:00:01.000Z',
        },
      ],
      [tally({ matched: 9, failed: 1, skipped: 1 }, { timeout: 1, method: 1 }, '2026-11-23T16:00:02.000Z')],
    );
    opened.close();
    opened = openShadowResultStore(file);
    const [summary] = opened.store.summaries();
    opened.close();
    expect(summary).toMatchObject({
      routeId: 'get-api-orders-id',
      counters: { matched: 49, mismatched: 1, failed: 1, skipped: 3 },
      reasons: { method: 3, timeout: 1 },
      topPaths: [{ path: '$.items[*].price', count: 1 }],
      updatedAt: '2026-11-23T16:00:02.000Z',
    });
  });

  it('keeps the newest samplesPerRoute mismatches, newest first, after reopening', () => {
    const file = join(dir, 'proxy.db');
    const mismatch = (n: number) => ({
      routeId: 'get-api-orders-id',
      routeKey: 'GET /api/orders/:id',
      kind: 'mismatched' as const,
      paths: ['$.total'],
      at: `2026-11-23T16:00:0${n}.000Z`,
      sample: {
        at: `2026-11-23T16:00:0${n}.000Z`,
        method: 'GET',
        url: `/api/orders/${n}`,
        differences: [{ path: '$.total', kind: 'value' as const, expected: '10', actual: `1${n}` }],
        monolith: { status: 200, headers: {}, body: '{"total":10}', bytes: 12 },
        service: { status: 200, headers: {}, body: `{"total":1${n}}`, bytes: 12 },
      },
    });
    let opened = openShadowResultStore(file, { samplesPerRoute: 3 });
    opened.store.record([1, 2, 3, 4, 5].map(mismatch));
    opened.close();
    opened = openShadowResultStore(file, { samplesPerRoute: 3 });
    const urls = opened.store.samples('get-api-orders-id', 3).map((sample) => sample.url);
    opened.store.reset('get-api-orders-id');
    const afterReset = opened.store.samples('get-api-orders-id', 3);
    opened.close();
    expect(urls).toEqual(['/api/orders/5', '/api/orders/4', '/api/orders/3']);
    expect(afterReset).toEqual([]);
  });
});
