import { describe, expect, it } from 'vitest';
import { normaliseTarget } from '../../../proxy/routing/normalise-path.ts';

const path = (raw: string) => {
  const result = normaliseTarget(raw);
  return result.ok ? result.path + result.query : `rejected: ${result.reason}`;
};

describe('normaliseTarget', () => {
  it('leaves an ordinary path and its query untouched', () => {
    expect(path('/api/orders/7?expand=items&x=%2F')).toBe('/api/orders/7?expand=items&x=%2F');
  });

  it('decodes escaped unreserved characters and upper-cases the other escapes', () => {
    expect(path('/%61pi/%7euser/caf%c3%a9')).toBe('/api/~user/caf%C3%A9');
  });

  it('collapses empty segments and resolves dot segments, never above the root', () => {
    expect(path('//api///orders/./7')).toBe('/api/orders/7');
    expect(path('/api/orders/../../../../admin')).toBe('/admin');
    expect(path('/api/orders/%2e%2E/admin')).toBe('/api/admin');
    expect(path('/api/orders/.%2e')).toBe('/api/');
  });

  it('keeps a trailing slash and leaves case alone (the matcher ignores both)', () => {
    expect(path('/API/Orders/')).toBe('/API/Orders/');
  });

  it('takes the path of an absolute-form target', () => {
    expect(path('http://shop.example/api/orders?x=1')).toBe('/api/orders?x=1');
    expect(path('http://shop.example?x=1')).toBe('/?x=1');
  });

  it('rejects what servers disagree about', () => {
    expect(path('/api/orders%2F7')).toBe('rejected: encoded-separator');
    expect(path('/api/orders%5c7')).toBe('rejected: encoded-separator');
    expect(path('/api\\orders')).toBe('rejected: backslash');
    expect(path('/api/%00')).toBe('rejected: nul');
    expect(path('/api/%g1')).toBe('rejected: malformed-escape');
    expect(path('/api/%4')).toBe('rejected: malformed-escape');
    expect(path('*')).toBe('rejected: not-origin-form');
  });
});
