/**
 * kill -9 the standalone proxy during a burst of route changes through the admin API, restart
 * it on the same SQLite file: every acknowledged change is there and the history chains up.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Route, RouteChange } from '../../proxy/model.ts';
import { recordFigure } from './figures.ts';
import { adminPut, configText, TOKEN } from './harness.ts';
import { type RecordingServer, startRecordingServer } from './recording-server.ts';
import { startStandalone } from './standalone.ts';

const ROUNDS = 2;
const ROUTES = 10;

const get = async <T>(url: string): Promise<T> =>
  (await (await fetch(url, { headers: { authorization: `Bearer ${TOKEN}` } })).json()) as T;

describe('crash safety of the route store', () => {
  let dir: string;
  let orders: RecordingServer;
  let monolith: RecordingServer;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'strangler-crash-'));
    monolith = await startRecordingServer('monolith');
    orders = await startRecordingServer('orders');
  });
  afterAll(async () => {
    await monolith.close();
    await orders.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it(`keeps every acknowledged change over ${ROUNDS} kill -9 during change bursts`, async () => {
    const file = join(dir, 'proxy.yaml');
    const routes = Array.from(
      { length: ROUTES },
      (_, i) => `  - { method: GET, path: /api/r${i}/:id, service: orders, mode: monolith }`,
    ).join('\n');
    writeFileSync(
      file,
      configText(`monolith: ${monolith.url}\nservices: { orders: ${orders.url} }\nroutes:\n${routes}\n`),
    );
    const acknowledged = new Map<number, string>();
    let attempted = 0;
    let n = 0;
    for (let round = 0; round < ROUNDS; round++) {
      const { child, ready } = startStandalone(file);
      const base = (await ready).admin;
      let killed = false;
      const writer = async () => {
        while (!killed) {
          const i = n++;
          const setting =
            i % 3 === 0
              ? { mode: 'canary', percent: i % 100 }
              : i % 3 === 1
                ? { mode: 'service' }
                : { mode: 'monolith' };
          attempted++;
          try {
            const response = await adminPut(base, `GET /api/r${i % ROUTES}/:id`, {
              ...setting,
              reason: `change-${i}`,
            });
            if (response.status === 200) {
              const { change } = (await response.json()) as { change: RouteChange | null };
              if (change) acknowledged.set(change.revision, `change-${i}`);
            }
          } catch {
            // The process was killed under this request: not acknowledged.
          }
        }
      };
      const writers = Array.from({ length: 4 }, writer);
      // Kill mid-burst: after at least 15 acknowledged changes this round (or 5 s on a slow machine).
      const before = acknowledged.size;
      const started = Date.now();
      while (acknowledged.size - before < 15 + round * 10 && Date.now() - started < 5000) {
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGKILL');
      killed = true;
      await exited;
      await Promise.all(writers);
    }

    // Restart once more and read what survived.
    const { child, ready } = startStandalone(file);
    const base = (await ready).admin;
    const history = await get<RouteChange[]>(`${base}/history?limit=1000`);
    const table = await get<{ revision: number; routes: Route[] }>(`${base}/routes`);
    child.kill('SIGKILL');

    const byRevision = new Map(history.map((change) => [change.revision, change]));
    const kinds = [...new Set(history.map((change) => change.kind))].join(',');
    const lost = [...acknowledged].filter(
      ([revision, reason]) => byRevision.get(revision)?.reason !== reason,
    );
    // Consistent: revisions unique, each route's changes chain (before = previous after), and
    // the table shows each route's last `after`.
    const problems: string[] = [];
    // A config seed or plan import is one revision for all the routes it creates; any other change has its own.
    const single = history.filter((change) => change.kind !== 'config' && change.kind !== 'import');
    const duplicated = single.length - new Set(single.map((change) => change.revision)).size;
    if (duplicated > 0) problems.push(`${duplicated} duplicate revisions`);
    const chronological = [...history].sort((a, b) => a.revision - b.revision);
    const last = new Map<string, RouteChange>();
    for (const change of chronological) {
      const previous = last.get(change.routeId);
      if (previous && JSON.stringify(previous.after) !== JSON.stringify(change.before)) {
        problems.push(
          `revision ${change.revision} of ${change.routeId} does not start where ${previous.revision} ended`,
        );
      }
      last.set(change.routeId, change);
    }
    for (const route of table.routes) {
      const after = last.get(route.id)?.after;
      if (after && (after.mode !== route.mode || after.percent !== route.percent)) {
        problems.push(
          `${route.id} is ${route.mode}/${route.percent} but its history ends at ${after.mode}/${after.percent}`,
        );
      }
    }
    if (table.revision !== chronological.at(-1)?.revision)
      problems.push(`table revision ${table.revision} is not the last change`);

    recordFigure({
      tried: 'crash: acknowledged changes lost after kill -9',
      times: acknowledged.size,
      failed: lost.length,
      goal: '0',
      met: lost.length === 0,
      note: `${ROUNDS} kills, ${attempted} changes attempted by 4 writers, standalone process`,
    });
    recordFigure({
      tried: 'crash: history inconsistencies',
      times: history.length,
      failed: problems.length,
      goal: '0',
      met: problems.length === 0,
      note: `kinds ${kinds}; revisions unique, each route's changes chain`,
    });
    expect(acknowledged.size).toBeGreaterThan(20);
    expect(lost).toEqual([]);
    expect(problems).toEqual([]);
  });
});
