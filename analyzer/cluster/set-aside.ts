import type { ProjectFacts } from '../facts/types.ts';
import type { Affinity } from '../graph/affinity.ts';
import type { ServiceDraft } from './transactions.ts';

/**
 * A draft service with no endpoint, no table and no tie to any other service is not a
 * service: an unused helper or a stand-alone script. Its modules are set aside (the caller
 * files them as kernel or wiring) instead of showing up as a one-file "service".
 */
export function setAsideOrphans(
  drafts: ServiceDraft[],
  affinity: Affinity,
  capable: ReadonlySet<string>,
): { services: ServiceDraft[]; orphans: string[] } {
  const services: ServiceDraft[] = [];
  const orphans: string[] = [];
  for (const draft of drafts) {
    const inside = new Set(draft.modules);
    const isOrphan =
      !draft.pinned &&
      !draft.modules.some((id) => capable.has(id)) &&
      draft.modules.every((id) =>
        [...(affinity.neighbours.get(id)?.keys() ?? [])].every((other) => inside.has(other)),
      );
    if (isOrphan) orphans.push(...draft.modules);
    else services.push(draft);
  }
  return { services, orphans: orphans.sort() };
}

/** Whether a module may move into a service without breaking a pin or an apart rule. */
export function canJoin(
  group: string[],
  target: ServiceDraft,
  pins: ReadonlyMap<string, string>,
  sidesOf: (id: string) => ReadonlyMap<number, number>,
): boolean {
  const pinned = group.map((id) => pins.get(id)).filter((name): name is string => !!name);
  if (pinned.some((name) => name !== target.pinned)) return false;
  const sides = new Map<number, number>();
  for (const id of target.modules) for (const [rule, side] of sidesOf(id)) sides.set(rule, side);
  return group.every((id) =>
    [...sidesOf(id)].every(([rule, side]) => !sides.has(rule) || sides.get(rule) === side),
  );
}

export function hasImporters(facts: ProjectFacts, id: string): boolean {
  return facts.imports.some((edge) => edge.to === id && edge.from !== id);
}
