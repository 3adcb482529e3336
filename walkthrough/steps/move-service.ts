import { join } from 'node:path';
import type { Route } from '../../proxy/model.ts';
import { createAdminReader } from '../admin-client.ts';
import type { ExtractedService } from '../extracted-services.ts';
import type { RunContext } from '../run-context.ts';
import { freePort, waitForHttp } from '../supervisor.ts';
import { describeShare, shareSince } from '../traffic/share.ts';

const actor = { actor: 'walkthrough' };

/** Starts an extracted service on its own copy of the data, kept current by `strangler sync`. */
export async function startService(
  run: RunContext,
  service: ExtractedService,
  port?: number,
): Promise<string> {
  const db = join(run.tmp, `${service.name}.db`);
  const cli = join(run.root, 'bin/strangler.js');
  const options = { cwd: run.tmp, env: run.env };
  if (!run.services.has(service.name)) {
    await run.supervisor.run(
      `sync-init-${service.name}`,
      [cli, 'sync', '--init', '--from', run.monolith!.db, '--to', db, '--tables', service.tables.join(',')],
      options,
    );
    run.supervisor.start(
      `sync-${service.name}`,
      [cli, 'sync', '--from', run.monolith!.db, '--to', db, '--follow', '--interval', '100'],
      options,
    );
  }
  const servicePort = port ?? (await freePort());
  run.supervisor.start(service.name, ['--import', 'tsx', 'server.ts'], {
    cwd: service.dir,
    // The services still ask the monolith who a session belongs to (see extracted/README.md);
    // their tables come from `strangler sync --init` above, so no MONOLITH_DB copy on start.
    env: {
      ...run.env,
      PORT: String(servicePort),
      HOST: '127.0.0.1',
      DB_FILE: db,
      MONOLITH_URL: run.monolith!.url,
    },
  });
  const url = `http://127.0.0.1:${servicePort}`;
  await waitForHttp(`${url}/healthz`, 30_000, run.signal);
  run.services.set(service.name, url);
  return url;
}

/** Step 4, per service: start it, shadow its routes until ready, then canary 10% → 50% → service. */
export async function moveService(run: RunContext, service: ExtractedService): Promise<void> {
  const proxy = run.proxy!;
  const url = await startService(run, service);
  run.narrator.say(`  ${service.name.padEnd(11)} ${url}  (copied and syncing: ${service.tables.join(', ')})`);

  await proxy.reload({ ...proxy.config, services: { ...proxy.config.services, [service.name]: url } });
  proxy.store.importPlan({ ...service.plan, services: [{ name: service.name, url }] }, actor);
  const routes = service.plan.routes
    .map((r) => proxy.store.findRoute(`${r.method} ${r.path}`))
    .filter((route): route is Route => route !== undefined);
  for (const route of routes) {
    proxy.store.setRoute(
      route.id,
      { mode: 'shadow', service: service.name },
      { ...actor, reason: 'compare before moving' },
    );
  }
  run.narrator.say(
    `  shadow      ${routes.length} routes: the monolith answers, ${service.name} gets a copy to compare`,
  );

  const { ready, why } = await waitForReadiness(run, routes);
  if (ready.length === 0) {
    run.narrator.say(`  not ready   ${why}: ${service.name} stays in shadow, users never see its answers`);
    return;
  }
  run.narrator.say(
    `  ready       ${ready.length} of ${routes.length} routes (the others are writes or saw too little traffic: they stay in shadow)`,
  );
  for (const [mode, percent] of [
    ['canary', 10],
    ['canary', 50],
    ['service', 100],
  ] as const) {
    const before = { ...run.traffic!.counters.byTarget };
    for (const route of ready) {
      proxy.store.setRoute(
        route.id,
        { mode, percent, service: service.name },
        { ...actor, reason: `ready in shadow: ${mode} ${percent}%` },
      );
    }
    await run.wait(4);
    const label = mode === 'canary' ? `canary ${percent}%` : 'service';
    run.narrator.say(
      `  ${label.padEnd(11)} traffic now: ${describeShare(shareSince(run.traffic!.counters, before))}, ${run.traffic!.counters.failed} failed`,
    );
  }
}

async function waitForReadiness(run: RunContext, routes: Route[]): Promise<{ ready: Route[]; why: string }> {
  const reader = createAdminReader(run.admin!);
  const ids = new Set(routes.map((route) => route.id));
  const deadline = Date.now() + (run.speed === 'fast' ? 20_000 : 60_000);
  let ready: Route[] = [];
  let why = 'no comparisons yet';
  while (Date.now() < deadline) {
    run.signal.throwIfAborted();
    const report = await reader.diffs();
    const mine = report.filter((r) => ids.has(r.routeId));
    const comparisons = mine.reduce((sum, r) => sum + r.readiness.comparisons, 0);
    const matched = mine.reduce((sum, r) => sum + r.counters.matched, 0);
    const readyIds = new Set(mine.filter((r) => r.readiness.ready).map((r) => r.routeId));
    ready = routes.filter((route) => readyIds.has(route.id));
    run.narrator.status(
      `  comparing   ${comparisons} comparisons, match rate ${comparisons ? ((matched / comparisons) * 100).toFixed(2) : '–'}%, ${ready.length}/${routes.length} routes ready`,
    );
    const notReady = mine.filter((r) => !r.readiness.ready && r.readiness.comparisons > 0);
    const waitingOn = notReady.length;
    const example = notReady[0];
    if (example)
      why = `${example.routeKey}: ${example.readiness.reason ?? 'not ready'}${example.topPaths[0] ? ` (differs at ${example.topPaths[0].path})` : ''}`;
    if (ready.length > 0 && waitingOn === 0) break;
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  run.narrator.say();
  return { ready, why };
}
