import { describe, expect, it } from 'vitest';
import { toRoutePlan } from '../../../analyzer/report/route-plan.ts';
import { parseRoutePlan } from '../../../proxy/store/plan.ts';
import { loadFixture } from './fixture.ts';

describe('routes.plan.json', () => {
  it('lists every service endpoint as a monolith route, services in extraction order', () => {
    const analysis = loadFixture();
    const plan = toRoutePlan(analysis);
    expect(plan.version).toBe(1);
    expect(plan.services).toEqual(
      ['accounts', 'catalog', 'payments', 'inventory', 'orders'].map((name) => ({ name, url: null })),
    );
    const order = plan.routes.map((route) => route.service).filter((s, i, all) => all.indexOf(s) === i);
    expect(order).toEqual(['accounts', 'catalog', 'payments', 'inventory', 'orders']);
    expect(plan.routes).toHaveLength(analysis.endpoints.length);
    for (const route of plan.routes) {
      expect(route).toMatchObject({ mode: 'monolith', percent: 0 });
      const endpoint = analysis.endpoints.find((e) => e.method === route.method && e.path === route.path);
      expect(endpoint?.service).toBe(route.service);
    }
    expect(plan.routes.filter((r) => r.service === 'catalog').map((r) => `${r.method} ${r.path}`)).toEqual([
      'GET /api/catalog/categories',
      'GET /api/catalog/products',
      'GET /api/catalog/products/:id',
    ]);
  });

  it('is a plan the proxy’s `routes import` accepts as it is', () => {
    const plan = toRoutePlan(loadFixture());
    const imported = parseRoutePlan(JSON.parse(JSON.stringify(plan)), 'routes.plan.json');
    expect(imported.routes).toEqual(plan.routes);
    expect(imported.services.map((s) => s.name)).toEqual(plan.services.map((s) => s.name));
  });

  it('turns an Express `.all()` endpoint into a route for any method', () => {
    const analysis = loadFixture();
    const endpoint = analysis.endpoints.find((e) => e.id === 'GET /api/accounts/me')!;
    endpoint.method = 'ALL';
    const route = toRoutePlan(analysis).routes.find((r) => r.path === '/api/accounts/me');
    expect(route?.method).toBe('*');
  });
});
