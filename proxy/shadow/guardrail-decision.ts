/**
 * The guardrail's verdict, a pure function of one route's window: roll back when the service's
 * error rate, or (while the route is still shadowed) its mismatch rate, crosses the threshold
 * over enough traffic. Only routes that send users to the service (canary, service) or that are
 * compared (shadow, or canary still mirrored) are judged.
 */
import type { RouteChange, RouteMode, RouteSetting } from '../model.ts';
import type { GuardrailOptions } from './options.ts';
import type { WindowCounts } from './sliding-window.ts';

export type GuardrailDecision = { rollback: false } | { rollback: true; reason: string };

export function decideGuardrail(
  mode: RouteMode,
  window: WindowCounts,
  options: GuardrailOptions,
): GuardrailDecision {
  if (!options.enabled || mode === 'monolith' || mode === 'shadow') return { rollback: false };
  if (window.requests >= options.minRequests) {
    const errorRate = window.errors / window.requests;
    if (errorRate > options.maxErrorRate) {
      return {
        rollback: true,
        reason: reasonText(
          'error rate',
          errorRate,
          options.maxErrorRate,
          `${window.requests} requests`,
          `${window.errors} failed`,
          options,
        ),
      };
    }
  }
  if (window.comparisons >= options.minRequests) {
    const mismatchRate = window.mismatches / window.comparisons;
    if (mismatchRate > options.maxMismatchRate) {
      return {
        rollback: true,
        reason: reasonText(
          'mismatch rate',
          mismatchRate,
          options.maxMismatchRate,
          `${window.comparisons} comparisons`,
          `${window.mismatches} mismatched`,
          options,
        ),
      };
    }
  }
  return { rollback: false };
}

/** `guardrail: service mismatch rate 40.0% over 25 comparisons in 60s (10 mismatched) exceeds 5.0%` */
function reasonText(
  what: string,
  rate: number,
  max: number,
  total: string,
  bad: string,
  options: GuardrailOptions,
): string {
  const pct = (value: number) => `${(value * 100).toFixed(1)}%`;
  return `guardrail: service ${what} ${pct(rate)} over ${total} in ${options.windowSeconds}s (${bad}) exceeds ${pct(max)}`;
}

/**
 * Which change a guardrail undoes: the newest forward change (set, import, config) that produced
 * the route's current setting, so the route returns to what it was before it. A plain "undo the
 * last change" is wrong twice over after a rollback: after the guardrail's own rollback
 * (canary 20% → 10%) it would re-apply 20%, and a tripped canary would flip between the two;
 * after a person's rollback it would re-apply what they undid. Both put more users on a failing
 * service. Undefined when no such change is recorded (the caller then undoes the last change).
 */
export function findGuardrailRevision(
  current: RouteSetting,
  history: readonly RouteChange[],
): number | undefined {
  for (const change of history) {
    if (change.kind === 'rollback' || change.kind === 'auto-rollback') continue;
    if (change.before === null || change.after === null) continue;
    if (sameSetting(change.after, current)) return change.revision;
  }
  return undefined;
}

function sameSetting(a: RouteSetting, b: RouteSetting): boolean {
  return a.mode === b.mode && a.percent === b.percent && a.service === b.service;
}
