/**
 * What the shadow runner needs from storage. The SQLite implementation is
 * proxy/store/shadow-results.ts; writes arrive in batches, off the request path.
 */
import type { LearnedNoise, RouteShadowSummary, ShadowOutcome } from './types.ts';

export interface ShadowResultStore {
  /** Writes a batch of outcomes in one transaction: counters, top paths, samples, learned noise. */
  record(outcomes: readonly ShadowOutcome[]): void;
  learnedNoise(routeId: string): LearnedNoise[];
  summaries(): RouteShadowSummary[];
  /** Forgets a route's results, e.g. after the service was fixed and redeployed. */
  reset(routeId: string): void;
}
