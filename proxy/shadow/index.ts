/**
 * The parallel run, assembled for `createProxy`: one call gives the request path its
 * `onShadow`, the admin API its `GET /diffs` provider, Prometheus its metrics, and the
 * guardrails their stats hook. Everything here runs after the primary response is sent.
 *
 *   const shadow = createShadow({ settings: config.shadow, dbFile: config.db, getTable, logger,
 *     rollback: (c) => { store.rollback(c.routeId, { actor: c.actor, reason: c.reason }); refreshTable(); } });
 *   createRequestHandler({ ..., stats: shadow.observe(stats), onShadow: shadow.onShadow });
 *   createAdminApp({ ..., diffs: shadow.diffs });  for (const m of shadow.metrics) registry.registerMetric(m);
 *   await shadow.close();  // on shutdown, after the server stopped accepting
 */
import { StranglerError } from '../../errors/index.ts';
import type { CapturedExchange, RouteChange, RouteTable } from '../model.ts';
import type { ProxyStats } from '../stats/create-stats.ts';
import { PROXY_STORE_ERRORS } from '../store/errors.ts';
import { openShadowResultStore } from '../store/shadow-results.ts';
import { findRouteReport } from './diffs-report.ts';
import { createGuardrails, type GuardrailRollback, type Guardrails } from './guardrails.ts';
import { toShadowPromMetrics } from './metrics.ts';
import { observeServiceResults } from './observe-service-results.ts';
import { getShadowSettings, type ShadowSettingsInput } from './options.ts';
import { createShadowRunner, type ShadowLogger, type ShadowRunner } from './runner.ts';
import type { MismatchSample, RouteDiffReport } from './types.ts';

export interface CreateShadowOptions {
  settings?: ShadowSettingsInput;
  /** The proxy's SQLite file; the shadow tables live beside the routes (migration 2). */
  dbFile: string;
  getTable: () => RouteTable;
  /**
   * Rolls a route back in the store with the given actor and reason (to the setting before
   * `change.revision` when given), then swaps the table.
   */
  rollback: (change: GuardrailRollback) => unknown | Promise<unknown>;
  /** A route's history, newest first, so a guardrail never re-applies an undone change. */
  history?: (routeId: string) => readonly RouteChange[];
  logger?: ShadowLogger;
}

export interface Shadow {
  onShadow(exchange: CapturedExchange): void;
  /** The admin API's `GET /diffs?route=` provider. */
  diffs(query: { route?: string }): RouteDiffReport[];
  /** `GET /diffs/:route`: one route's report with its last `samplesPerRoute` mismatches, newest first. */
  routeDiffs(route: string): RouteDiffDetail;
  /** Forgets a route's results (by id or key) so readiness starts over, e.g. after a fix. */
  reset(route: string): { routeId: string; routeKey: string };
  /** Wraps the data plane's stats so service answers feed the guardrails. */
  observe(stats: ProxyStats): ProxyStats;
  readonly metrics: ReturnType<typeof toShadowPromMetrics>;
  readonly runner: ShadowRunner;
  readonly guardrails: Guardrails;
  close(): Promise<void>;
}

export function createShadow(options: CreateShadowOptions): Shadow {
  const settings = getShadowSettings(options.settings);
  const { store, close } = openShadowResultStore(options.dbFile, {
    samplesPerRoute: settings.samplesPerRoute,
  });
  const guardrails = createGuardrails({
    options: settings.guardrails,
    getTable: options.getTable,
    rollback: options.rollback,
    ...(options.history ? { history: options.history } : {}),
    logger: options.logger,
  });
  const runner = createShadowRunner({
    getTable: options.getTable,
    options: settings,
    results: store,
    logger: options.logger,
    guardrails,
  });
  const requireRoute = (ref: string) => {
    const route = options.getTable().routes.find((r) => r.id === ref || r.key === ref);
    if (!route) {
      throw new StranglerError(PROXY_STORE_ERRORS.PROXY_STORE_ROUTE_NOT_FOUND, `No route \`${ref}\`.`, {
        details: { route: ref },
      });
    }
    return route;
  };
  const diffs = (query: { route?: string }): RouteDiffReport[] => {
    const report = runner.report();
    if (!query.route) return report.routes;
    const found = findRouteReport(report, query.route);
    if (found) return [found];
    const route = requireRoute(query.route);
    return [emptyReport(route.id, route.key, route.mode, route.service, report.thresholds.minComparisons)];
  };
  return {
    onShadow: (exchange) => runner.onShadow(exchange),
    diffs,
    routeDiffs(ref) {
      const [report] = diffs({ route: ref }) as [RouteDiffReport];
      return { ...report, samples: store.samples(report.routeId, settings.samplesPerRoute) };
    },
    reset(ref) {
      const route = requireRoute(ref);
      runner.reset(route.id);
      return { routeId: route.id, routeKey: route.key };
    },
    observe: (stats) => observeServiceResults(stats, guardrails),
    metrics: toShadowPromMetrics(() => runner.report()),
    runner,
    guardrails,
    async close() {
      await runner.close();
      close();
    },
  };
}

function emptyReport(
  routeId: string,
  routeKey: string,
  mode: string,
  service: string | null,
  minComparisons: number,
): RouteDiffReport {
  return {
    routeId,
    routeKey,
    mode,
    service,
    counters: { matched: 0, mismatched: 0, failed: 0, skipped: 0 },
    reasons: {},
    topPaths: [],
    learnedNoise: [],
    lastMismatch: null,
    updatedAt: '',
    readiness: {
      ready: false,
      comparisons: 0,
      matchRate: null,
      reason: `0 of ${minComparisons} comparisons`,
    },
  };
}

/** One route in `GET /diffs/:route`: its report and the mismatches kept, newest first. */
export interface RouteDiffDetail extends RouteDiffReport {
  samples: MismatchSample[];
}

export type { GuardrailRollback } from './guardrails.ts';
export { routeShadowOptionsSchema, shadowOptionsSchema } from './options.ts';
export type { DiffsReport, RouteDiffReport } from './types.ts';
