/**
 * What the shadow runner needs from storage. The SQLite implementation is
 * proxy/store/shadow-results.ts; writes arrive in batches, off the request path.
 */
import type {
  LearnedNoise,
  MismatchSample,
  RouteShadowSummary,
  ShadowCounters,
  ShadowOutcome,
} from './types.ts';

/**
 * Outcomes that carry nothing but their kind (a match, a skip, a failure and its reason),
 * counted in memory per route between two writes instead of one object each.
 */
export interface ShadowTally {
  routeId: string;
  routeKey: string;
  counts: ShadowCounters;
  /** Skip and failure reasons, counted. */
  reasons: Record<string, number>;
  /** When the last of them happened (ISO). */
  at: string;
}

export interface ShadowResultStore {
  /**
   * Writes a batch in one transaction: the outcomes (counters, top paths, samples, learned
   * noise) plus the tallies (counters and reasons only).
   */
  record(outcomes: readonly ShadowOutcome[], tallies?: readonly ShadowTally[]): void;
  learnedNoise(routeId: string): LearnedNoise[];
  summaries(): RouteShadowSummary[];
  /** The route's kept mismatches (at most `samplesPerRoute`), newest first. */
  samples(routeId: string, limit: number): MismatchSample[];
  /** Forgets a route's results, e.g. after the service was fixed and redeployed. */
  reset(routeId: string): void;
}
