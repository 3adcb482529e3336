/**
 * Decides what goes where: the service's own modules keep their paths; the shared-kernel and
 * other unowned modules they reach (transitively) come once into `lib/`; type-only modules of
 * other services come into `contracts/<service>/`; anything else of another service becomes a
 * generated module in `remote/<service>/` (an HTTP client or a stub, see remote-module.ts).
 */
import path from 'node:path';
import type { SourceFile } from 'ts-morph';
import type { Analysis } from '../analyzer/analysis.ts';
import { getImportSites, type ImportSite, isTypesOnly } from './import-sites.ts';
import type { ModuleResolver } from './resolve-import.ts';
import type { MovedModule } from './types.ts';

export interface RemoteTarget {
  /** Monolith module id. */
  module: string;
  /** Owning service, or `monolith` for wiring. */
  service: string;
  /** Path of the generated module in the service folder. */
  to: string;
  /** Export name -> local names and the copied modules that import it. */
  names: Map<string, { typeOnly: boolean; usedBy: Set<string> }>;
  namespace: boolean;
}

export interface ExtractionPlan {
  /** Monolith module id -> where it is copied. */
  copied: Map<string, MovedModule>;
  remote: Map<string, RemoteTarget>;
  /** Import sites per copied module, with their resolved module (null: a package). */
  sites: Map<string, Array<{ site: ImportSite; target: string | null }>>;
}

export function planExtraction(
  analysis: Analysis,
  serviceName: string,
  resolver: ModuleResolver,
  load: (id: string) => SourceFile,
  /** Unowned modules the server needs (the monolith's app-wide middleware). */
  extraLibrary: readonly string[] = [],
): ExtractionPlan {
  const byId = new Map(analysis.modules.map((module) => [module.id, module]));
  const wiring = new Set(analysis.wiring);
  const service = analysis.services.find((candidate) => candidate.name === serviceName)!;
  const copied = new Map<string, MovedModule>();
  const remote = new Map<string, RemoteTarget>();
  const sites = new Map<string, Array<{ site: ImportSite; target: string | null }>>();
  const libraryIds: string[] = [];
  const queue: Array<{ id: string; kind: MovedModule['kind'] }> = service.modules.map((id) => ({
    id,
    kind: 'service',
  }));
  const seen = new Set(service.modules);
  for (const id of extraLibrary) {
    if (seen.has(id)) continue;
    seen.add(id);
    queue.push({ id, kind: 'library' });
  }

  while (queue.length > 0) {
    const { id, kind } = queue.shift()!;
    copied.set(id, { from: id, to: kind === 'service' ? id : '', kind });
    if (kind === 'library') libraryIds.push(id);
    if (!isScript(id)) continue;
    const resolved = getImportSites(load(id)).map((site) => ({
      site,
      target: resolver.resolve(site.specifier, id),
    }));
    sites.set(id, resolved);
    for (const { site, target } of resolved) {
      if (target === null || seen.has(target) || copied.has(target)) continue;
      const module = byId.get(target);
      const owner = module?.service ?? null;
      if (owner === serviceName) continue;
      const unowned = !module || (owner === null && !wiring.has(target));
      if (unowned) {
        seen.add(target);
        queue.push({ id: target, kind: 'library' });
        continue;
      }
      const otherService = wiring.has(target) ? 'monolith' : owner!;
      if (isScript(target) && isTypesOnly(load(target))) {
        seen.add(target);
        queue.push({ id: target, kind: 'contract' });
        continue;
      }
      let entry = remote.get(target);
      if (!entry) {
        entry = {
          module: target,
          service: otherService,
          to: `remote/${otherService}/${path.posix.basename(target).replace(/\.(m|c)?jsx?$/, '.ts')}`,
          names: new Map(),
          namespace: false,
        };
        remote.set(target, entry);
      }
      entry.namespace ||= site.namespace;
      for (const name of site.names) {
        const used = entry.names.get(name.name) ?? { typeOnly: true, usedBy: new Set<string>() };
        used.typeOnly &&= name.typeOnly;
        used.usedBy.add(id);
        entry.names.set(name.name, used);
      }
    }
  }
  // Later imports may have reached a module first queued as remote: copied wins.
  for (const id of copied.keys()) remote.delete(id);
  placeCopies(copied, libraryIds, byId);
  return { copied, remote, sites };
}

export function isScript(id: string): boolean {
  return /\.(m|c)?[jt]sx?$/.test(id);
}

function placeCopies(
  copied: Map<string, MovedModule>,
  libraryIds: string[],
  byId: Map<string, { service: string | null }>,
): void {
  const prefix = commonDir(libraryIds);
  for (const moved of copied.values()) {
    if (moved.kind === 'library') moved.to = `lib/${moved.from.slice(prefix.length)}`;
    if (moved.kind === 'contract') {
      const owner = byId.get(moved.from)?.service ?? 'monolith';
      moved.to = `contracts/${owner}/${path.posix.basename(moved.from)}`;
    }
  }
}

/** The longest folder prefix (with its trailing `/`) shared by every id. */
function commonDir(ids: string[]): string {
  if (ids.length === 0) return '';
  let prefix = ids[0]!.slice(0, ids[0]!.lastIndexOf('/') + 1);
  for (const id of ids) {
    while (prefix && !id.startsWith(prefix))
      prefix = prefix.slice(0, prefix.slice(0, -1).lastIndexOf('/') + 1);
  }
  return prefix;
}
