import { CALL_EDGE_KINDS, getDirectedWeights, toPartition } from './partition.ts';
import type { MetricsInput } from './types.ts';

/**
 * Inter-partition call percentage (ICP, Kalia et al. FSE'21): the share of call volume that
 * crosses a service boundary. As in the replication package, each calling pair's volume v is
 * damped to 1 + ln(v) so one chatty pair does not dominate; volumes below 1 (weak edges)
 * count as themselves, which keeps the damping continuous.
 *
 *   ICP = sum_{(a,b) across services} f(v_ab) / sum_{(a,b)} f(v_ab),  f(v) = v < 1 ? v : 1 + ln v
 *
 * 0..1, lower is better; 0 when there are no calls.
 */
export function interPartitionCallPercentage(input: MetricsInput): number {
  const partition = toPartition(input);
  let total = 0;
  let across = 0;
  for (const [from, targets] of getDirectedWeights(input, partition, CALL_EDGE_KINDS)) {
    const service = partition.serviceOf.get(from);
    for (const [to, volume] of targets) {
      const damped = volume < 1 ? volume : 1 + Math.log(volume);
      total += damped;
      if (partition.serviceOf.get(to) !== service) across += damped;
    }
  }
  return total === 0 ? 0 : across / total;
}
