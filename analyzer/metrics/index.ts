/**
 * Partition-quality metrics for a proposal (and for the folder baseline, computed the same way).
 * Pure functions over plain data with no Node imports: the HTML report bundles this file for
 * its what-if editor. Reading `--expected` globs lives in `expected-boundaries.ts`, apart, so
 * the bundle does not carry picomatch. Formulas: docs/analyzer.md, "Metrics".
 */
import type { Metrics } from '../analysis.ts';
import { interPartitionCallPercentage } from './inter-partition-call-percentage.ts';
import { interfaceNumber } from './interface-number.ts';
import { modularity } from './modularity.ts';
import { mojofm } from './mojo.ts';
import { nonExtremeDistribution } from './non-extreme-distribution.ts';
import { structuralModularity } from './structural-modularity.ts';
import type { MetricsInput } from './types.ts';

export { interPartitionCallPercentage } from './inter-partition-call-percentage.ts';
export { interfaceNumber } from './interface-number.ts';
export { modularity } from './modularity.ts';
export { maxMno, mojoDistance, mojofm, mojoMoves } from './mojo.ts';
export { NED_MAX_SIZE, NED_MIN_SIZE, nonExtremeDistribution } from './non-extreme-distribution.ts';
export { CALL_EDGE_KINDS } from './partition.ts';
export { structuralModularity } from './structural-modularity.ts';
export type { MetricsInput } from './types.ts';

/** Every metric at once, rounded so that two runs print and serialise identically. */
export function computeMetrics(input: MetricsInput): Metrics {
  const metrics: Metrics = {
    modularity: round(modularity(input), 4),
    sm: round(structuralModularity(input), 4),
    icp: round(interPartitionCallPercentage(input), 4),
    ifn: round(interfaceNumber(input), 4),
    ned: round(nonExtremeDistribution(input), 4),
  };
  if (input.expected) metrics.mojofm = round(mojofm(restrict(input), input.expected), 2);
  return metrics;
}

/**
 * The proposal's assignment, limited to the modules that take part. Expected modules the
 * proposal leaves out of every service (set aside as shared kernel or wiring) form one more
 * cluster: a domain module wrongly set aside then costs a move, and an expected "shared" group
 * that the analyzer set aside as a whole matches it.
 */
function restrict(input: MetricsInput): Record<string, string> {
  const out: Record<string, string> = {};
  for (const id of input.modules) {
    if (Object.hasOwn(input.assignment, id)) out[id] = input.assignment[id]!;
  }
  for (const id of Object.keys(input.expected ?? {})) {
    if (!Object.hasOwn(out, id)) out[id] = UNASSIGNED;
  }
  return out;
}

/** Cannot collide with a service name, which is never empty and never holds a NUL. */
const UNASSIGNED = '\0set-aside';

function round(value: number, digits: number): number {
  const factor = 10 ** digits;
  const rounded = Math.round(value * factor) / factor;
  return Object.is(rounded, -0) ? 0 : rounded;
}
