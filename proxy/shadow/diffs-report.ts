/**
 * `GET /diffs`: the stored results per route joined with the live route table (mode, target)
 * and the readiness verdict. Routes in `shadow` mode appear even before their first mirror.
 */
import type { RouteTable } from '../model.ts';
import { getReadiness } from './readiness.ts';
import type { DiffsReport, ReadinessThresholds, RouteDiffReport, RouteShadowSummary } from './types.ts';

export function buildDiffsReport(
  summaries: readonly RouteShadowSummary[],
  table: RouteTable,
  thresholds: ReadinessThresholds,
  generatedAt: string,
): DiffsReport {
  const byId = new Map(summaries.map((summary) => [summary.routeId, summary]));
  const routes: RouteDiffReport[] = [];
  for (const route of table.routes) {
    const summary = byId.get(route.id);
    byId.delete(route.id);
    if (!summary && route.mode !== 'shadow') continue;
    routes.push(
      toReport(summary ?? emptySummary(route.id, route.key), route.mode, route.service, thresholds),
    );
  }
  // Results of routes since removed from the table stay visible, marked without a mode.
  for (const summary of byId.values()) routes.push(toReport(summary, null, null, thresholds));
  routes.sort((a, b) => a.routeKey.localeCompare(b.routeKey));
  return { generatedAt, thresholds, routes };
}

function toReport(
  summary: RouteShadowSummary,
  mode: string | null,
  service: string | null,
  thresholds: ReadinessThresholds,
): RouteDiffReport {
  return { ...summary, mode, service, readiness: getReadiness(summary.counters, thresholds) };
}

function emptySummary(routeId: string, routeKey: string): RouteShadowSummary {
  return {
    routeId,
    routeKey,
    counters: { matched: 0, mismatched: 0, failed: 0, skipped: 0 },
    reasons: {},
    topPaths: [],
    learnedNoise: [],
    lastMismatch: null,
    updatedAt: '',
  };
}

/** Finds one route's report by id or key (`GET /api/orders/:id`), as the CLI accepts both. */
export function findRouteReport(report: DiffsReport, idOrKey: string): RouteDiffReport | undefined {
  const wanted = idOrKey.trim();
  return report.routes.find((route) => route.routeId === wanted || route.routeKey === wanted);
}
