import type { Route } from '../../proxy/model.ts';
import { createAdminReader } from '../admin-client.ts';
import type { ExtractedService } from '../extracted-services.ts';
import type { RunContext } from '../run-context.ts';
import { describeShare, shareSince } from '../traffic/share.ts';
import { type FakeVersion, startFlakyVersion, startWrongVersion } from './fake-versions.ts';
import { startService } from './move-service.ts';

const actor = { actor: 'walkthrough' };

/** Step 5a: a service dies mid-traffic; requests fall back, the breaker opens; it returns. */
export async function killAndRestart(run: RunContext, service: ExtractedService): Promise<void> {
  const before = { ...run.traffic!.counters.byTarget };
  const failedBefore = run.traffic!.counters.failed;
  const port = Number(new URL(run.services.get(service.name)!).port);
  await run.supervisor.kill(service.name);
  run.narrator.say(`  killed      ${service.name} with SIGKILL`);
  await run.wait(4);
  const stats = await createAdminReader(run.admin!).stats();
  const breaker = stats.live.breakers.find((b) => b.service === service.name);
  run.narrator.say(
    `  meanwhile   ${describeShare(shareSince(run.traffic!.counters, before))}; breaker ${breaker?.state ?? 'closed'}; ` +
      `${run.traffic!.counters.failed - failedBefore} failed`,
  );
  const restarted = { ...run.traffic!.counters.byTarget };
  await startService(run, service, port);
  await run.wait(run.speed === 'fast' ? 5 : 12);
  run.narrator.say(
    `  restarted   traffic since: ${describeShare(shareSince(run.traffic!.counters, restarted))}`,
  );
}

/**
 * Registers a staged version as a service, lets `act` route to it, then puts the route back
 * the way it was and stops the version, whatever happened in between.
 */
async function withStagedVersion(
  run: RunContext,
  route: Route,
  name: string,
  version: FakeVersion,
  act: () => Promise<void>,
): Promise<void> {
  const proxy = run.proxy!;
  const previous = proxy.store.findRoute(route.id)!;
  try {
    await proxy.reload({ ...proxy.config, services: { ...proxy.config.services, [name]: version.url } });
    await act();
  } finally {
    proxy.store.setRoute(
      route.id,
      { mode: previous.mode, percent: previous.percent, service: previous.service ?? undefined },
      { ...actor, reason: `${name} withdrawn` },
    );
    await version.close();
  }
}

/** Step 5b: a wrong version in shadow is caught before any user sees it. */
export async function catchWrongVersion(run: RunContext, route: Route): Promise<void> {
  const name = 'shop-v2-wrong';
  await withStagedVersion(run, route, name, await startWrongVersion(run.monolith!.url), async () => {
    run.proxy!.store.setRoute(
      route.id,
      { mode: 'shadow', service: name },
      { ...actor, reason: 'try a new version' },
    );
    await run.wait(run.speed === 'fast' ? 5 : 10);
    const result = (await createAdminReader(run.admin!).diffs()).find((r) => r.routeId === route.id);
    const paths =
      result?.topPaths
        .slice(0, 2)
        .map((p) => p.path)
        .join(', ') || 'none yet';
    run.narrator.say(
      `  shadow      ${route.key} → ${name}: ${result?.counters.mismatched ?? 0} mismatches caught (${paths})`,
    );
    run.narrator.say(
      `              users got the monolith's answers all along: ${run.traffic!.counters.failed} failed`,
    );
  });
}

/** Step 5c: a canary that errors is rolled back by the guardrail, not by a person. */
export async function guardrailRollback(run: RunContext, route: Route): Promise<void> {
  const name = 'shop-v3-flaky';
  const store = run.proxy!.store;
  await withStagedVersion(run, route, name, await startFlakyVersion(run.monolith!.url), async () => {
    store.setRoute(route.id, { mode: 'shadow', service: name }, { ...actor, reason: 'stage a new version' });
    store.setRoute(
      route.id,
      { mode: 'canary', percent: 50, service: name },
      { ...actor, reason: 'try it on half the users' },
    );
    const deadline = Date.now() + 30_000;
    const last = () => store.history({ route: route.id, limit: 1 })[0];
    while (last()?.actor !== 'guardrail' && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 500));
    const change = last();
    run.narrator.say(
      change?.actor === 'guardrail'
        ? `  guardrail   rolled ${route.key} back to ${change.after?.mode}: ${change.reason}`
        : `  guardrail   did not trigger within 30 s (too little traffic on ${route.key})`,
    );
    run.narrator.say(
      `              every failed answer was retried on the monolith: ${run.traffic!.counters.failed} failed`,
    );
  });
}
