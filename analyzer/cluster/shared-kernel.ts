import type { ProjectFacts } from '../facts/types.ts';
import { getDomainKey } from './domain-folder.ts';

export interface KernelOptions {
  /** Importers must come from at least this many domain folders... */
  minImporterDomains: number;
  /** ...or from at least two domain folders and this many modules. */
  minImporters: number;
}

export const DEFAULT_KERNEL_OPTIONS: Readonly<KernelOptions> = Object.freeze({
  minImporterDomains: 3,
  minImporters: 4,
});

const RUNTIME = new Set(['import', 'require', 'dynamic', 'reexport']);

/**
 * The shared kernel: infrastructure every service will get as a library (db connection,
 * config, logger, errors, generic utils). A module qualifies when it has no endpoints and no
 * tables, reaches no module that has them (so a `users.service` that many import stays a
 * domain module), and is imported across domains. Modules only the kernel imports (the config
 * the db connection reads) join it.
 */
export function detectSharedKernel(
  facts: ProjectFacts,
  options: KernelOptions = DEFAULT_KERNEL_OPTIONS,
): string[] {
  const ids = facts.files.map((file) => file.id).sort();
  const capable = getCapableModules(facts);
  const { importers, runtimeImporters, runtimeTargets } = getImportMaps(facts, ids);
  const reachesDomain = getReachesDomain(ids, getDomainAnchors(facts), runtimeTargets);
  // Types a domain folder publishes (`accounts/accounts.types.ts`) stay with their domain even
  // when many import them: only runtime importers count for them.
  const domainKeys = new Set([...capable].map(getDomainKey));
  const kernel = new Set<string>();
  // A helper inside a domain folder (`promotions/discounts.ts`) is that domain's code that others
  // call; only when a large share of the domains import it is it really shared.
  const inDomainThreshold = Math.max(options.minImporterDomains, Math.ceil(domainKeys.size * 0.4));
  for (const id of ids) {
    if (reachesDomain.has(id)) continue;
    const inDomain = domainKeys.has(getDomainKey(id));
    const from = inDomain ? runtimeImporters.get(id)! : importers.get(id)!;
    const domains = new Set([...from].map(getDomainKey));
    const shared = inDomain
      ? domains.size >= inDomainThreshold
      : domains.size >= options.minImporterDomains ||
        (domains.size >= 2 && from.size >= options.minImporters);
    if (shared) kernel.add(id);
  }
  closeKernel(ids, kernel, new Set(), importers, reachesDomain);
  return [...kernel].sort();
}

/**
 * Helpers only the kernel or the wiring imports join the kernel: the config the db
 * connection reads, the request-id middleware the app mounts. Mutates `kernel`.
 */
export function closeKernel(
  ids: readonly string[],
  kernel: Set<string>,
  wiring: ReadonlySet<string>,
  importers: ReadonlyMap<string, ReadonlySet<string>>,
  reachesDomain: ReadonlySet<string>,
): void {
  let grew = true;
  while (grew) {
    grew = false;
    for (const id of ids) {
      if (kernel.has(id) || wiring.has(id) || reachesDomain.has(id)) continue;
      const from = importers.get(id)!;
      if (from.size > 0 && [...from].every((i) => kernel.has(i) || wiring.has(i))) {
        kernel.add(id);
        grew = true;
      }
    }
  }
}

/** Extends a detected kernel with what only the kernel and the wiring import. */
export function extendKernel(
  facts: ProjectFacts,
  kernel: ReadonlySet<string>,
  wiring: ReadonlySet<string>,
): string[] {
  const ids = facts.files.map((file) => file.id).sort();
  const { importers, runtimeTargets } = getImportMaps(facts, ids);
  const reachesDomain = getReachesDomain(ids, getDomainAnchors(facts), runtimeTargets);
  const extended = new Set(kernel);
  closeKernel(ids, extended, wiring, importers, reachesDomain);
  return [...extended].sort();
}

function getImportMaps(facts: ProjectFacts, ids: readonly string[]) {
  const importers = new Map<string, Set<string>>(ids.map((id) => [id, new Set()]));
  const runtimeImporters = new Map<string, Set<string>>(ids.map((id) => [id, new Set()]));
  const runtimeTargets = new Map<string, Set<string>>(ids.map((id) => [id, new Set()]));
  for (const edge of facts.imports) {
    if (edge.from === edge.to || !importers.has(edge.to) || !importers.has(edge.from)) continue;
    importers.get(edge.to)!.add(edge.from);
    if (RUNTIME.has(edge.kind)) {
      runtimeTargets.get(edge.from)!.add(edge.to);
      runtimeImporters.get(edge.to)!.add(edge.from);
    }
  }
  return { importers, runtimeImporters, runtimeTargets };
}

/**
 * What anchors a module in a domain: endpoints of its own, or writes. An auth middleware that
 * only reads the sessions table can still be kernel (the issue lists auth middleware there).
 */
export function getDomainAnchors(facts: ProjectFacts): Set<string> {
  const anchors = new Set(facts.endpoints.map((e) => e.file));
  for (const access of facts.tableAccesses) if (access.access === 'write') anchors.add(access.file);
  return anchors;
}

/** Modules with endpoints or tables of their own: the ones that carry a capability. */
export function getCapableModules(facts: ProjectFacts): Set<string> {
  return new Set([...facts.endpoints.map((e) => e.file), ...facts.tableAccesses.map((a) => a.file)]);
}

function getReachesDomain(
  ids: string[],
  capable: ReadonlySet<string>,
  targets: ReadonlyMap<string, ReadonlySet<string>>,
): Set<string> {
  const reverse = new Map<string, string[]>();
  for (const [from, tos] of targets) {
    for (const to of tos) {
      const list = reverse.get(to);
      if (list) list.push(from);
      else reverse.set(to, [from]);
    }
  }
  const reached = new Set(ids.filter((id) => capable.has(id)));
  const queue = [...reached];
  while (queue.length > 0) {
    const id = queue.pop()!;
    for (const importer of reverse.get(id) ?? []) {
      if (!reached.has(importer)) {
        reached.add(importer);
        queue.push(importer);
      }
    }
  }
  return reached;
}
