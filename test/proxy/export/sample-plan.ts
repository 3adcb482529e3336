import { readFileSync } from 'node:fs';
import type { RouteMode } from '../../../proxy/model.ts';
import type { RoutePlan } from '../../../proxy/store/plan.ts';

export function readPlan(path: URL): RoutePlan {
  return JSON.parse(readFileSync(path, 'utf8')) as RoutePlan;
}

/**
 * A migration in progress over a plan: each service gets an address and its routes a mode
 * in turn, so every mode appears across services the way the walkthrough leaves them.
 */
export function midMigration(plan: RoutePlan, urlOf: (service: string) => string): RoutePlan {
  const cycle: Array<{ mode: RouteMode; percent: number }> = [
    { mode: 'service', percent: 0 },
    { mode: 'canary', percent: 10 },
    { mode: 'shadow', percent: 0 },
    { mode: 'monolith', percent: 0 },
  ];
  const order = plan.services.map((service) => service.name);
  return {
    version: 1,
    services: plan.services.map((service) => ({ name: service.name, url: urlOf(service.name) })),
    routes: plan.routes.map((route) => ({
      ...route,
      ...(route.service ? cycle[order.indexOf(route.service) % cycle.length]! : {}),
    })),
  };
}

/** A concrete request path for a pattern: parameters become `1`, a prefix gets one more segment. */
export function examplePath(pattern: string): string {
  return pattern.replace(/:\w+/g, '1').replace(/\/\*$/, '/example');
}
