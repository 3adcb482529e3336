/**
 * The behaviour every RouteStore must have. Run it with `describeRouteStoreContract(name, open)`
 * from a `*.test.ts` file; `open` gets a fresh temporary directory per test.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isStranglerError } from '../../../errors/index.ts';
import { toRoute } from '../../../proxy/config/route-key.ts';
import type { RouteStore, SeedInput } from '../../../proxy/store/route-store.ts';

export const shopSeed: SeedInput = {
  monolith: 'http://127.0.0.1:3000',
  services: [
    { name: 'orders', url: 'http://127.0.0.1:4001' },
    { name: 'catalog', url: 'http://127.0.0.1:4002' },
  ],
  routes: [
    toRoute({ method: 'GET', path: '/api/orders/:id', service: 'orders', mode: 'monolith', percent: 0 }),
    toRoute({ method: 'POST', path: '/api/orders', service: 'orders', mode: 'monolith', percent: 0 }),
    toRoute({ method: '*', path: '/api/products/*', service: 'catalog', mode: 'shadow', percent: 0 }),
  ],
};

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    return isStranglerError(error) ? error.code : `not a StranglerError: ${String(error)}`;
  }
  return undefined;
}

export function describeRouteStoreContract(name: string, open: (dir: string) => RouteStore): void {
  describe(`RouteStore contract: ${name}`, () => {
    let dir: string;
    let store: RouteStore;
    const alice = { actor: 'alice' };

    beforeEach(() => {
      dir = mkdtempSync(join(tmpdir(), 'strangler-store-'));
      store = open(dir);
      store.seed(shopSeed, { actor: 'config' });
    });
    afterEach(() => {
      store.close();
      rmSync(dir, { recursive: true, force: true });
    });

    it('seeds routes with stable ids derived from their keys, in declaration order', () => {
      expect(store.listRoutes().map((r) => [r.id, r.key])).toEqual([
        ['get-api-orders-id', 'GET /api/orders/:id'],
        ['post-api-orders', 'POST /api/orders'],
        ['any-api-products-prefix', '* /api/products/*'],
      ]);
      const table = store.getTable();
      expect(table.monolith.url).toBe('http://127.0.0.1:3000');
      expect(table.services.map((s) => s.name).sort()).toEqual(['catalog', 'orders']);
      expect(Object.isFrozen(table.routes[0])).toBe(true);
    });

    it('finds a route by id or by key, methods case-insensitive', () => {
      expect(store.findRoute('get-api-orders-id')?.key).toBe('GET /api/orders/:id');
      expect(store.findRoute('get /api/orders/:id')?.id).toBe('get-api-orders-id');
      expect(store.findRoute('GET /api/nothing')).toBeUndefined();
    });

    it('records each change with who, before, after and reason, and bumps the revision', () => {
      const before = store.getRevision();
      const change = store.setRoute(
        'GET /api/orders/:id',
        { mode: 'canary', percent: 10 },
        { ...alice, reason: 'try 10%' },
      );
      expect(change).toMatchObject({
        actor: 'alice',
        kind: 'set',
        routeId: 'get-api-orders-id',
        before: { mode: 'monolith', percent: 0, service: 'orders' },
        after: { mode: 'canary', percent: 10, service: 'orders' },
        reason: 'try 10%',
      });
      expect(store.getRevision()).toBe(before + 1);
      expect(store.getTable().revision).toBe(before + 1);
      expect(store.history({ limit: 1 })[0]).toEqual(change);
    });

    it('records nothing when a change sets what is already there', () => {
      const revision = store.getRevision();
      expect(store.setRoute('post-api-orders', { mode: 'monolith' }, alice)).toBeNull();
      expect(store.getRevision()).toBe(revision);
    });

    it('rejects invalid changes without touching the route', () => {
      expect(codeOf(() => store.setRoute('post-api-orders', { mode: 'canary', percent: 101 }, alice))).toBe(
        'PROXY_STORE_INVALID_CHANGE',
      );
      expect(
        codeOf(() => store.setRoute('post-api-orders', { mode: 'service', service: 'billing' }, alice)),
      ).toBe('PROXY_STORE_INVALID_CHANGE');
      expect(codeOf(() => store.setRoute('nope', { mode: 'service' }, alice))).toBe(
        'PROXY_STORE_ROUTE_NOT_FOUND',
      );
      expect(store.findRoute('post-api-orders')?.mode).toBe('monolith');
      expect(store.history({ route: 'post-api-orders' })).toHaveLength(1);
    });

    it('rolls back the last change, as a history row of its own', () => {
      store.setRoute('get-api-orders-id', { mode: 'canary', percent: 10 }, alice);
      store.setRoute('get-api-orders-id', { mode: 'service' }, alice);
      const undo = store.rollback('get-api-orders-id', { actor: 'bob' });
      expect(undo).toMatchObject({ kind: 'rollback', actor: 'bob', after: { mode: 'canary', percent: 10 } });
      expect(store.findRoute('get-api-orders-id')).toMatchObject({ mode: 'canary', percent: 10 });
      expect(store.history({ route: 'get-api-orders-id' }).map((c) => c.kind)).toEqual([
        'rollback',
        'set',
        'set',
        'config',
      ]);
    });

    it('rolls back to the state before a given revision', () => {
      const first = store.setRoute('get-api-orders-id', { mode: 'shadow' }, alice)!;
      store.setRoute('get-api-orders-id', { mode: 'canary', percent: 5 }, alice);
      store.setRoute('get-api-orders-id', { mode: 'service' }, alice);
      store.rollback('get-api-orders-id', { actor: 'bob', revision: first.revision });
      expect(store.findRoute('get-api-orders-id')?.mode).toBe('monolith');
    });

    it('records a guardrail rollback as auto-rollback', () => {
      store.setRoute('get-api-orders-id', { mode: 'canary', percent: 5 }, alice);
      const undo = store.rollback('get-api-orders-id', {
        actor: 'guardrail',
        reason: 'error rate 12%',
        kind: 'auto-rollback',
      });
      expect(undo).toMatchObject({ kind: 'auto-rollback', actor: 'guardrail', reason: 'error rate 12%' });
      expect(store.findRoute('get-api-orders-id')?.mode).toBe('monolith');
    });

    it('takes shadow options from the config on every seed, without touching the route state', () => {
      store.setRoute('any-api-products-prefix', { mode: 'canary', percent: 20 }, alice);
      const products = { ...shopSeed.routes[2]!, shadow: { ignorePaths: ['$.generatedAt'] } };
      const result = store.seed({ ...shopSeed, routes: [products] }, { actor: 'config' });
      expect(result.changes).toEqual([]);
      expect(store.findRoute('any-api-products-prefix')).toMatchObject({
        mode: 'canary',
        percent: 20,
        shadow: { ignorePaths: ['$.generatedAt'] },
      });
    });

    it('refuses to roll back a route whose only change created it', () => {
      expect(codeOf(() => store.rollback('post-api-orders', alice))).toBe('PROXY_STORE_NOTHING_TO_ROLLBACK');
    });

    it('keeps stored settings when seeded again: the store is the source of truth', () => {
      store.setRoute('get-api-orders-id', { mode: 'service' }, alice);
      const again = store.seed(shopSeed, { actor: 'config' });
      expect(again.changes).toEqual([]);
      expect(again.kept).toContain('get-api-orders-id');
      expect(store.findRoute('get-api-orders-id')?.mode).toBe('service');
    });

    it('imports a route plan idempotently', () => {
      const plan = {
        version: 1 as const,
        services: [{ name: 'billing', url: 'http://127.0.0.1:4003' }],
        routes: [
          { method: 'GET', path: '/api/invoices', service: 'billing', mode: 'monolith' as const, percent: 0 },
          {
            method: 'GET',
            path: '/api/orders/:id',
            service: 'orders',
            mode: 'monolith' as const,
            percent: 0,
          },
        ],
      };
      const first = store.importPlan(plan, alice);
      expect(first.changes.map((c) => [c.routeId, c.kind])).toEqual([['get-api-invoices', 'import']]);
      expect(first.services).toEqual(['billing']);
      const revision = store.getRevision();
      const second = store.importPlan(plan, alice);
      expect(second.changes).toEqual([]);
      expect(second.services).toEqual([]);
      expect(store.getRevision()).toBe(revision);
      expect(codeOf(() => store.importPlan({ ...plan, version: 2 } as never, alice))).toBe(
        'PROXY_STORE_INVALID_PLAN',
      );
    });

    it('imports an analyzer plan whose services have no address yet, and refuses to send traffic there', () => {
      const plan = {
        version: 1 as const,
        services: [{ name: 'reviews', url: null }],
        routes: [
          {
            method: 'GET',
            path: '/api/reviews/:id',
            service: 'reviews',
            mode: 'monolith' as const,
            percent: 0,
          },
        ],
      };
      const result = store.importPlan(plan, alice);
      expect(result.changes.map((c) => c.routeId)).toEqual(['get-api-reviews-id']);
      expect(store.getTable().services.map((s) => s.name)).not.toContain('reviews');
      expect(codeOf(() => store.setRoute('GET /api/reviews/:id', { mode: 'service' }, alice))).toBe(
        'PROXY_STORE_INVALID_CHANGE',
      );
      expect(store.findRoute('get-api-reviews-id')?.mode).toBe('monolith');
    });

    it('accumulates traffic per minute, route and target', () => {
      const at = new Date('2026-01-01T10:00:30Z');
      const delta = {
        routeId: 'get-api-orders-id',
        target: 'orders',
        requests: 3,
        errors: 1,
        fallbacks: 0,
        latencyMsSum: 12,
      };
      store.recordTraffic([delta, { ...delta, routeId: null, target: 'monolith' }], at);
      store.recordTraffic([delta], new Date('2026-01-01T10:00:50Z'));
      const rows = store.readTraffic(5, new Date('2026-01-01T10:01:00Z'));
      expect(rows).toContainEqual({
        ...delta,
        requests: 6,
        errors: 2,
        latencyMsSum: 24,
        minute: '2026-01-01T10:00:00.000Z',
      });
      expect(rows.find((r) => r.routeId === null)?.target).toBe('monolith');
    });
  });
}
