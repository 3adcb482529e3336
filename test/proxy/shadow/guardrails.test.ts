import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { decideGuardrail } from '../../../proxy/shadow/guardrail-decision.ts';
import { createGuardrails } from '../../../proxy/shadow/guardrails.ts';
import { guardrailOptionsSchema } from '../../../proxy/shadow/options.ts';
import type { RouteStore } from '../../../proxy/store/route-store.ts';
import { openRouteStore } from '../../../proxy/store/sqlite-route-store.ts';

const options = guardrailOptionsSchema.parse({ windowSeconds: 60, minRequests: 20, maxErrorRate: 0.05 });

describe('guardrail decision', () => {
  it('rolls back a canary whose service errors on more than 5% of 40 requests', () => {
    const decision = decideGuardrail(
      'canary',
      { requests: 40, errors: 3, comparisons: 0, mismatches: 0 },
      options,
    );
    expect(decision).toEqual({
      rollback: true,
      reason: 'guardrail: service error rate 7.5% over 40 requests in 60s (3 failed) exceeds 5.0%',
    });
  });

  it('waits for enough traffic, and judges neither monolith nor shadow routes', () => {
    expect(
      decideGuardrail('service', { requests: 10, errors: 10, comparisons: 0, mismatches: 0 }, options)
        .rollback,
    ).toBe(false);
    expect(
      decideGuardrail('shadow', { requests: 99, errors: 99, comparisons: 99, mismatches: 99 }, options)
        .rollback,
    ).toBe(false);
    expect(
      decideGuardrail('service', { requests: 100, errors: 5, comparisons: 0, mismatches: 0 }, options)
        .rollback,
    ).toBe(false);
  });

  it('rolls back a canary that is still mirrored when its mismatch rate crosses the threshold', () => {
    const decision = decideGuardrail(
      'canary',
      { requests: 0, errors: 0, comparisons: 25, mismatches: 5 },
      options,
    );
    expect(decision).toEqual({
      rollback: true,
      reason: 'guardrail: service mismatch rate 20.0% over 25 comparisons in 60s (5 mismatched) exceeds 5.0%',
    });
  });
});

describe('guardrails over a real route store', () => {
  let dir: string;
  let store: RouteStore;
  let clock: number;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'strangler-guardrail-'));
    store = openRouteStore(join(dir, 'proxy.db'));
    store.seed(
      {
        monolith: 'http://127.0.0.1:3000',
        services: [{ name: 'orders-service', url: 'http://127.0.0.1:4001' }],
        routes: [
          {
            key: 'GET /api/orders/:id',
            methods: ['GET'],
            path: '/api/orders/:id',
            mode: 'shadow',
            percent: 0,
            service: 'orders-service',
          },
        ],
      },
      { actor: 'config' },
    );
    store.setRoute(
      'GET /api/orders/:id',
      { mode: 'canary', percent: 10 },
      { actor: 'alice', reason: 'shadow ready' },
    );
    clock = Date.parse('2026-11-23T10:00:00Z');
  });
  afterEach(() => {
    store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('rolls the canary back to shadow once, with a history row by guardrail saying why', async () => {
    const routeId = store.findRoute('GET /api/orders/:id')!.id;
    const guardrails = createGuardrails({
      options,
      getTable: () => store.getTable(),
      rollback: (change) => store.rollback(change.routeId, { actor: change.actor, reason: change.reason }),
      now: () => clock,
    });
    for (let i = 0; i < 30; i++) {
      clock += 500;
      guardrails.recordServiceResult(routeId, { error: i % 4 === 0 });
    }
    await new Promise((resolve) => setImmediate(resolve));
    expect(guardrails.rollbacks).toHaveLength(1);
    expect(store.findRoute(routeId)).toMatchObject({ mode: 'shadow' });
    const [latest] = store.history({ route: routeId, limit: 1 });
    expect(latest).toMatchObject({
      actor: 'guardrail',
      before: { mode: 'canary' },
      after: { mode: 'shadow' },
    });
    expect(latest!.reason).toMatch(
      /^guardrail: service error rate 2\d\.\d% over 20 requests in 60s \(\d+ failed\) exceeds 5\.0%$/,
    );
  });

  it('forgets errors older than the window', async () => {
    const routeId = store.findRoute('GET /api/orders/:id')!.id;
    const guardrails = createGuardrails({
      options,
      getTable: () => store.getTable(),
      rollback: (change) => store.rollback(change.routeId, { actor: change.actor, reason: change.reason }),
      now: () => clock,
    });
    for (let i = 0; i < 10; i++) guardrails.recordServiceResult(routeId, { error: true });
    clock += 61_000;
    for (let i = 0; i < 40; i++) guardrails.recordServiceResult(routeId, { error: false });
    await new Promise((resolve) => setImmediate(resolve));
    expect(guardrails.rollbacks).toHaveLength(0);
    expect(store.findRoute(routeId)).toMatchObject({ mode: 'canary', percent: 10 });
  });

  /** Guardrails wired as createProxy wires them: with the history and `rollback --revision`. */
  const wired = () =>
    createGuardrails({
      options,
      getTable: () => store.getTable(),
      history: (routeId) => store.history({ route: routeId, limit: 100 }),
      rollback: (change) =>
        store.rollback(change.routeId, {
          actor: change.actor,
          reason: change.reason,
          kind: 'auto-rollback',
          revision: change.revision,
        }),
      now: () => clock,
    });
  const failFor = async (guardrails: ReturnType<typeof createGuardrails>, routeId: string) => {
    for (let i = 0; i < 20; i++) {
      clock += 100;
      guardrails.recordComparison(routeId, false);
    }
    await new Promise((resolve) => setImmediate(resolve));
  };

  it('steps a failing canary down its own ladder and never re-applies what it undid', async () => {
    const routeId = store.findRoute('GET /api/orders/:id')!.id;
    store.setRoute(routeId, { mode: 'canary', percent: 25 }, { actor: 'alice', reason: 'next step' });
    const guardrails = wired();
    await failFor(guardrails, routeId);
    expect(store.findRoute(routeId)).toMatchObject({ mode: 'canary', percent: 10 });
    // Still mismatching at 10%: back to shadow, not "undo the undo" to 25%.
    await failFor(guardrails, routeId);
    expect(store.findRoute(routeId)).toMatchObject({ mode: 'shadow' });
    const kinds = store.history({ route: routeId, limit: 2 }).map((c) => [c.kind, c.after?.mode]);
    expect(kinds).toEqual([
      ['auto-rollback', 'shadow'],
      ['auto-rollback', 'canary'],
    ]);
  });

  it("does not undo a person's rollback when the canary they kept fails", async () => {
    const routeId = store.findRoute('GET /api/orders/:id')!.id;
    store.setRoute(routeId, { mode: 'canary', percent: 50 }, { actor: 'alice', reason: 'too fast' });
    store.rollback(routeId, { actor: 'bob', reason: '50% is too much' });
    expect(store.findRoute(routeId)).toMatchObject({ mode: 'canary', percent: 10 });
    await failFor(wired(), routeId);
    expect(store.findRoute(routeId)).toMatchObject({ mode: 'shadow' });
  });
});
