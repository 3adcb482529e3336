/**
 * Which exchanges are mirrored. Side effects are safe by default: only GET and HEAD, unless
 * the route lists other methods in `shadow.methods`. Sampling is per route, 0..100 (default 100).
 */
import type { Route } from '../model.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD']);

export type MirrorDecision = { mirror: true } | { mirror: false; reason: 'method' | 'sample' };

export function shouldMirror(
  route: Route,
  method: string,
  random: () => number = Math.random,
): MirrorDecision {
  const upper = method.toUpperCase();
  const optedIn = route.shadow?.methods?.some((allowed) => allowed.toUpperCase() === upper) ?? false;
  if (!SAFE_METHODS.has(upper) && !optedIn) return { mirror: false, reason: 'method' };
  const sample = route.shadow?.sample ?? 100;
  if (sample < 100 && random() * 100 >= sample) return { mirror: false, reason: 'sample' };
  return { mirror: true };
}

/** Asking the monolith twice is only harmless when the request has no side effects. */
export function isSafeToRepeat(method: string): boolean {
  return SAFE_METHODS.has(method.toUpperCase());
}
