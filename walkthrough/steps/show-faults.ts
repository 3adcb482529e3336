import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Route } from '../../proxy/model.ts';
import { createAdminReader } from '../admin-client.ts';
import type { ExtractedService } from '../extracted-services.ts';
import type { RunContext } from '../run-context.ts';
import { describeShare, shareSince } from '../traffic/share.ts';
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

/** Adds one to the first number in a JSON document: the kind of off-by-one a rewrite ships. */
function withOffByOne(value: unknown): { value: unknown; changed: boolean } {
  if (typeof value === 'number') return { value: value + 1, changed: true };
  if (Array.isArray(value) || (value && typeof value === 'object')) {
    const copy: Record<string, unknown> | unknown[] = Array.isArray(value)
      ? [...value]
      : { ...(value as object) };
    for (const key of Object.keys(copy)) {
      const inner = withOffByOne((copy as Record<string, unknown>)[key]);
      if (inner.changed) {
        (copy as Record<string, unknown>)[key] = inner.value;
        return { value: copy, changed: true };
      }
    }
  }
  return { value, changed: false };
}

/** A copy of the monolith's answers with one deliberate bug (an off-by-one in the first number). */
async function startWrongVersion(upstream: string): Promise<{ url: string; close: () => Promise<void> }> {
  const server: Server = createServer(async (req, res) => {
    try {
      const response = await fetch(`${upstream}${req.url}`, {
        method: req.method,
        headers: { accept: 'application/json' },
      });
      const text = await response.text();
      let body = text;
      try {
        body = JSON.stringify(withOffByOne(JSON.parse(text)).value);
      } catch {
        // not JSON: served as it is
      }
      res.writeHead(response.status, {
        'content-type': response.headers.get('content-type') ?? 'application/json',
      });
      res.end(body);
    } catch {
      res.writeHead(502).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/**
 * A version that fails every other request by proxying the rest to the monolith. Intermittent on
 * purpose: a service that fails every request trips its breaker, and the breaker (not the
 * guardrail) then keeps users on the monolith until it recovers.
 */
async function startBrokenVersion(upstream: string): Promise<{ url: string; close: () => Promise<void> }> {
  let calls = 0;
  const server = createServer(async (req, res) => {
    if (calls++ % 2 === 0) {
      res.writeHead(500, { 'content-type': 'application/json' }).end('{"error":"boom"}');
      return;
    }
    try {
      const response = await fetch(`${upstream}${req.url}`, { method: req.method });
      res.writeHead(response.status, {
        'content-type': response.headers.get('content-type') ?? 'application/json',
      });
      res.end(Buffer.from(await response.arrayBuffer()));
    } catch {
      res.writeHead(502).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** Step 5b: a wrong version in shadow is caught before any user sees it. */
export async function catchWrongVersion(run: RunContext, route: Route): Promise<void> {
  const proxy = run.proxy!;
  const wrong = await startWrongVersion(run.monolith!.url);
  try {
    await proxy.reload({
      ...proxy.config,
      services: { ...proxy.config.services, 'shop-v2-wrong': wrong.url },
    });
    const previous = proxy.store.findRoute(route.id)!;
    proxy.store.setRoute(
      route.id,
      { mode: 'shadow', service: 'shop-v2-wrong' },
      { ...actor, reason: 'try a new version' },
    );
    await run.wait(run.speed === 'fast' ? 5 : 10);
    const report = await createAdminReader(run.admin!).diffs();
    const result = report.find((r) => r.routeId === route.id);
    const paths =
      result?.topPaths
        .slice(0, 2)
        .map((p) => p.path)
        .join(', ') || 'none yet';
    run.narrator.say(
      `  shadow      ${route.key} → shop-v2-wrong: ${result?.counters.mismatched ?? 0} mismatches caught (${paths})`,
    );
    run.narrator.say(
      `              users got the monolith's answers all along: ${run.traffic!.counters.failed} failed`,
    );
    proxy.store.setRoute(
      route.id,
      { mode: previous.mode, percent: previous.percent, service: previous.service ?? undefined },
      {
        ...actor,
        reason: 'wrong version withdrawn',
      },
    );
  } finally {
    await wrong.close();
  }
}

/** Step 5c: a canary that errors is rolled back by the guardrail, not by a person. */
export async function guardrailRollback(run: RunContext, route: Route): Promise<void> {
  const proxy = run.proxy!;
  const broken = await startBrokenVersion(run.monolith!.url);
  try {
    await proxy.reload({
      ...proxy.config,
      services: { ...proxy.config.services, 'shop-v3-broken': broken.url },
    });
    const previous = proxy.store.findRoute(route.id)!;
    proxy.store.setRoute(
      route.id,
      { mode: 'shadow', service: 'shop-v3-broken' },
      { ...actor, reason: 'stage a new version' },
    );
    proxy.store.setRoute(
      route.id,
      { mode: 'canary', percent: 50, service: 'shop-v3-broken' },
      { ...actor, reason: 'try it on half the users' },
    );
    const deadline = Date.now() + 30_000;
    let rolledBack = false;
    while (!rolledBack && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 500));
      rolledBack = proxy.store.history({ route: route.id, limit: 1 })[0]?.actor === 'guardrail';
    }
    const last = proxy.store.history({ route: route.id, limit: 1 })[0];
    run.narrator.say(
      rolledBack
        ? `  guardrail   rolled ${route.key} back to ${last?.after?.mode}: ${last?.reason}`
        : `  guardrail   did not trigger within 30 s (too little traffic on ${route.key})`,
    );
    run.narrator.say(
      `              every failed answer was retried on the monolith: ${run.traffic!.counters.failed} failed`,
    );
    proxy.store.setRoute(
      route.id,
      { mode: previous.mode, percent: previous.percent, service: previous.service ?? undefined },
      {
        ...actor,
        reason: 'broken version withdrawn',
      },
    );
  } finally {
    await broken.close();
  }
}
