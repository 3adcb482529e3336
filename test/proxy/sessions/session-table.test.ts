import { describe, expect, it } from 'vitest';
import { createSessionTable } from '../../../proxy/sessions/session-table.ts';

function clock(start = 1_000_000) {
  let t = start;
  return { now: () => t, advance: (ms: number) => (t += ms) };
}

describe('session table', () => {
  it('keeps a session open while it is active and finishes it after the idle timeout', () => {
    const time = clock();
    const table = createSessionTable({ idleMs: 60_000, maxActive: 10, now: time.now });
    table.observe('tok-1', 'GET /api/cart');
    time.advance(50_000);
    table.observe('tok-1', 'POST /api/orders');
    time.advance(50_000);
    table.sweep();
    expect(table.takeFinished()).toEqual([]);
    time.advance(10_000);
    table.sweep();
    expect(table.takeFinished()).toEqual([
      {
        key: 'tok-1',
        startedAt: 1_000_000,
        endedAt: 1_050_000,
        requests: 2,
        routes: ['GET /api/cart', 'POST /api/orders'],
      },
    ]);
    expect(table.active).toBe(0);
  });

  it('finishes the session that started first when full, so memory stays bounded', () => {
    const time = clock();
    const table = createSessionTable({ idleMs: 60_000, maxActive: 2, now: time.now });
    table.observe('first', 'GET /a');
    time.advance(1);
    table.observe('second', 'GET /b');
    table.observe('first', 'GET /c');
    table.observe('third', 'GET /d');
    expect(table.active).toBe(2);
    expect(table.takeFinished().map((s) => [s.key, s.routes])).toEqual([['first', ['GET /a', 'GET /c']]]);
  });

  it('records each route once and at most maxRoutes of them', () => {
    const table = createSessionTable({ idleMs: 1, maxActive: 5, maxRoutes: 3 });
    for (const route of ['GET /a', 'GET /a', 'GET /b', 'GET /c', 'GET /d']) table.observe('crawler', route);
    table.sweep(true);
    const [session] = table.takeFinished();
    expect(session?.routes).toEqual(['GET /a', 'GET /b', 'GET /c']);
    expect(session?.requests).toBe(5);
  });

  it('drops (and counts) the oldest finished sessions when nobody takes them', () => {
    const table = createSessionTable({ idleMs: 1, maxActive: 2 });
    for (const key of ['a', 'b', 'c', 'd', 'e']) {
      table.observe(key, 'GET /x');
      table.sweep(true);
    }
    expect(table.takeFinished().map((s) => s.key)).toEqual(['d', 'e']);
    expect(table.dropped).toBe(3);
  });
});
