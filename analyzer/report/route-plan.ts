/**
 * `routes.plan.json`: every proposed service's endpoints as proxy routes, all still served by
 * the monolith, in extraction order, for `strangler routes import`. Service URLs are null:
 * they do not exist yet; the team fills them in as each service is deployed.
 */
import type { Analysis } from '../analysis.ts';
import type { ReportFile } from './types.ts';
import { getServicesInOrder } from './view.ts';

export interface RoutePlan {
  version: 1;
  services: Array<{ name: string; url: string | null }>;
  routes: Array<{ method: string; path: string; service: string; mode: 'monolith'; percent: 0 }>;
}

export function toRoutePlan(analysis: Analysis): RoutePlan {
  const services = getServicesInOrder(analysis);
  const byId = new Map(analysis.endpoints.map((endpoint) => [endpoint.id, endpoint]));
  const routes: RoutePlan['routes'] = [];
  for (const service of services) {
    const endpoints = service.endpoints
      .map((id) => byId.get(id))
      .filter((endpoint) => endpoint !== undefined)
      .sort((a, b) => a.path.localeCompare(b.path) || a.method.localeCompare(b.method));
    for (const endpoint of endpoints) {
      // Express's `.all()` matches every method; the proxy spells that `*`.
      const method = endpoint.method.toUpperCase() === 'ALL' ? '*' : endpoint.method.toUpperCase();
      routes.push({ method, path: endpoint.path, service: service.name, mode: 'monolith', percent: 0 });
    }
  }
  return { version: 1, services: services.map((service) => ({ name: service.name, url: null })), routes };
}

export function renderRoutePlan(analysis: Analysis): ReportFile[] {
  return [{ path: 'routes.plan.json', contents: `${JSON.stringify(toRoutePlan(analysis), null, 2)}\n` }];
}
