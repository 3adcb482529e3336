import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { RouteTable } from '../../../proxy/model.ts';
import { getShadowSettings } from '../../../proxy/shadow/options.ts';
import { createShadowRunner } from '../../../proxy/shadow/runner.ts';
import { openShadowResultStore } from '../../../proxy/store/shadow-results.ts';
import { captureExchange, type RunningServer, shopRoute, startShop } from './shop-servers.ts';

let dir: string;
let monolith: RunningServer;
let catalog: RunningServer;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'strangler-shadow-batching-'));
  [monolith, catalog] = await Promise.all([startShop('monolith'), startShop('catalog-service')]);
});
afterAll(async () => {
  await Promise.all([monolith.close(), catalog.close()]);
  await rm(dir, { recursive: true, force: true });
});

it('writes matches counted in memory on its own timer, for other readers of the database', async () => {
  const route = shopRoute('GET', '/api/products/:id', 'catalog-service');
  const table: RouteTable = {
    revision: 1,
    monolith: { name: 'monolith', url: monolith.url },
    services: [{ name: 'catalog-service', url: catalog.url }],
    routes: [route],
  };
  const file = join(dir, 'proxy.db');
  const writer = openShadowResultStore(file);
  const runner = createShadowRunner({
    getTable: () => table,
    options: getShadowSettings({ learnFirst: 1, learnPercent: 0 }),
    results: writer.store,
    flushEveryMs: 50,
  });
  const reader = openShadowResultStore(file);
  try {
    for (const id of [1, 2, 3, 1, 2])
      runner.onShadow(await captureExchange(monolith.url, route, 'GET', `/api/products/${id}`));
    // No settle() or report() here: only the runner's timer writes.
    const deadline = Date.now() + 5000;
    let counters = reader.store.summaries()[0]?.counters;
    while ((counters?.matched ?? 0) < 5 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 25));
      counters = reader.store.summaries()[0]?.counters;
    }
    expect(counters).toEqual({ matched: 5, mismatched: 0, failed: 0, skipped: 0 });
    expect(reader.store.summaries()[0]!.learnedNoise.map((noise) => noise.path)).toEqual(['$.generatedAt']);
  } finally {
    await runner.close();
    writer.close();
    reader.close();
  }
});
