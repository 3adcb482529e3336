/**
 * The service's routes in `shadow` mode, for `strangler routes import`: the monolith keeps
 * answering, the service gets a copy of each request, and the proxy compares the two.
 */
import type { AnalysisEndpoint } from '../analyzer/analysis.ts';

export interface ShadowRoutePlan {
  version: 1;
  services: Array<{ name: string; url: string }>;
  routes: Array<{ method: string; path: string; service: string; mode: 'shadow'; percent: number }>;
}

export function toShadowRoutePlan(
  service: string,
  url: string,
  endpoints: readonly AnalysisEndpoint[],
): ShadowRoutePlan {
  const routes = [...endpoints]
    .sort((a, b) => a.path.localeCompare(b.path) || a.method.localeCompare(b.method))
    .map((endpoint) => ({
      // Express's `.all()` matches every method; the proxy spells that `*`.
      method: endpoint.method.toUpperCase() === 'ALL' ? '*' : endpoint.method.toUpperCase(),
      path: endpoint.path,
      service,
      mode: 'shadow' as const,
      percent: 0,
    }));
  return { version: 1, services: [{ name: service, url }], routes };
}
