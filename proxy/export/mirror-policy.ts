import type { Route } from '../model.ts';

const SAFE = ['GET', 'HEAD'];

/** Methods whose requests are mirrored in shadow mode: GET and HEAD, plus what the route opts in to. */
export function mirroredMethods(route: Route): string[] {
  const optIn = (route.shadow?.methods ?? []).map((method) => method.toUpperCase());
  const routeMethods = route.methods.includes('*')
    ? null
    : new Set(route.methods.map((m) => m.toUpperCase()));
  if (routeMethods?.has('GET')) routeMethods.add('HEAD');
  return [...new Set([...SAFE, ...optIn])]
    .filter((method) => !routeMethods || routeMethods.has(method))
    .sort();
}

/** Share of mirrored requests, 0..100 (the route's shadow sample, all by default). */
export function mirrorSample(route: Route): number {
  return Math.max(0, Math.min(100, route.shadow?.sample ?? 100));
}
