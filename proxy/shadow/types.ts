/**
 * The parallel run's own plain data: what a comparison finds, what a route has learned, what
 * the store keeps and what `GET /diffs` returns. Behaviour lives in the files next to it.
 */

/** One place where the service's answer differs from the monolith's. */
export interface Difference {
  /** `status`, `header:content-type`, `$.items[3].price` (JSON), or `body` (text / binary). */
  path: string;
  kind: 'status' | 'header' | 'value' | 'type' | 'missing' | 'extra' | 'length' | 'text' | 'hash';
  /** The monolith's value, rendered short (JSON text, a text line, or a hash). */
  expected: string;
  /** The service's value, rendered the same way. */
  actual: string;
}

/** What the request path sends back from a service or the monolith, decoded for comparison. */
export interface ObservedResponse {
  status: number;
  headers: Record<string, string | string[]>;
  /** null when the body exceeded the capture cap. */
  body: Buffer | null;
}

/** The per-route rules that keep known noise out of the mismatch count. */
export interface NoiseRules {
  /** JSON path patterns (`$.meta.*`, `$.items[*].updatedAt`, `$..requestId`) never compared. */
  ignorePaths: readonly string[];
  /** Lower-case header names never compared. */
  ignoreHeaders: readonly string[];
  /** JSON path patterns of arrays compared as multisets. */
  unorderedArrays: readonly string[];
  /** Two numbers within this absolute distance are equal. */
  numericTolerance: number;
}

export interface Comparison {
  matched: boolean;
  differences: Difference[];
}

/** A field that differed between two answers of the monolith to the same request. */
export interface LearnedNoise {
  /** A JSON path pattern (array indices generalised to `[*]`) or `header:<name>`. */
  path: string;
  /** Times it was seen differing between two monolith answers. */
  seen: number;
  firstSeenAt: string;
  /** One pair of monolith values, redacted, so a person can confirm it is noise. */
  example: { first: string; second: string };
}

export type ShadowOutcomeKind = 'matched' | 'mismatched' | 'failed' | 'skipped';

/** One side of a stored mismatch, redacted and cut to an excerpt. */
export interface ResponseExcerpt {
  status: number;
  headers: Record<string, string>;
  body: string;
  /** Full body size in bytes, before cutting. */
  bytes: number;
}

export interface MismatchSample {
  at: string;
  method: string;
  url: string;
  differences: Difference[];
  monolith: ResponseExcerpt;
  service: ResponseExcerpt;
}

/** One finished mirror, as the runner hands it to the result store (in batches). */
export interface ShadowOutcome {
  routeId: string;
  routeKey: string;
  kind: ShadowOutcomeKind;
  /** Why it was skipped or failed: `capture-cap`, `queue-full`, `method`, `timeout`, `ECONNREFUSED`... */
  reason?: string;
  /** Differing paths with array indices generalised, for the "top differing paths" list. */
  paths?: string[];
  sample?: MismatchSample;
  learned?: Omit<LearnedNoise, 'seen' | 'firstSeenAt'>[];
  at: string;
}

export interface ShadowCounters {
  matched: number;
  mismatched: number;
  failed: number;
  skipped: number;
}

export interface ReadinessThresholds {
  /** Comparisons needed before a verdict (default 100). */
  minComparisons: number;
  /** Match rate required, 0..1 (default 0.999). */
  minMatchRate: number;
}

export interface Readiness {
  ready: boolean;
  /** matched + mismatched + failed: every mirror that reached a verdict. */
  comparisons: number;
  /** matched / comparisons, or null before the first comparison. */
  matchRate: number | null;
  /** Why not ready yet, for people: `37 of 100 comparisons`, `match rate 97.5% < 99.9%`. */
  reason: string | null;
}

/** What the result store keeps per route. */
export interface RouteShadowSummary {
  routeId: string;
  routeKey: string;
  counters: ShadowCounters;
  /** Why mirrors were skipped or failed: `method`, `capture-cap`, `queue-full`, `timeout`, `ECONNREFUSED`... */
  reasons: Record<string, number>;
  topPaths: { path: string; count: number }[];
  learnedNoise: LearnedNoise[];
  lastMismatch: MismatchSample | null;
  updatedAt: string;
}

/** One route in `GET /diffs` and `strangler diffs`. */
export interface RouteDiffReport extends RouteShadowSummary {
  mode: string | null;
  service: string | null;
  readiness: Readiness;
}

export interface DiffsReport {
  generatedAt: string;
  thresholds: ReadinessThresholds;
  routes: RouteDiffReport[];
}
