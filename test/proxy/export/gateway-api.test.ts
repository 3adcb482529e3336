import { HTTPRoute } from '@kubernetes-models/gateway-api/gateway.networking.k8s.io/v1/HTTPRoute';
import { Service } from 'kubernetes-models/v1/Service';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { toGatewayApiYaml } from '../../../proxy/export/gateway-api.ts';
import type { Route } from '../../../proxy/model.ts';
import { sampleInput, sampleTable } from './sample-table.ts';

const urls = {
  monolith: 'http://127.0.0.1:3000',
  catalog: 'http://127.0.0.1:4001',
  orders: 'http://127.0.0.1:4002',
  reviews: 'http://127.0.0.1:4003',
};

function documents(text: string): any[] {
  return parseAllDocuments(text).map((doc) => doc.toJS());
}

/** Validates with the published Gateway API CRD and Kubernetes core schemas. */
function validate(resource: any): void {
  if (resource.kind === 'HTTPRoute') new HTTPRoute(resource).validate();
  else if (resource.kind === 'Service') new Service(resource).validate();
  else throw new Error(`unexpected kind ${resource.kind}`);
}

describe('Gateway API export', () => {
  it('produces resources valid against the HTTPRoute v1 and Service schemas', () => {
    const docs = documents(toGatewayApiYaml(sampleInput(sampleTable(urls), 8080)));
    expect(docs.map((doc) => doc.kind)).toEqual(['Service', 'Service', 'Service', 'Service', 'HTTPRoute']);
    for (const doc of docs) validate(doc);
  });

  it('the validator catches an invalid route', () => {
    const [route] = documents(toGatewayApiYaml(sampleInput(sampleTable(urls), 8080))).filter(
      (d) => d.kind === 'HTTPRoute',
    );
    route.spec.rules[0].matches[0].path.type = 'Glob';
    expect(() => validate(route)).toThrow(/path\/type/);
  });

  it('weights a canary, mirrors a shadow route and keeps everything else on the monolith', () => {
    const route = documents(toGatewayApiYaml(sampleInput(sampleTable(urls), 8080))).find(
      (d) => d.kind === 'HTTPRoute',
    );
    const rules = route.spec.rules as any[];
    const canary = rules.find((r) => r.matches[0].path.value === '^/api/catalog/products/[^/]+/?$');
    expect(canary.backendRefs).toEqual([
      { name: 'strangler-catalog', port: 80, weight: 25 },
      { name: 'strangler-monolith', port: 80, weight: 75 },
    ]);
    const mirrored = rules.filter((r) => r.filters?.[0]?.type === 'RequestMirror');
    expect(mirrored).toHaveLength(1);
    expect(mirrored[0].matches.map((m: any) => m.method)).toEqual(['GET', 'HEAD']);
    expect(rules.at(-1)).toEqual({
      matches: [{ path: { type: 'PathPrefix', value: '/' } }],
      backendRefs: [{ name: 'strangler-monolith', port: 80 }],
    });
  });

  it('splits more than 16 rules over several HTTPRoutes, each valid', () => {
    const table = sampleTable(urls);
    const many: Route[] = Array.from({ length: 40 }, (_, i) => ({
      id: `get-api-item-${i}`,
      key: `GET /api/item-${i}`,
      methods: ['GET'],
      path: `/api/item-${i}`,
      service: 'catalog',
      mode: 'service',
      percent: 0,
    }));
    const docs = documents(
      toGatewayApiYaml(sampleInput({ ...table, routes: [...table.routes, ...many] }, 8080)),
    );
    const routes = docs.filter((d) => d.kind === 'HTTPRoute');
    expect(routes.length).toBeGreaterThan(1);
    for (const doc of docs) validate(doc);
  });
});
