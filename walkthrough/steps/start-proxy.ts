import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseConfig } from '../../proxy/config/load.ts';
import { createProxy } from '../../proxy/index.ts';
import type { RunContext } from '../run-context.ts';
import { describeShare, shareSince } from '../traffic/share.ts';

/** Step 3: the proxy in front of the monolith, every route still on the monolith. */
export async function startProxy(run: RunContext): Promise<void> {
  const token = randomBytes(24).toString('base64url');
  const fast = run.speed === 'fast';
  const config = parseConfig(
    {
      listen: { host: '127.0.0.1', port: 0 },
      admin: { host: '127.0.0.1', port: 0, tokens: [{ name: 'walkthrough', token }] },
      db: join(run.tmp, 'proxy.db'),
      monolith: run.monolith!.url,
      canary: { key: { header: 'x-user-id' } },
      breaker: { failures: 3, openSeconds: fast ? 3 : 10 },
      shadow: {
        readiness: { minComparisons: fast ? 20 : 50, minMatchPercent: 99.9 },
        guardrails: { windowSeconds: fast ? 15 : 30, minRequests: 10, maxErrorRate: 0.05 },
      },
    },
    'walkthrough',
  );
  const proxy = createProxy(config);
  const { port, adminPort } = await proxy.listen();
  run.proxy = proxy;
  run.proxyUrl = `http://127.0.0.1:${port}`;
  run.admin = { url: `http://127.0.0.1:${adminPort}`, token };

  const plan = JSON.parse(await readFile(join(run.outDir, 'reports', 'routes.plan.json'), 'utf8'));
  const imported = proxy.store.importPlan(plan, { actor: 'walkthrough', reason: 'analyzer route plan' });
  run.narrator.say(
    `  proxy       ${run.proxyUrl}  (${imported.changes.length} routes imported, all on the monolith)`,
  );
  run.narrator.say(`  dashboard   ${run.admin.url}/  token ${token}`);

  const before = { ...run.traffic!.counters.byTarget };
  run.traffic!.retarget(run.proxyUrl);
  await run.wait(4);
  run.narrator.say(
    `  traffic     through the proxy: ${describeShare(shareSince(run.traffic!.counters, before))}, ${run.traffic!.counters.failed} failed`,
  );
}
