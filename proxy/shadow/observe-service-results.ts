/**
 * Feeds the guardrails from the data plane's own stats calls, so the request path needs no
 * extra hook: every answer recorded for a service target (not the monolith) is one request in
 * the route's window, and 5xx or a failure to answer is one error.
 */
import type { ProxyStats } from '../stats/create-stats.ts';
import type { Guardrails } from './guardrails.ts';

const MONOLITH_TARGET = 'monolith';

export function observeServiceResults(stats: ProxyStats, guardrails: Guardrails): ProxyStats {
  return {
    get registry() {
      return stats.registry;
    },
    recordResponse(route, target, status, durationMs) {
      stats.recordResponse(route, target, status, durationMs);
      if (target !== MONOLITH_TARGET) guardrails.recordServiceResult(route, { error: status >= 500 });
    },
    recordError(route, target, kind, durationMs) {
      stats.recordError(route, target, kind, durationMs);
      // A client that hung up says nothing about the service.
      if (target !== MONOLITH_TARGET && kind !== 'client-aborted')
        guardrails.recordServiceResult(route, { error: true });
    },
    recordFallback: (route, target, reason) => stats.recordFallback(route, target, reason),
    recordBreaker: (service, state) => stats.recordBreaker(service, state),
    getStatsSnapshot: () => stats.getStatsSnapshot(),
  };
}
