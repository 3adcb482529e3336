import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { toEnvoyBootstrap, toEnvoyYaml } from '../../../proxy/export/envoy.ts';
import { envoyBootstrapSchema } from '../../../proxy/export/envoy-schema.ts';
import { sampleInput, sampleTable } from './sample-table.ts';

const urls = {
  monolith: 'http://127.0.0.1:3000',
  catalog: 'http://127.0.0.1:4001',
  orders: 'http://orders.internal:4002',
  reviews: 'http://127.0.0.1:4003',
};
const input = sampleInput(sampleTable(urls), 8080);

interface EnvoyRoute {
  name: string;
  match: {
    safe_regex?: { regex: string };
    headers?: Array<{ string_match: { safe_regex: { regex: string } } }>;
  };
  route: Record<string, any>;
}

function routesOf(bootstrap: any): EnvoyRoute[] {
  return bootstrap.static_resources.listeners[0].filter_chains[0].filters[0].typed_config.route_config
    .virtual_hosts[0].routes;
}

describe('Envoy export', () => {
  it('is a valid bootstrap for the Envoy v3 API subset we emit', () => {
    const parsed = parse(toEnvoyYaml(input));
    const result = envoyBootstrapSchema.safeParse(parsed);
    expect(result.error?.issues ?? []).toEqual([]);
  });

  it('rejects what Envoy would reject: unknown fields and undefined clusters', () => {
    const bootstrap = structuredClone(toEnvoyBootstrap(input)) as any;
    routesOf(bootstrap)[0]!.route.cluster_name = 'typo';
    expect(envoyBootstrapSchema.safeParse(bootstrap).success).toBe(false);
    const dangling = structuredClone(toEnvoyBootstrap(input)) as any;
    routesOf(dangling).at(-1)!.route.cluster = 'nowhere';
    expect(envoyBootstrapSchema.safeParse(dangling).error?.issues[0]?.message).toMatch(/nowhere/);
  });

  it('splits a canary with sticky weights from the configured key', () => {
    const canary = routesOf(toEnvoyBootstrap(input)).find((r) =>
      r.name.startsWith('get-api-catalog-products-id:'),
    )!;
    expect(canary.route.weighted_clusters).toEqual({
      clusters: [
        { name: 'strangler_catalog_with_fallback', weight: 25 },
        { name: 'strangler_monolith', weight: 75 },
      ],
      use_hash_policy: true,
    });
    expect(canary.route.hash_policy).toEqual([{ header: { header_name: 'x-user-id' } }]);
  });

  it('mirrors safe methods of a shadow route, never an unsafe one that did not opt in', () => {
    const shadow = routesOf(toEnvoyBootstrap(input)).filter((r) => r.name.startsWith('any-api-orders:'));
    const mirrored = shadow.filter((r) => r.route.request_mirror_policies);
    expect(mirrored.map((r) => r.match.headers?.[0]?.string_match.safe_regex.regex)).toEqual([
      '^(GET|HEAD)$',
    ]);
    expect(mirrored[0]!.route.request_mirror_policies[0].cluster).toBe('strangler_orders');
    expect(shadow.every((r) => r.route.cluster === 'strangler_monolith')).toBe(true);
    expect(shadow.at(-1)!.match.headers).toBeUndefined();
  });

  it('retries only safe methods after the request was sent, and puts literals before parameters', () => {
    const routes = routesOf(toEnvoyBootstrap(input));
    const service = routes.find((r) => r.name.startsWith('get-api-catalog-products:'))!;
    expect(service.route.retry_policy.retry_on).toContain('5xx');
    const names = routes.map((r) => r.name.split(':')[0]);
    expect(names.indexOf('get-api-catalog-products-featured')).toBeLessThan(
      names.indexOf('get-api-catalog-products-id'),
    );
    expect(routes.at(-1)).toMatchObject({ name: 'default', match: { prefix: '/' } });
  });

  it('gives the same bytes for the same table and names the revision', () => {
    const text = toEnvoyYaml(input);
    expect(toEnvoyYaml(sampleInput(sampleTable(urls), 8080))).toBe(text);
    expect(text.split('\n')[0]).toContain('revision 42');
  });
});
