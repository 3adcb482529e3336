import type { ExportInput } from '../../../proxy/export/types.ts';
import type { Route, RouteTable } from '../../../proxy/model.ts';

function route(
  id: string,
  methods: string[],
  path: string,
  service: string | null,
  mode: Route['mode'],
  percent = 0,
): Route {
  return { id, key: `${methods.join(',')} ${path}`, methods, path, service, mode, percent };
}

/** A table with every mode, a prefix, a parameter, a literal beating a parameter, and a dead service. */
export function sampleTable(urls: {
  monolith: string;
  catalog: string;
  orders: string;
  reviews: string;
}): RouteTable {
  return {
    revision: 42,
    monolith: { name: 'monolith', url: urls.monolith },
    services: [
      { name: 'catalog', url: urls.catalog },
      { name: 'orders', url: urls.orders },
      { name: 'reviews', url: urls.reviews },
    ],
    routes: [
      route('get-api-catalog-products', ['GET'], '/api/catalog/products', 'catalog', 'service'),
      route('get-api-catalog-products-id', ['GET'], '/api/catalog/products/:id', 'catalog', 'canary', 25),
      route(
        'get-api-catalog-products-featured',
        ['GET'],
        '/api/catalog/products/featured',
        'catalog',
        'monolith',
      ),
      route('any-api-orders', ['*'], '/api/orders/*', 'orders', 'shadow'),
      route('post-api-orders', ['POST'], '/api/orders', 'orders', 'monolith'),
      route('get-api-reviews', ['GET'], '/api/reviews/*', 'reviews', 'service'),
    ],
  };
}

export function sampleInput(table: RouteTable, port: number): ExportInput {
  return {
    table,
    canaryKey: { header: 'x-user-id' },
    listen: { host: '127.0.0.1', port },
    breaker: { failures: 3, openSeconds: 10 },
    timeoutMs: 5000,
    servedByHeader: 'x-strangler-served-by',
    source: 'test',
  };
}
