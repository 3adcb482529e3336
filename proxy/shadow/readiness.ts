/**
 * When is a service ready to take traffic? Once it has answered enough mirrored requests
 * (default 100) and matched the monolith on nearly all of them (default 99.9%). A mirror the
 * service failed to answer counts against it; skipped mirrors (over the cap, dropped) do not count.
 */
import type { Readiness, ReadinessThresholds, ShadowCounters } from './types.ts';

export const DEFAULT_READINESS: ReadinessThresholds = { minComparisons: 100, minMatchRate: 0.999 };

export function getReadiness(
  counters: ShadowCounters,
  thresholds: ReadinessThresholds = DEFAULT_READINESS,
): Readiness {
  const comparisons = counters.matched + counters.mismatched + counters.failed;
  const matchRate = comparisons === 0 ? null : counters.matched / comparisons;
  let reason: string | null = null;
  if (comparisons < thresholds.minComparisons) {
    reason = `${comparisons} of ${thresholds.minComparisons} comparisons`;
  } else if ((matchRate ?? 0) < thresholds.minMatchRate) {
    reason = `match rate ${formatPercent(matchRate)} < ${formatPercent(thresholds.minMatchRate)}`;
  }
  return { ready: reason === null, comparisons, matchRate, reason };
}

export function formatPercent(rate: number | null): string {
  if (rate === null) return '-';
  const percent = rate * 100;
  // 99.95% must not print as 100%: show as many decimals as it takes, up to three.
  for (const digits of [0, 1, 2]) {
    const text = percent.toFixed(digits);
    if (Number(text) === Math.round(percent * 1000) / 1000) return `${text}%`;
  }
  return `${percent.toFixed(3)}%`;
}
