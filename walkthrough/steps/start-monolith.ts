import { join } from 'node:path';
import type { RunContext } from '../run-context.ts';
import { freePort, waitForHttp } from '../supervisor.ts';
import { startTraffic } from '../traffic/generator.ts';

/** Step 1: the monolith on a fresh database, and shoppers using it for the whole run. */
export async function startMonolith(run: RunContext): Promise<void> {
  const port = await freePort();
  const db = join(run.tmp, 'shop.db');
  run.supervisor.start('monolith', [join(run.root, 'bin/monolith.js')], {
    cwd: run.tmp,
    env: { ...run.env, PORT: String(port), DB_FILE: db, HOST: '127.0.0.1' },
  });
  const url = `http://127.0.0.1:${port}`;
  await waitForHttp(`${url}/healthz`, 30_000, run.signal);
  run.monolith = { url, db };
  run.narrator.say(`  monolith    ${url}  (database ${db})`);
  run.traffic = await startTraffic({ base: url, requestsPerSecond: run.speed === 'fast' ? 120 : 40 });
  await run.wait(3);
  const c = run.traffic.counters;
  run.narrator.say(
    `  shoppers    ${c.sent} requests so far, ${c.failed} failed: browse, search, cart, checkout, reviews, reports`,
  );
}
