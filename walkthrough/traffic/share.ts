import type { TrafficCounters } from './client.ts';

/** Responses per target since `since` (a copy of `byTarget` taken earlier). */
export function shareSince(counters: TrafficCounters, since: Record<string, number>): Record<string, number> {
  const share: Record<string, number> = {};
  for (const [target, count] of Object.entries(counters.byTarget)) {
    const delta = count - (since[target] ?? 0);
    if (delta > 0) share[target] = delta;
  }
  return share;
}

export function describeShare(share: Record<string, number>): string {
  const total = Object.values(share).reduce((sum, n) => sum + n, 0);
  if (total === 0) return 'no responses yet';
  return Object.entries(share)
    .sort((a, b) => b[1] - a[1])
    .map(([target, n]) => `${target} ${((n / total) * 100).toFixed(1)}%`)
    .join(', ');
}
