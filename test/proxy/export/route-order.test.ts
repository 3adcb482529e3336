import { describe, expect, it } from 'vitest';
import { edgeMethods, orderBySpecificity, toPathRegex } from '../../../proxy/export/route-pattern.ts';
import type { Route } from '../../../proxy/model.ts';
import { compileMatcher } from '../../../proxy/routing/compile-matcher.ts';

function route(methods: string[], path: string): Route {
  const key = `${methods.join(',')} ${path}`;
  return { id: key, key, methods, path, service: 'svc', mode: 'service', percent: 0 };
}

const routes = [
  route(['GET'], '/api/orders/:id'),
  route(['*'], '/api/orders/*'),
  route(['GET'], '/api/orders/export'),
  route(['POST'], '/api/orders'),
  route(['*'], '/api/:domain/health'),
  route(['GET'], '/api/catalog/*'),
  route(['*'], '/api/catalog/products/:id/reviews'),
  route(['PUT'], '/api/catalog/products/:id'),
  route(['GET'], '/'),
];

const requests: Array<[string, string]> = [];
for (const method of ['GET', 'HEAD', 'POST', 'PUT', 'DELETE']) {
  for (const path of [
    '/api/orders/17',
    '/api/orders/export',
    '/api/orders',
    '/api/orders/17/items',
    '/api/orders/health',
    '/api/catalog/health',
    '/api/catalog/products/9/reviews',
    '/api/catalog/products/9',
    '/api/catalog',
    '/API/Orders/Export/',
    '/',
    '/api/unknown',
    '/api/shipping/health',
  ]) {
    requests.push([method, path]);
  }
}

/** The first route in export order whose method and path regex match, as an edge evaluates them. */
function firstEdgeMatch(ordered: Route[], method: string, path: string): Route | null {
  return (
    ordered.find((candidate) => {
      const methods = edgeMethods(candidate);
      return (
        (!methods || methods.includes(method)) && new RegExp(toPathRegex(candidate.path), 'i').test(path)
      );
    }) ?? null
  );
}

describe('export route order', () => {
  it('picks the same route as the proxy for every request', () => {
    const matcher = compileMatcher(routes);
    const ordered = orderBySpecificity(routes);
    const disagreements = requests
      .map(([method, path]) => ({
        method,
        path,
        proxy: matcher(method, path)?.key ?? null,
        edge: firstEdgeMatch(ordered, method, path)?.key ?? null,
      }))
      .filter((row) => row.proxy !== row.edge);
    expect(disagreements).toEqual([]);
  });
});
