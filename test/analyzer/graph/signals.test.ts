import { describe, expect, it } from 'vitest';
import { getCochangeEdges } from '../../../analyzer/graph/cochange-signal.ts';
import { getDataEdges } from '../../../analyzer/graph/data-signal.ts';
import { getStaticEdges } from '../../../analyzer/graph/static-signal.ts';
import { getTrafficEdges } from '../../../analyzer/graph/traffic-signal.ts';
import { DEFAULT_WEIGHTS, resolveWeights } from '../../../analyzer/graph/weights.ts';

const w = DEFAULT_WEIGHTS;

describe('static signal', () => {
  it('weighs value imports by distinct symbols, type-only imports low, dynamic imports flat', () => {
    const edges = getStaticEdges(
      [
        {
          from: 'src/orders/service.ts',
          to: 'src/orders/repo.ts',
          kind: 'import',
          symbols: ['insertOrder'],
          line: 1,
        },
        {
          from: 'src/orders/service.ts',
          to: 'src/orders/repo.ts',
          kind: 'import',
          symbols: ['insertOrder', 'findOrder'],
          line: 9,
        },
        {
          from: 'src/orders/service.ts',
          to: 'src/accounts/types.ts',
          kind: 'type',
          symbols: ['User', 'Address'],
          line: 2,
        },
        { from: 'src/app.ts', to: 'src/reports/pdf.ts', kind: 'dynamic', symbols: ['*'], line: 3 },
        { from: 'src/legacy.ts', to: 'src/orders/repo.ts', kind: 'require', symbols: ['*'], line: 1 },
      ],
      w,
    );
    const byPair = Object.fromEntries(edges.map((e) => [`${e.from} ${e.kind}`, e]));
    expect(byPair['src/orders/service.ts import']).toMatchObject({
      weight: 2,
      count: 2,
      symbols: ['findOrder', 'insertOrder'],
    });
    expect(byPair['src/orders/service.ts type']!.weight).toBeCloseTo(0.4);
    expect(byPair['src/app.ts dynamic']!.weight).toBe(w.dynamic);
    expect(byPair['src/legacy.ts require']!.weight).toBe(w.require * w.symbolCap);
  });
});

describe('data signal', () => {
  it('couples writers more than readers, and a transaction most', () => {
    const edges = getDataEdges(
      [
        { table: 'orders', file: 'a.ts', line: 1, access: 'write', via: 'sql' },
        { table: 'orders', file: 'b.ts', line: 1, access: 'write', via: 'sql' },
        { table: 'orders', file: 'c.ts', line: 1, access: 'read', via: 'sql' },
        { table: 'stock', file: 'd.ts', line: 1, access: 'write', via: 'sql' },
      ],
      [{ file: 'a.ts', line: 5, tables: ['orders', 'stock'], modules: ['a.ts', 'd.ts'] }],
      w,
    );
    const weight = (from: string, to: string) =>
      edges.find((e) => e.from === from && e.to === to)?.weight ?? 0;
    // Three modules touch orders: each pair counts half.
    expect(weight('a.ts', 'b.ts')).toBe(w.dataWriteWrite / 2);
    expect(weight('a.ts', 'c.ts')).toBe(w.dataWriteRead / 2);
    expect(weight('a.ts', 'd.ts')).toBe(w.transaction);
    expect(edges.find((e) => e.from === 'a.ts' && e.to === 'd.ts')!.symbols).toEqual(['orders', 'stock']);
  });
});

describe('co-change signal', () => {
  it('couples files changed together at least twice, by confidence', () => {
    const history = {
      skippedHuge: 0,
      commits: [
        { hash: '1', files: ['a.ts', 'b.ts'] },
        { hash: '2', files: ['a.ts', 'b.ts', 'c.ts'] },
        { hash: '3', files: ['a.ts', 'c.ts'] },
        { hash: '4', files: ['a.ts', 'README.md'] },
      ],
    };
    const edges = getCochangeEdges(history, new Set(['a.ts', 'b.ts', 'c.ts']), w);
    expect(edges.map((e) => [e.from, e.to, e.count, e.weight])).toEqual([
      ['a.ts', 'b.ts', 2, w.cochange],
      ['a.ts', 'c.ts', 2, w.cochange],
    ]);
  });
});

describe('traffic signal', () => {
  it('couples the handler modules of endpoints hit in the same sessions', () => {
    const modules = new Map([
      ['GET /api/cart', 'src/cart/router.ts'],
      ['POST /api/orders', 'src/orders/router.ts'],
      ['GET /api/products', 'src/catalog/router.ts'],
    ]);
    const sessions = [
      { endpoints: ['GET /api/cart', 'POST /api/orders'] },
      { endpoints: ['GET /api/cart', 'POST /api/orders', 'GET /api/products'] },
      { endpoints: ['GET /api/products'] },
    ];
    const edges = getTrafficEdges({ sessions }, modules, w);
    expect(edges.map((e) => [e.from, e.to, e.count])).toEqual([
      ['src/cart/router.ts', 'src/orders/router.ts', 2],
    ]);
  });
});

describe('weights', () => {
  it('takes overrides and ignores unknown or negative values', () => {
    const weights = resolveWeights({ cochange: 0, import: -1, nonsense: 4 } as never);
    expect(weights.cochange).toBe(0);
    expect(weights.import).toBe(DEFAULT_WEIGHTS.import);
    expect('nonsense' in weights).toBe(false);
  });
});
