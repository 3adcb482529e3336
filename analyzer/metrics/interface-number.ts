import { CALL_EDGE_KINDS, getDirectedWeights, toPartition } from './partition.ts';
import type { MetricsInput } from './types.ts';

/**
 * Interface number (IFN, Kalia et al. FSE'21 after Jin et al.): the mean number of interfaces
 * per service, where an interface is a module that modules of another service call. Those are
 * the modules that must become a published API when the service is carved out.
 *
 *   IFN = (1/K) sum_i |{ m in service i : some module outside i calls m }|
 *
 * Lower is better; 0 with no services.
 */
export function interfaceNumber(input: MetricsInput): number {
  const partition = toPartition(input);
  const k = partition.members.size;
  if (k === 0) return 0;
  const interfaces = new Set<string>();
  for (const [from, targets] of getDirectedWeights(input, partition, CALL_EDGE_KINDS)) {
    const service = partition.serviceOf.get(from);
    for (const to of targets.keys()) {
      if (partition.serviceOf.get(to) !== service) interfaces.add(to);
    }
  }
  return interfaces.size / k;
}
