import type { AnalysisWarning, ProjectFacts, TransactionFact } from '../facts/types.ts';
import { getAffinity } from '../graph/affinity.ts';
import { getFolderEdges } from '../graph/folder-signal.ts';
import type { ModuleGraph } from '../graph/types.ts';
import { DEFAULT_WEIGHTS } from '../graph/weights.ts';
import { type Constraints, NO_CONSTRAINTS, resolveConstraints } from './constraints.ts';
import { getDomainKey } from './domain-folder.ts';
import { followMovedWriters } from './follow-writers.ts';
import { ModuleGroups } from './groups.ts';
import { getPartitionQuality, runLouvain, toLouvainGraph, type WeightedGraph } from './louvain.ts';
import { absorbIncapable, getMembers, splitApart } from './refine.ts';
import { DEFAULT_SEED } from './rng.ts';
import { canJoin, isEntryPoint, mergeSameDomain, setAsideOrphans } from './set-aside.ts';
import { detectSharedKernel, extendKernel, getCapableModules } from './shared-kernel.ts';
import { keepTransactionsTogether } from './transactions.ts';
import { detectWiring } from './wiring.ts';

export interface ClusterOptions {
  seed?: number;
  /** Co-location prior's weight (analyzer/graph/folder-signal.ts); 0 turns it off. */
  folderWeight?: number;
  /** About how many services to propose; null or absent: the count that scores best. */
  services?: number | null;
  constraints?: Constraints;
}

export interface ClusterCandidate {
  resolution: number;
  services: number;
  quality: number;
}

export interface ClusterResult {
  /** Each service's modules (sorted); services ordered by their first module. */
  services: Array<{ modules: string[]; pinned: string | null }>;
  sharedKernel: string[];
  wiring: string[];
  chosenResolution: number | null;
  /** The resolutions tried and what they gave, to explain the chosen count. */
  candidates: ClusterCandidate[];
  /** Transactions whose modules the constraints forced apart. */
  forcedSplits: TransactionFact[];
  /** Transactions left split because their writers' code belongs to different services. */
  couplingSplits: TransactionFact[];
  warnings: AnalysisWarning[];
}

/** Resolutions tried without --services: around 1, where modularity is usually best. */
const AUTO_RESOLUTIONS = [0.5, 0.6, 0.7, 0.8, 0.9, 1, 1.1, 1.25, 1.5, 1.75, 2];
/** Resolutions tried to reach a requested count: a wide geometric range. */
const SEARCH_RESOLUTIONS = Array.from({ length: 36 }, (_, i) => Math.round(0.05 * 1.2 ** i * 1000) / 1000);

/** Community detection over the module graph, with the kernel and wiring set aside. */
export function clusterModules(
  facts: ProjectFacts,
  graph: ModuleGraph,
  options: ClusterOptions = {},
): ClusterResult {
  const seed = options.seed ?? DEFAULT_SEED;
  const warnings: AnalysisWarning[] = [];
  const constraints = options.constraints ?? NO_CONSTRAINTS;
  const pinned = new Set(resolveConstraints(constraints, graph.modules, []).pins.keys());
  const detected = new Set(detectSharedKernel(facts).filter((id) => !pinned.has(id)));
  const wiring = new Set(detectWiring(facts, detected).filter((id) => !pinned.has(id)));
  const kernel = new Set(extendKernel(facts, detected, wiring).filter((id) => !pinned.has(id)));
  const domain = graph.modules.filter((id) => !kernel.has(id) && !wiring.has(id));
  const resolved = resolveConstraints(constraints, domain, warnings);

  const groups = new ModuleGroups(domain, resolved);
  const byName = new Map<string, string>();
  for (const [id, name] of [...resolved.pins].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const first = byName.get(name);
    if (first) groups.union(first, id);
    else byName.set(name, id);
  }
  for (const rule of resolved.together) {
    for (const id of rule.slice(1)) {
      if (!groups.union(rule[0]!, id)) {
        warnings.push({
          code: 'CONSTRAINT_CONFLICT',
          file: id,
          message: `Cannot keep ${id} with ${rule[0]}: an apart rule or a pin separates them.`,
        });
      }
    }
  }
  if ((constraints.transactions ?? 'together') === 'together') {
    // A transaction's writers are one unit before clustering, so the code around them (routers,
    // services) is placed by its ties to the whole unit instead of being cut from its writer.
    for (const tx of facts.transactions) {
      const writers = tx.modules.filter((id) => groups.has(id));
      for (const id of writers.slice(1)) groups.union(writers[0]!, id);
    }
  }
  const domainSet = new Set(domain);
  const members = groups.getGroups();
  const rootOf = new Map<string, string>();
  for (const [root, ids] of members) for (const id of ids) rootOf.set(id, root);
  const affinity = getAffinity(graph.edges, domainSet);
  const groupGraph: WeightedGraph = new Map([...members.keys()].map((root) => [root, new Map()]));
  const prior = getFolderEdges(domain, {
    ...DEFAULT_WEIGHTS,
    folder: options.folderWeight ?? DEFAULT_WEIGHTS.folder,
  });
  for (const [a, neighbours] of getAffinity([...graph.edges, ...prior], domainSet).neighbours) {
    for (const [b, weight] of neighbours) {
      const ra = rootOf.get(a)!;
      const rb = rootOf.get(b)!;
      if (ra === rb) continue;
      const map = groupGraph.get(ra)!;
      map.set(rb, (map.get(rb) ?? 0) + weight);
    }
  }
  const tags = new Map([...members.keys()].map((root) => [root, groups.getSides(root)]));
  const capableModules = getCapableModules(facts);
  const capable = new Set(
    [...members].filter(([, ids]) => ids.some((id) => capableModules.has(id))).map(([r]) => r),
  );
  const domainOfGroup = (root: string) => getDomainKey(root);

  const louvainGraph = toLouvainGraph(groupGraph);
  const partitionAt = (resolution: number) => {
    const community = runLouvain(louvainGraph, resolution, seed);
    splitApart(groupGraph, community, tags);
    absorbIncapable(groupGraph, community, capable, tags, domainOfGroup);
    return community;
  };
  const requested = options.services ?? null;
  const resolutions = requested ? SEARCH_RESOLUTIONS : AUTO_RESOLUTIONS;
  const candidates: ClusterCandidate[] = [];
  let best: { community: Map<string, number>; candidate: ClusterCandidate } | null = null;
  for (const resolution of members.size > 0 ? resolutions : []) {
    const community = partitionAt(resolution);
    const candidate = {
      resolution,
      services: getMembers(community).size,
      quality: Math.round(getPartitionQuality(groupGraph, community) * 10000) / 10000,
    };
    candidates.push(candidate);
    if (!best || isBetter(candidate, best.candidate, requested)) best = { community, candidate };
  }

  const drafts = [...getMembers(best?.community ?? new Map()).values()].map((roots) => {
    const modules = roots.flatMap((root) => members.get(root)!).sort();
    const names = [...new Set(modules.map((id) => resolved.pins.get(id)).filter((n): n is string => !!n))];
    return { modules, pinned: names.length > 0 ? names.sort()[0]! : null };
  });
  const joined = mergeSameDomain(drafts, affinity, getDomainKey, (from, into) =>
    canJoin(from.modules, into, resolved.pins, (id) => tags.get(rootOf.get(id)!)!),
  );
  const policy = constraints.transactions ?? 'together';
  const following =
    policy === 'together'
      ? followMovedWriters(joined, facts.transactions, affinity, getDomainKey, (from, into) =>
          canJoin(from.modules, into, resolved.pins, (id) => tags.get(rootOf.get(id)!)!),
        )
      : joined;
  const kept = keepTransactionsTogether(
    following,
    facts.transactions,
    (id) => members.get(rootOf.get(id)!)!,
    (group, target) => canJoin(group, target, resolved.pins, (id) => tags.get(rootOf.get(id)!)!),
    policy,
    (group, target) => {
      const inside = new Set(target.modules);
      let tie = 0;
      for (const id of group) {
        for (const [other, weight] of affinity.neighbours.get(id) ?? []) {
          if (inside.has(other) && !group.includes(other)) tie += weight;
        }
      }
      return tie;
    },
  );
  const { services, orphans } = setAsideOrphans(kept.services, affinity, capableModules);
  // An entry script (imports, nobody imports it) is wiring; an unused helper is kernel.
  for (const id of orphans) (isEntryPoint(facts, id) ? wiring : kernel).add(id);
  services.sort((a, b) => (a.modules[0]! < b.modules[0]! ? -1 : 1));
  const { forcedSplits, couplingSplits } = kept;
  return {
    services,
    sharedKernel: [...kernel].sort(),
    wiring: [...wiring].sort(),
    chosenResolution: best?.candidate.resolution ?? null,
    candidates,
    forcedSplits,
    couplingSplits,
    warnings,
  };
}

function isBetter(candidate: ClusterCandidate, current: ClusterCandidate, requested: number | null): boolean {
  if (requested) {
    const gap = Math.abs(candidate.services - requested);
    const currentGap = Math.abs(current.services - requested);
    if (gap !== currentGap) return gap < currentGap;
  }
  if (candidate.quality !== current.quality) return candidate.quality > current.quality;
  // Equal scores: prefer the resolution closest to 1 (plain modularity).
  return Math.abs(Math.log(candidate.resolution)) < Math.abs(Math.log(current.resolution));
}
