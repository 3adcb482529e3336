/**
 * Input of every partition-quality metric. Plain data, so the same code runs in the analyzer
 * and, bundled, in the HTML report's what-if editor.
 */
export interface MetricsInput {
  /** Module ids taking part (shared kernel and wiring excluded by the caller). */
  modules: string[];
  edges: Array<{ from: string; to: string; weight: number; kind: string }>;
  /** module id -> service name. */
  assignment: Record<string, string>;
  /** module id -> expected service name, for MoJoFM. */
  expected?: Record<string, string>;
}
