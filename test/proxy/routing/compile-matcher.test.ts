import { describe, expect, it } from 'vitest';
import type { Route } from '../../../proxy/model.ts';
import { compileMatcher } from '../../../proxy/routing/compile-matcher.ts';

const route = (key: string): Route => {
  const [methods, path] = key.split(' ') as [string, string];
  return { id: key, key, methods: methods.split(','), path, mode: 'service', percent: 0, service: 'orders' };
};

describe('route matcher', () => {
  const match = compileMatcher(
    [
      '* /api/*',
      '* /api/orders/*',
      'GET /api/orders/:id',
      'GET /api/orders/export',
      'POST /api/orders',
      'GET,HEAD /api/orders/:id/items/:item',
      '* /api/:section/admin',
    ].map(route),
  );
  const id = (method: string, path: string) => match(method, path)?.id ?? null;

  it('prefers a literal segment over a parameter over a trailing *', () => {
    expect(id('GET', '/api/orders/export')).toBe('GET /api/orders/export');
    expect(id('GET', '/api/orders/42')).toBe('GET /api/orders/:id');
    expect(id('GET', '/api/orders/42/notes')).toBe('* /api/orders/*');
    expect(id('GET', '/api/catalog/admin')).toBe('* /api/:section/admin');
    expect(id('GET', '/api/catalog')).toBe('* /api/*');
  });

  it('backtracks to a less specific route when the method does not fit', () => {
    expect(id('DELETE', '/api/orders/42')).toBe('* /api/orders/*');
    expect(id('POST', '/api/orders')).toBe('POST /api/orders');
    expect(id('GET', '/api/orders')).toBe('* /api/orders/*');
    expect(id('HEAD', '/api/orders/42')).toBe('GET /api/orders/:id');
  });

  it('ignores case of literal segments and one trailing slash, as Express does', () => {
    expect(id('GET', '/API/Orders/42/')).toBe('GET /api/orders/:id');
    expect(id('GET', '/api/orders/1/items/2')).toBe('GET,HEAD /api/orders/:id/items/:item');
  });

  it('leaves what matches nothing to the caller (the monolith)', () => {
    expect(id('GET', '/')).toBeNull();
    expect(id('GET', '/catalog/items')).toBeNull();
    expect(id('GET', '/apix')).toBeNull();
  });

  it('finds the right route among 1,000 without scanning them', () => {
    const many = Array.from({ length: 1000 }, (_, i) => route(`GET /api/r${i}/:id`));
    const big = compileMatcher(many);
    expect(big('GET', '/api/r999/7')?.id).toBe('GET /api/r999/:id');
    expect(big('GET', '/api/r1000/7')).toBeNull();
  });

  it('rejects patterns it cannot match faithfully, naming the route', () => {
    expect(() => compileMatcher([route('GET /api/*/orders')])).toThrow(/GET \/api\/\*\/orders/);
    expect(() => compileMatcher([route('GET /api/:id(\\d+)')])).toThrowError(
      expect.objectContaining({ code: 'ROUTE_PATTERN_INVALID' }),
    );
  });
});
