import type { ProjectFacts } from '../facts/types.ts';
import type { Affinity } from '../graph/affinity.ts';
import { getDominantDomain } from './follow-writers.ts';
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

export function isEntryPoint(facts: ProjectFacts, id: string): boolean {
  const imported = facts.imports.some((edge) => edge.to === id && edge.from !== id);
  const imports = facts.imports.some((edge) => edge.from === id && edge.to !== id && edge.kind !== 'type');
  return imports && !imported;
}

/**
 * Louvain at its best modularity often cuts one domain into a few tight sub-communities (one per
 * entity). Drafts whose modules mostly sit in the same domain folder and that are tied to each
 * other are one service to a reader: merge them, unless a pin or an apart rule forbids it.
 */
export function mergeSameDomain(
  drafts: ServiceDraft[],
  affinity: Affinity,
  domainOf: (id: string) => string,
  allowed: (from: ServiceDraft, into: ServiceDraft) => boolean,
): ServiceDraft[] {
  const byDomain = new Map<string, ServiceDraft[]>();
  for (const draft of drafts) {
    const key = getDominantDomain(draft.modules, domainOf);
    if (!key) continue;
    byDomain.set(key, [...(byDomain.get(key) ?? []), draft]);
  }
  const merged = new Set<ServiceDraft>();
  for (const group of byDomain.values()) {
    // Largest first: the others join it when tied to it.
    const [main, ...rest] = [...group].sort(
      (a, b) => b.modules.length - a.modules.length || (a.modules[0]! < b.modules[0]! ? -1 : 1),
    );
    for (const other of rest) {
      const inside = new Set(main!.modules);
      const tie = other.modules.some((id) =>
        [...(affinity.neighbours.get(id)?.keys() ?? [])].some((n) => inside.has(n)),
      );
      if (!tie || !allowed(other, main!)) continue;
      main!.modules = [...main!.modules, ...other.modules].sort();
      main!.pinned ??= other.pinned;
      merged.add(other);
    }
  }
  return drafts.filter((draft) => !merged.has(draft));
}
