/**
 * The proxy records route keys; the traffic signal reads them as endpoint ids. On the checked-in
 * sample plan every route, as the proxy stores it, names an endpoint of the sample analysis;
 * keys written by hand in a proxy config resolve by shape.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Analysis } from '../../../analyzer/analysis.ts';
import { createEndpointResolver, summariseTraffic } from '../../../analyzer/graph/traffic-signal.ts';
import { toRoute } from '../../../proxy/config/route-key.ts';
import { parseRoutePlan } from '../../../proxy/store/plan.ts';

const reports = new URL('../../../reports/sample-monolith/', import.meta.url);

describe('route keys as endpoint ids', () => {
  it("maps every route of the sample plan to its endpoint's module", () => {
    const analysis = JSON.parse(readFileSync(new URL('analysis.json', reports), 'utf8')) as Analysis;
    const plan = parseRoutePlan(JSON.parse(readFileSync(new URL('routes.plan.json', reports), 'utf8')));
    const endpointModule = new Map(analysis.endpoints.map((e) => [e.id, e.file]));
    const resolve = createEndpointResolver(endpointModule);
    const keys = plan.routes.map((route) => toRoute(route).key);
    expect(keys.length).toBeGreaterThan(50);
    for (const key of keys) expect(resolve(key), key).toBe(endpointModule.get(key));
    expect(summariseTraffic({ sessions: [{ endpoints: keys }] }, endpointModule).unmatchedEndpoints).toBe(0);
  });

  it('resolves hand-written keys by method and shape, and never a prefix route', () => {
    const resolve = createEndpointResolver(
      new Map([
        ['GET /api/orders/:orderId', 'src/orders/read.ts'],
        ['PUT /api/orders/:orderId', 'src/orders/write.ts'],
        ['GET /api/cart', 'src/cart/cart.ts'],
        ['HEAD /api/cart', 'src/cart/cart.ts'],
        ['ALL /legacy/export', 'src/legacy.ts'],
      ]),
    );
    expect(resolve('GET /api/Orders/:id/')).toBe('src/orders/read.ts');
    expect(resolve('GET,HEAD /api/cart')).toBe('src/cart/cart.ts');
    expect(resolve('* /api/cart')).toBe('src/cart/cart.ts');
    // Two modules could have served it: no guess.
    expect(resolve('* /api/orders/:id')).toBeUndefined();
    expect(resolve('POST /legacy/export')).toBe('src/legacy.ts');
    expect(resolve('* /api/orders/*')).toBeUndefined();
    expect(resolve('DELETE /api/cart')).toBeUndefined();
  });
});
