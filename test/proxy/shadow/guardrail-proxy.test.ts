/**
 * Automatic rollback through the whole proxy: a canary whose service answers 5xx is rolled back
 * to its previous mode by the guardrail, with a history row saying who and why, while clients
 * keep getting the monolith's answers through the data plane's fallback.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { proxyConfigSchema } from '../../../proxy/config/schema.ts';
import { createProxy, type StranglerProxy } from '../../../proxy/index.ts';
import { type RunningServer, startServer, startShop } from './shop-servers.ts';

let dir: string;
let monolith: RunningServer;
let broken: RunningServer;
let proxy: StranglerProxy;
let proxyUrl: string;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'strangler-guardrail-proxy-'));
  monolith = await startShop('monolith');
  broken = await startServer(
    express().use((_req, res) => void res.status(503).json({ error: 'database pool exhausted' })),
  );
  proxy = createProxy(
    proxyConfigSchema.parse({
      listen: { port: 0 },
      db: path.join(dir, 'proxy.db'),
      monolith: monolith.url,
      services: { orders: broken.url },
      routes: [{ method: 'GET', path: '/api/orders/:id', mode: 'shadow', service: 'orders' }],
      shadow: { guardrails: { minRequests: 10, maxErrorRate: 0.2 } },
      breaker: { failures: 1000, openSeconds: 1 },
      stats: { flushIntervalMs: 60_000 },
    }),
  );
  proxyUrl = `http://127.0.0.1:${(await proxy.listen()).port}`;
});

afterAll(async () => {
  await proxy?.close();
  await Promise.all([monolith.close(), broken.close()]);
  rmSync(dir, { recursive: true, force: true });
});

describe('guardrails in the running proxy', () => {
  it('rolls a failing canary back to shadow, with a history row by guardrail', async () => {
    proxy.store.setRoute(
      'GET /api/orders/:id',
      { mode: 'canary', percent: 100 },
      { actor: 'alice', reason: 'shadow looked fine' },
    );
    expect(proxy.getTable().routes[0]).toMatchObject({ mode: 'canary', percent: 100 });
    for (let i = 0; i < 12; i++) {
      const response = await fetch(`${proxyUrl}/api/orders/${1000 + i}`);
      // Safe requests fall back to the monolith on 5xx: clients never see the broken service.
      expect(response.status).toBe(200);
      await response.arrayBuffer();
    }
    for (let attempt = 0; attempt < 100 && proxy.getTable().routes[0]!.mode !== 'shadow'; attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    expect(proxy.getTable().routes[0]).toMatchObject({ mode: 'shadow' });
    const [latest] = proxy.store.history({ route: 'GET /api/orders/:id', limit: 1 });
    expect(latest).toMatchObject({
      actor: 'guardrail',
      before: { mode: 'canary' },
      after: { mode: 'shadow' },
    });
    expect(latest!.reason).toBe(
      'guardrail: service error rate 100.0% over 10 requests in 60s (10 failed) exceeds 20.0%',
    );
  });
});
