import { copyFile, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Route } from '../proxy/model.ts';
import { findExtractedServices } from './extracted-services.ts';
import { percent } from './narrator.ts';
import type { RunContext, WalkthroughOptions } from './run-context.ts';
import { analyzeMonolith } from './steps/analyze-monolith.ts';
import { moveService } from './steps/move-service.ts';
import { catchWrongVersion, guardrailRollback, killAndRestart } from './steps/show-faults.ts';
import { startMonolith } from './steps/start-monolith.ts';
import { startProxy } from './steps/start-proxy.ts';
import { createSupervisor } from './supervisor.ts';

export type { WalkthroughOptions } from './run-context.ts';

export interface WalkthroughSummary {
  sent: number;
  failed: number;
  failures: string[];
  byTarget: Record<string, number>;
  /** Share of all responses served by extracted services (0..1). */
  serviceShare: number;
  modes: Record<string, number>;
  outDir: string;
}

interface Step {
  title: string;
  why: string[];
  run: (run: RunContext) => Promise<void>;
}

/** The live migration of the sample monolith, step by step; cleans up after itself whatever happens. */
export async function runWalkthrough(options: WalkthroughOptions): Promise<WalkthroughSummary> {
  const tmp = await mkdtemp(join(tmpdir(), 'strangler-walkthrough-'));
  await mkdir(join(tmp, 'logs'));
  await mkdir(options.outDir, { recursive: true });
  const factor = options.speed === 'fast' ? 0.6 : 1.5;
  const run: RunContext = {
    ...options,
    tmp,
    supervisor: createSupervisor(join(tmp, 'logs')),
    services: new Map(),
    wait: (seconds) =>
      new Promise((resolve, reject) => {
        const timer = setTimeout(resolve, seconds * factor * 1000);
        options.signal.addEventListener(
          'abort',
          () => {
            clearTimeout(timer);
            reject(options.signal.reason);
          },
          { once: true },
        );
      }),
  };
  const services = findExtractedServices(options.root);
  const steps = planSteps(services);
  try {
    for (const [index, step] of steps.entries()) {
      options.signal.throwIfAborted();
      await options.narrator.step(index + 1, steps.length + 1, step.title, step.why);
      options.signal.throwIfAborted();
      await step.run(run);
    }
    await options.narrator.step(steps.length + 1, steps.length + 1, 'Summary', [
      'What the shoppers saw during the whole migration, and where the evidence is kept.',
    ]);
    await run.traffic?.stop();
    return summarise(run);
  } finally {
    await run.traffic?.stop();
    await run.proxy?.close();
    await run.supervisor.stopAll();
    await copyFile(join(tmp, 'proxy.db'), join(options.outDir, 'proxy.db')).catch(() => undefined);
    await rm(tmp, { recursive: true, force: true });
  }
}

function planSteps(services: ReturnType<typeof findExtractedServices>): Step[] {
  const steps: Step[] = [
    {
      title: 'Start the monolith and its shoppers',
      why: [
        'The sample shop runs on a fresh database. Simulated shoppers browse, search, fill carts, check out,',
        'review and run reports for the whole walkthrough; every response is counted and judged.',
      ],
      run: startMonolith,
    },
    {
      title: 'Analyze the code',
      why: [
        'strangler reads the code (imports, routes, SQL, transactions) and proposes services, the tables each',
        'owns, what crosses each boundary, and the order to extract them: cheapest and safest first.',
      ],
      run: analyzeMonolith,
    },
    {
      title: 'Put the proxy in front',
      why: [
        'The strangler-fig proxy now stands between the shoppers and the monolith. Every route starts on',
        'the monolith: nothing changes for users, but each endpoint can now be moved on its own.',
      ],
      run: startProxy,
    },
  ];
  for (const service of services) {
    steps.push({
      title: `Move ${service.name} to its own service`,
      why: [
        `The ${service.name} service was carved out with \`strangler extract\`. It starts on a copy of its data,`,
        'kept current by `strangler sync`. Its routes are shadowed first (compared, never served), then',
        'moved to 10% and 50% of users (sticky), then all of them. Writes stay in shadow until ownership moves.',
      ],
      run: (run) => moveService(run, service),
    });
  }
  if (services.length > 0) {
    const first = services[0]!;
    steps.push({
      title: 'Faults, on purpose',
      why: [
        'A service crashes: its requests fall back to the monolith and its breaker opens; it comes back.',
        'A wrong version is shadowed: the mismatch is caught and no user sees it. A canary that fails is',
        'rolled back by the guardrail, with a line in the history saying why.',
      ],
      run: async (run) => {
        await killAndRestart(run, first);
        const busiest = busiestMonolithRoutes(run);
        if (busiest[0]) {
          await catchWrongVersion(run, busiest[0]);
          await guardrailRollback(run, busiest[0]);
        }
      },
    });
  }
  return steps;
}

/** GET routes still on the monolith, busiest first: where a fault shows quickly. */
function busiestMonolithRoutes(run: RunContext): Route[] {
  const requests = new Map<string, number>();
  for (const row of run.proxy!.stats.getStatsSnapshot().routes)
    requests.set(row.route, (requests.get(row.route) ?? 0) + row.requests);
  return run
    .proxy!.store.listRoutes()
    .filter(
      (route) =>
        route.mode === 'monolith' && route.methods.includes('GET') && (requests.get(route.id) ?? 0) > 0,
    )
    .sort((a, b) => (requests.get(b.id) ?? 0) - (requests.get(a.id) ?? 0));
}

function summarise(run: RunContext): WalkthroughSummary {
  const counters = run.traffic?.counters ?? { sent: 0, failed: 0, failures: [], byTarget: {} };
  const total = Object.values(counters.byTarget).reduce((sum, n) => sum + n, 0);
  const services = Object.entries(counters.byTarget)
    .filter(([target]) => run.services.has(target))
    .reduce((sum, [, n]) => sum + n, 0);
  const modes: Record<string, number> = {};
  for (const route of run.proxy?.store.listRoutes() ?? []) modes[route.mode] = (modes[route.mode] ?? 0) + 1;
  const summary = {
    sent: counters.sent,
    failed: counters.failed,
    failures: counters.failures,
    byTarget: counters.byTarget,
    serviceShare: total === 0 ? 0 : services / total,
    modes,
    outDir: run.outDir,
  };
  const say = run.narrator.say;
  say(`  requests    ${summary.sent} sent, ${summary.failed} failed`);
  for (const failure of summary.failures) say(`              ${failure}`);
  say(
    `  services    served ${percent(services, total)} of all responses (${[...run.services.keys()].join(', ') || 'none'})`,
  );
  say(
    `  routes      ${Object.entries(modes)
      .map(([mode, n]) => `${n} ${mode}`)
      .join(', ')}`,
  );
  say(
    `  history     ${run.proxy?.store.history({ limit: 10_000 }).length ?? 0} changes, kept in ${join(run.outDir, 'proxy.db')}`,
  );
  say(`              (strangler routes history, or open the database with any SQLite tool)`);
  say(`  reports     ${join(run.outDir, 'reports')}`);
  return summary;
}
