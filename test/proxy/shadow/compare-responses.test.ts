import { brotliCompressSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { createComparator } from '../../../proxy/shadow/compare-responses.ts';
import { getNoiseRules } from '../../../proxy/shadow/noise-rules.ts';
import type { ObservedResponse } from '../../../proxy/shadow/types.ts';

const order = {
  id: 1042,
  status: 'shipped',
  customer: { id: 7, name: 'Ada Lovelace', 'loyalty-tier': 'gold' },
  items: [
    { sku: 'KB-101', name: 'Keyboard', quantity: 1, price: 49.5 },
    { sku: 'MS-220', name: 'Mouse', quantity: 2, price: 19.99 },
    { sku: 'MN-270', name: 'Monitor', quantity: 1, price: 189 },
    { sku: 'CB-003', name: 'USB-C cable', quantity: 3, price: 9.99 },
  ],
  total: 298.46,
};

function json(body: unknown, status = 200, headers: Record<string, string> = {}): ObservedResponse {
  return {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
    body: Buffer.from(JSON.stringify(body)),
  };
}

const compareWith = (options = {}) =>
  createComparator(getNoiseRules(options), ['content-type', 'location', 'cache-control']);

describe('comparing a monolith answer with a service answer', () => {
  it('matches identical orders', () => {
    expect(compareWith()(json(order), json(structuredClone(order)))).toEqual({
      matched: true,
      differences: [],
    });
  });

  it('reports the exact JSON path of a changed price', () => {
    const service = structuredClone(order);
    service.items[3]!.price = 10;
    const result = compareWith()(json(order), json(service));
    expect(result.matched).toBe(false);
    expect(result.differences).toEqual([
      { path: '$.items[3].price', kind: 'value', expected: '9.99', actual: '10' },
    ]);
  });

  it('reports missing and extra fields, odd keys in bracket form, and type changes', () => {
    const service: Record<string, unknown> = structuredClone(order);
    delete service.total;
    service.currency = 'EUR';
    (service.customer as Record<string, unknown>)['loyalty-tier'] = null;
    service.id = '1042';
    const paths = compareWith()(json(order), json(service)).differences.map((d) => `${d.kind} ${d.path}`);
    expect(paths.sort()).toEqual(
      ['extra $.currency', 'missing $.total', "type $.customer['loyalty-tier']", 'type $.id'].sort(),
    );
  });

  it('compares status and the configured headers, not date or etag', () => {
    const result = compareWith()(
      json(order, 200, { date: 'Mon, 23 Nov 2026 10:00:00 GMT', etag: 'W/"a"' }),
      json(order, 404, { date: 'Mon, 23 Nov 2026 10:00:01 GMT', etag: 'W/"b"', 'cache-control': 'no-store' }),
    );
    expect(result.differences.map((d) => d.path)).toEqual(['status', 'header:cache-control']);
  });

  it('applies noise rules: wildcard paths, ignored headers, unordered arrays, numeric tolerance', () => {
    const monolith = { ...order, meta: { servedBy: 'web-3', traceId: 'a1' } };
    const service = {
      ...structuredClone(order),
      meta: { servedBy: 'orders-1', traceId: 'b2' },
      items: [...order.items].reverse().map((item) => ({ ...item, price: item.price + 0.004 })),
    };
    const strict = compareWith()(json(monolith), json(service, 200, { 'cache-control': 'private' }));
    expect(strict.matched).toBe(false);
    const lenient = compareWith({
      ignorePaths: ['$.meta.*'],
      ignoreHeaders: ['Cache-Control'],
      unorderedArrays: ['$.items'],
      numericTolerance: 0.01,
    })(json(monolith), json(service, 200, { 'cache-control': 'private' }));
    expect(lenient).toEqual({ matched: true, differences: [] });
  });

  it('ignores a field at any depth with $..name', () => {
    const a = { data: [{ id: 1, requestId: 'x' }], requestId: 'y' };
    const b = { data: [{ id: 1, requestId: 'z' }], requestId: 'w' };
    expect(compareWith({ ignorePaths: ['$..requestId'] })(json(a), json(b)).matched).toBe(true);
  });

  it('compares text as text, naming the first differing line', () => {
    const html = (title: string) => ({
      status: 200,
      headers: { 'content-type': 'text/html' },
      body: Buffer.from(`<html>\n<h1>${title}</h1>\n</html>`),
    });
    expect(compareWith()(html('Orders'), html('Order list')).differences).toEqual([
      { path: 'body:line 2', kind: 'text', expected: '<h1>Orders</h1>', actual: '<h1>Order list</h1>' },
    ]);
  });

  it('compares compressed bodies by their content, whatever the encoding', () => {
    const encoded = (body: unknown, encoding: 'gzip' | 'br'): ObservedResponse => {
      const plain = Buffer.from(JSON.stringify(body));
      return {
        ...json(body),
        headers: { 'content-type': 'application/json; charset=utf-8', 'content-encoding': encoding },
        body: encoding === 'gzip' ? gzipSync(plain) : brotliCompressSync(plain),
      };
    };
    expect(compareWith()(encoded(order, 'gzip'), encoded(order, 'gzip')).matched).toBe(true);
    expect(
      compareWith({ ignoreHeaders: ['content-encoding'] })(encoded(order, 'gzip'), encoded(order, 'br'))
        .matched,
    ).toBe(true);
    expect(compareWith()(encoded(order, 'gzip'), json(order)).matched).toBe(true);
    const service = structuredClone(order);
    service.items[3]!.price = 10;
    expect(compareWith()(encoded(order, 'gzip'), encoded(service, 'gzip')).differences).toEqual([
      { path: '$.items[3].price', kind: 'value', expected: '9.99', actual: '10' },
    ]);
  });

  it('compares other bodies by hash', () => {
    const png = (bytes: number[]) => ({
      status: 200,
      headers: { 'content-type': 'image/png' },
      body: Buffer.from(bytes),
    });
    expect(compareWith()(png([137, 80, 78, 71]), png([137, 80, 78, 71])).matched).toBe(true);
    const [difference] = compareWith()(png([137, 80, 78, 71]), png([137, 80, 78, 72])).differences;
    expect(difference).toMatchObject({ path: 'body', kind: 'hash' });
    expect(difference!.expected).not.toBe(difference!.actual);
  });
});
