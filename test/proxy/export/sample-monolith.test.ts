import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HTTPRoute } from '@kubernetes-models/gateway-api/gateway.networking.k8s.io/v1/HTTPRoute';
import { Service } from 'kubernetes-models/v1/Service';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse, parseAllDocuments } from 'yaml';
import { envoyBootstrapSchema } from '../../../proxy/export/envoy-schema.ts';
import { exportRouteTable } from '../../../proxy/export/index.ts';
import type { RouteTable } from '../../../proxy/model.ts';
import { compileMatcher } from '../../../proxy/routing/compile-matcher.ts';
import type { RoutePlan } from '../../../proxy/store/plan.ts';
import { openRouteStore } from '../../../proxy/store/sqlite-route-store.ts';
import {
  freePort,
  type NamedUpstream,
  NGINX,
  type RunningNginx,
  startNamedUpstream,
  startNginx,
  testNginxConfig,
  writeNginxPrefix,
} from './nginx-harness.ts';
import { examplePath, midMigration, readPlan } from './sample-plan.ts';
import { sampleInput } from './sample-table.ts';

const pinnedPlan = new URL('../../fixtures/export/sample-monolith.plan.json', import.meta.url);
const currentPlan = new URL('../../../reports/sample-monolith/routes.plan.json', import.meta.url);
const golden = (name: string) => new URL(`../../fixtures/export/golden/${name}`, import.meta.url);

/** The table a proxy store holds after importing the plan, as `strangler routes import` leaves it. */
function tableFromPlan(plan: RoutePlan, monolith: string): { table: RouteTable; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'strangler-plan-'));
  const store = openRouteStore(join(dir, 'proxy.db'));
  store.seed({ monolith, services: [], routes: [] }, { actor: 'config' });
  store.importPlan(plan, { actor: 'test' });
  const table = store.getTable();
  store.close();
  return { table, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

describe('exports of the sample monolith plan', () => {
  const fixedPorts = new Map<string, number>();
  const plan = midMigration(readPlan(pinnedPlan), (name) => {
    if (!fixedPorts.has(name)) fixedPorts.set(name, 4001 + fixedPorts.size);
    return `http://127.0.0.1:${fixedPorts.get(name)}`;
  });

  for (const [target, file] of [
    ['envoy', 'sample-monolith.envoy.yaml'],
    ['gateway-api', 'sample-monolith.gateway-api.yaml'],
    ['nginx', 'sample-monolith.nginx.conf'],
  ] as const) {
    it(`matches the golden ${target} file`, () => {
      const { table, cleanup } = tableFromPlan(plan, 'http://127.0.0.1:3000');
      try {
        const { text } = exportRouteTable(target, sampleInput(table, 8080));
        if (process.env.UPDATE_GOLDEN) writeFileSync(golden(file), text);
        expect(text, 'regenerate with UPDATE_GOLDEN=1 npx vitest run test/proxy/export').toBe(
          readFileSync(golden(file), 'utf8'),
        );
        if (target === 'envoy')
          expect(envoyBootstrapSchema.safeParse(parse(text)).error?.issues ?? []).toEqual([]);
        if (target === 'gateway-api') {
          for (const doc of parseAllDocuments(text).map((d) => d.toJS())) {
            if (doc.kind === 'HTTPRoute') new HTTPRoute(doc).validate();
            else new Service(doc).validate();
          }
        }
      } finally {
        cleanup();
      }
    });
  }
});

describe.skipIf(!NGINX)('nginx running the current sample monolith plan', () => {
  let upstreams: Map<string, NamedUpstream>;
  let nginx: RunningNginx;
  let table: RouteTable;
  let base: string;
  let cleanup: () => void;

  beforeAll(async () => {
    const raw = readPlan(currentPlan);
    const names = ['monolith', ...raw.services.map((service) => service.name)];
    upstreams = new Map(
      await Promise.all(names.map(async (name) => [name, await startNamedUpstream(name)] as const)),
    );
    const plan = midMigration(raw, (name) => upstreams.get(name)!.url);
    ({ table, cleanup } = tableFromPlan(plan, upstreams.get('monolith')!.url));
    const port = await freePort();
    const { prefix, conf } = writeNginxPrefix(exportRouteTable('nginx', sampleInput(table, port)).text);
    testNginxConfig(prefix, conf);
    nginx = await startNginx(prefix, conf, port);
    base = `http://127.0.0.1:${port}`;
  });

  afterAll(async () => {
    await nginx?.stop();
    await Promise.all([...(upstreams?.values() ?? [])].map((upstream) => upstream.close()));
    cleanup?.();
  });

  it('sends every endpoint where the proxy would', async () => {
    const match = compileMatcher(table.routes);
    const wrong: string[] = [];
    for (const route of table.routes) {
      const method = route.methods[0] === '*' ? 'GET' : route.methods[0]!;
      const path = examplePath(route.path);
      const decided = match(method, path);
      const allowed =
        !decided || decided.mode === 'monolith' || decided.mode === 'shadow'
          ? ['monolith']
          : decided.mode === 'service'
            ? [decided.service]
            : [decided.service, 'monolith'];
      const response = await fetch(`${base}${path}`, {
        method,
        body: method === 'GET' || method === 'HEAD' ? undefined : '{}',
      });
      const { servedBy } = (await response.json()) as { servedBy: string };
      if (!allowed.includes(servedBy))
        wrong.push(`${method} ${path}: ${servedBy}, expected ${allowed.join(' or ')}`);
    }
    expect(wrong).toEqual([]);
    expect(table.routes.filter((route) => route.mode === 'service').length).toBeGreaterThan(0);
  });
});
