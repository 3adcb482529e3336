import { type Affinity, getStrongestSignal } from '../graph/affinity.ts';

export interface Tie {
  module: string;
  signal: string;
  weight: number;
}

/** How many ties explain a module. */
const TIES_SHOWN = 3;

/**
 * Why a module sits in its service: its strongest ties to modules of the same service, with the
 * signal that contributes most to each. A module with no tie inside its service (placed by a
 * pin or by its folder) shows its strongest ties anywhere, which tells the architect where
 * else it could go.
 */
export function explainModule(
  module: string,
  affinity: Affinity,
  assignment: Readonly<Record<string, string>>,
): Tie[] {
  const service = assignment[module];
  const ties = [...(affinity.neighbours.get(module) ?? [])].sort(
    ([a, x], [b, y]) => y - x || (a < b ? -1 : 1),
  );
  const inside = service ? ties.filter(([other]) => assignment[other] === service) : [];
  return (inside.length > 0 ? inside : ties).slice(0, TIES_SHOWN).map(([other, weight]) => ({
    module: other,
    signal: getStrongestSignal(affinity, module, other),
    weight: Math.round(weight * 1000) / 1000,
  }));
}
