import type { TransactionFact } from '../facts/types.ts';
import type { Affinity } from '../graph/affinity.ts';
import type { ServiceDraft } from './transactions.ts';

/**
 * When a transaction keeps another domain's writer (its repository) in the transaction's home,
 * the rest of that domain (its router, its service code) would call its own repository across a
 * service boundary on every request. A draft mostly made of such a domain joins the writer's
 * home when it is tied to the home at least as much as to any other service, so the cut falls
 * between domains, not through one. Pins and apart rules still decide (`allowed`).
 */
export function followMovedWriters(
  drafts: ServiceDraft[],
  transactions: readonly TransactionFact[],
  affinity: Affinity,
  domainOf: (id: string) => string,
  allowed: (from: ServiceDraft, into: ServiceDraft) => boolean,
): ServiceDraft[] {
  const draftOf = new Map<string, ServiceDraft>();
  for (const draft of drafts) for (const id of draft.modules) draftOf.set(id, draft);
  // domain -> the draft holding its writers that a cross-domain transaction pulled away.
  const writerHome = new Map<string, ServiceDraft>();
  for (const tx of [...transactions].sort(byPlace)) {
    const domains = new Set(tx.modules.filter((id) => draftOf.has(id)).map(domainOf));
    if (domains.size < 2) continue;
    for (const id of tx.modules) {
      const home = draftOf.get(id);
      if (!home || getDominantDomain(home.modules, domainOf) === domainOf(id)) continue;
      if (!writerHome.has(domainOf(id))) writerHome.set(domainOf(id), home);
    }
  }
  const merged = new Set<ServiceDraft>();
  for (const draft of [...drafts].sort(byFirstModule)) {
    const domain = getDominantDomain(draft.modules, domainOf);
    const home = domain === null ? undefined : writerHome.get(domain);
    if (!home || home === draft || merged.has(home)) continue;
    // Only ties to its own moved writers count: a file that merely sits in another domain's
    // folder (written and used by the home alone) moves by itself and brings nothing along.
    const ties = getTies(draft, affinity, draftOf);
    const toHome = getOwnTie(draft.modules, home, domain!, affinity, domainOf);
    ties.delete(home);
    if (toHome === 0 || [...ties.values()].some((tie) => tie > toHome) || !allowed(draft, home)) continue;
    home.modules = [...home.modules, ...draft.modules].sort();
    home.pinned ??= draft.pinned;
    for (const id of draft.modules) draftOf.set(id, home);
    merged.add(draft);
  }
  const kept = drafts.filter((draft) => !merged.has(draft));
  // A domain's few modules that Louvain placed in another domain's service follow its writer
  // when they are tied to the writer's home more than to the service they sit in.
  for (const draft of [...kept].sort(byFirstModule)) {
    const dominant = getDominantDomain(draft.modules, domainOf);
    const byDomain = new Map<string, string[]>();
    for (const id of draft.modules) {
      const domain = domainOf(id);
      if (domain !== dominant) byDomain.set(domain, [...(byDomain.get(domain) ?? []), id]);
    }
    for (const [domain, part] of [...byDomain].sort(([a], [b]) => (a < b ? -1 : 1))) {
      const home = writerHome.get(domain);
      if (!home || home === draft || merged.has(home)) continue;
      const inPart = new Set(part);
      const toHome = getOwnTie(part, home, domain, affinity, domainOf);
      let toRest = 0;
      for (const id of part) {
        for (const [other, weight] of affinity.neighbours.get(id) ?? []) {
          if (!inPart.has(other) && draftOf.get(other) === draft) toRest += weight;
        }
      }
      const moving = { modules: part, pinned: null };
      if (toHome <= toRest || !allowed(moving, home)) continue;
      draft.modules = draft.modules.filter((id) => !inPart.has(id));
      home.modules = [...home.modules, ...part].sort();
      for (const id of part) draftOf.set(id, home);
    }
  }
  return kept.filter((draft) => draft.modules.length > 0);
}

/** Weight of the ties from `modules` to the home's modules of their own domain. */
function getOwnTie(
  modules: readonly string[],
  home: ServiceDraft,
  domain: string,
  affinity: Affinity,
  domainOf: (id: string) => string,
): number {
  const writers = new Set(home.modules.filter((id) => domainOf(id) === domain));
  let tie = 0;
  for (const id of modules) {
    for (const [other, weight] of affinity.neighbours.get(id) ?? []) if (writers.has(other)) tie += weight;
  }
  return tie;
}

function getTies(
  draft: ServiceDraft,
  affinity: Affinity,
  draftOf: ReadonlyMap<string, ServiceDraft>,
): Map<ServiceDraft, number> {
  const ties = new Map<ServiceDraft, number>();
  for (const id of draft.modules) {
    for (const [other, weight] of affinity.neighbours.get(id) ?? []) {
      const target = draftOf.get(other);
      if (target && target !== draft) ties.set(target, (ties.get(target) ?? 0) + weight);
    }
  }
  return ties;
}

/** The domain most of a draft's modules share, if more than half do. */
export function getDominantDomain(
  modules: readonly string[],
  domainOf: (id: string) => string,
): string | null {
  const counts = new Map<string, number>();
  for (const id of modules) counts.set(domainOf(id), (counts.get(domainOf(id)) ?? 0) + 1);
  const [key, count] = [...counts].sort(([a, x], [b, y]) => y - x || (a < b ? -1 : 1))[0] ?? ['', 0];
  return count * 2 > modules.length ? key : null;
}

const byPlace = (a: TransactionFact, b: TransactionFact) =>
  a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line;
const byFirstModule = (a: ServiceDraft, b: ServiceDraft) => (a.modules[0]! < b.modules[0]! ? -1 : 1);
