/**
 * Steady load through the proxy while the service is killed and restarted, answers slowly,
 * has its routes changed 20 times, and the config file is reloaded with valid and invalid content.
 */
import { writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordFigure } from './figures.ts';
import { adminPut, configText, type ProxyUnderTest, startProxy, TOKEN } from './harness.ts';
import { type RecordingServer, startRecordingServer } from './recording-server.ts';

interface Tally {
  safe: number;
  safeFailed: number;
  unsafe: number;
  /** Unsafe requests that failed although no upstream had received them. */
  unsafeFailedUnreceived: number;
  unsafeFailedReceived: number;
  /**
   * POSTs written whole onto a connection the service had open, reset by the kill before the
   * service read them: from the proxy's side indistinguishable from one it read and then
   * died on, so never resent (see docs/reliability.md).
   */
  inTransit: number;
  failures: string[];
}

describe('proxy under load with faults', () => {
  let monolith: RecordingServer;
  let orders: RecordingServer;
  let p: ProxyUnderTest;
  const routes = (extra = '') => `monolith: ${monolith.url}
services: { orders: ${orders.url} }
breaker: { failures: 5, openSeconds: 1 }
routes:
  - { method: GET, path: /api/orders/:id, service: orders, mode: service }
  - { method: POST, path: /api/orders, service: orders, mode: service }
${extra}`;

  beforeAll(async () => {
    monolith = await startRecordingServer('monolith');
    orders = await startRecordingServer('orders');
    p = await startProxy(routes());
  });
  afterAll(async () => {
    await p.close();
    await monolith.close();
    await orders.close();
  });

  let seq = 0;
  /** Four clients, each alternating GET and POST, until `during` resolves. */
  async function underLoad(label: string, during: () => Promise<void>): Promise<Tally> {
    const tally: Tally = {
      safe: 0,
      safeFailed: 0,
      unsafe: 0,
      unsafeFailedUnreceived: 0,
      unsafeFailedReceived: 0,
      inTransit: 0,
      failures: [],
    };
    const unsafeFailed: string[] = [];
    const why = new Map<string, string>();
    let stop = false;
    const client = async (n: number) => {
      while (!stop) {
        const post = seq % 2 === 0;
        const id = `${label}-${post ? 'post' : 'get'}-${n}-${seq++}`;
        try {
          const response = await fetch(post ? `${p.base}/api/orders` : `${p.base}/api/orders/${seq}`, {
            method: post ? 'POST' : 'GET',
            headers: { 'x-request-id': id, 'content-type': 'application/json' },
            body: post ? JSON.stringify({ id }) : undefined,
          });
          const body = await response.text();
          const ok = response.status === 200 && /"servedBy":"(monolith|orders)"/.test(body);
          if (post) {
            tally.unsafe++;
            if (!ok) {
              unsafeFailed.push(id);
              why.set(id, `${response.status} ${body.slice(0, 160)}`);
            }
          } else {
            tally.safe++;
            if (!ok) {
              tally.safeFailed++;
              tally.failures.push(`${id}: ${response.status} ${body.slice(0, 120)}`);
            }
          }
        } catch (error) {
          if (post) {
            tally.unsafe++;
            unsafeFailed.push(id);
            why.set(id, String(error));
          } else {
            tally.safeFailed++;
            tally.safe++;
            tally.failures.push(`${id}: ${String(error)}`);
          }
        }
      }
    };
    const clients = Array.from({ length: 4 }, (_, n) => client(n));
    await during();
    stop = true;
    await Promise.all(clients);
    const arrived = new Set([...orders.arrived, ...monolith.arrived]);
    for (const id of unsafeFailed) {
      if (arrived.has(id)) tally.unsafeFailedReceived++;
      else if (label === 'kill' && why.get(id)?.includes('service reset')) tally.inTransit++;
      else {
        tally.unsafeFailedUnreceived++;
        tally.failures.push(`${id}: unsafe request failed and no upstream received it: ${why.get(id)}`);
      }
    }
    return tally;
  }

  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
  const results: Record<string, Tally> = {};

  it('(a) service killed and restarted 5 times', async () => {
    results.kill = await underLoad('kill', async () => {
      for (let i = 0; i < 5; i++) {
        await sleep(300);
        await orders.kill();
        await sleep(300);
        await orders.restart();
      }
      await sleep(300);
    });
  });

  it('(b) service answering 300 ms late', async () => {
    results.slow = await underLoad('slow', async () => {
      orders.delayMs = 300;
      await sleep(3000);
      orders.delayMs = 0;
    });
  });

  it('(c) routes changed 20 times', async () => {
    const modes = [
      { mode: 'monolith' },
      { mode: 'canary', percent: 50 },
      { mode: 'service' },
      { mode: 'shadow' },
    ];
    const statuses: number[] = [];
    results.routes = await underLoad('routes', async () => {
      for (let i = 0; i < 20; i++) {
        // POST is never shadowed here: a mirror would be a deliberate second delivery.
        const get = i % 2 === 0;
        const mode = get ? modes[(i / 2) % modes.length] : modes[((i - 1) / 2) % 3];
        statuses.push(
          (await adminPut(p.admin, get ? 'GET /api/orders/:id' : 'POST /api/orders', mode)).status,
        );
        await sleep(100);
      }
    });
    expect(statuses.filter((s) => s !== 200)).toEqual([]);
  });

  it('(d) config file reloaded 10 times, valid and invalid', async () => {
    const statuses: number[] = [];
    results.reload = await underLoad('reload', async () => {
      for (let i = 0; i < 10; i++) {
        const valid = i % 2 === 0;
        writeFileSync(
          p.file,
          valid
            ? configText(routes(`  - { method: GET, path: /api/extra${i}, service: orders, mode: service }`))
            : configText(`${routes()}  - { method: GET, path: nope, mode: sideways }\n`),
        );
        const response = await fetch(`${p.admin}/reload`, {
          method: 'POST',
          headers: { authorization: `Bearer ${TOKEN}` },
        });
        statuses.push(response.status);
        await sleep(150);
      }
    });
    expect(statuses).toEqual([200, 422, 200, 422, 200, 422, 200, 422, 200, 422]);
  });

  it('no safe request failed; unsafe ones failed only when received; none sent twice', () => {
    const all = Object.values(results);
    const sum = (pick: (t: Tally) => number) => all.reduce((n, t) => n + pick(t), 0);
    const ids = [...orders.received, ...monolith.received].flatMap((r) =>
      r.id?.includes('-post-') ? [r.id] : [],
    );
    const twice = ids.length - new Set(ids).size;
    const scenarios = 'kill/restart ×5, 300 ms slow, 20 route changes, 10 reloads (5 invalid)';
    recordFigure({
      tried: 'load+faults: safe (GET) requests',
      times: sum((t) => t.safe),
      failed: sum((t) => t.safeFailed),
      goal: '0',
      met: sum((t) => t.safeFailed) === 0,
      note: scenarios,
    });
    recordFigure({
      tried: 'load+faults: unsafe (POST) failed, never received',
      times: sum((t) => t.unsafe),
      failed: sum((t) => t.unsafeFailedUnreceived),
      goal: '0',
      met: sum((t) => t.unsafeFailedUnreceived) === 0,
      note: `${sum((t) => t.unsafeFailedReceived)} failed after the service received them (allowed)`,
    });
    const inTransit = sum((t) => t.inTransit);
    recordFigure({
      tried: 'load+faults: POSTs in flight when service killed',
      times: results.kill!.unsafe,
      failed: inTransit,
      goal: '0',
      met: inTransit === 0,
      note: '502: written, reset before the service read them; not provably unsent, see docs',
    });
    recordFigure({
      tried: 'load+faults: POSTs sent upstream twice',
      times: ids.length,
      failed: twice,
      goal: '0',
      met: twice === 0,
    });
    expect(all.flatMap((t) => t.failures).slice(0, 20)).toEqual([]);
    expect(twice).toBe(0);
  });
});
