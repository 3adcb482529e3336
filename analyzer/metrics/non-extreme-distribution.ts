import { toPartition } from './partition.ts';
import type { MetricsInput } from './types.ts';

/** Service sizes the FSE'21 replication package counts as neither too small nor too big. */
export const NED_MIN_SIZE = 5;
export const NED_MAX_SIZE = 20;

/**
 * Non-extreme distribution (NED, Kalia et al. FSE'21): the share of modules that sit in
 * services of extreme size (fewer than 5 or more than 20 modules).
 *
 *   NED = 1 - sum_{i : 5 <= n_i <= 20} n_i / N
 *
 * 0..1, lower is better; 0 when there are no modules.
 */
export function nonExtremeDistribution(
  input: MetricsInput,
  bounds: { min: number; max: number } = { min: NED_MIN_SIZE, max: NED_MAX_SIZE },
): number {
  const partition = toPartition(input);
  if (partition.modules.length === 0) return 0;
  let nonExtreme = 0;
  for (const modules of partition.members.values()) {
    if (modules.length >= bounds.min && modules.length <= bounds.max) nonExtreme += modules.length;
  }
  return 1 - nonExtreme / partition.modules.length;
}
