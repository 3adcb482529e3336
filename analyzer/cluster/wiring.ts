import type { ProjectFacts } from '../facts/types.ts';
import { getDomainKey } from './domain-folder.ts';
import { getCapableModules } from './shared-kernel.ts';

const RUNTIME = new Set(['import', 'require', 'dynamic', 'reexport']);

/**
 * Wiring: files that only compose the app (`server.ts`, `app.ts`, `routes/index.ts`). They
 * hold no endpoint handler and no table, nothing but other wiring imports them, and they pull
 * in modules from several domains, or only other wiring (the entry point that starts the app).
 * Clustering them would glue every domain they mount into one service.
 */
export function detectWiring(facts: ProjectFacts, kernel: ReadonlySet<string>): string[] {
  const ids = facts.files.map((file) => file.id).sort();
  const capable = getCapableModules(facts);
  const importers = new Map<string, Set<string>>(ids.map((id) => [id, new Set()]));
  const targets = new Map<string, Set<string>>(ids.map((id) => [id, new Set()]));
  for (const edge of facts.imports) {
    if (edge.from === edge.to || !importers.has(edge.to) || !importers.has(edge.from)) continue;
    importers.get(edge.to)!.add(edge.from);
    if (RUNTIME.has(edge.kind)) targets.get(edge.from)!.add(edge.to);
  }
  const candidates = ids.filter((id) => !kernel.has(id) && !capable.has(id));
  const domainTargets = (id: string) => [...targets.get(id)!].filter((to) => !kernel.has(to));
  // Composers pull in several domains; entry points pull in only composers.
  const wiring = new Set(candidates.filter((id) => new Set(domainTargets(id).map(getDomainKey)).size >= 2));
  let changed = true;
  while (changed) {
    changed = false;
    for (const id of candidates) {
      const tos = domainTargets(id);
      if (!wiring.has(id) && tos.length > 0 && tos.every((to) => wiring.has(to))) {
        wiring.add(id);
        changed = true;
      }
    }
  }
  // Something a domain module imports is part of that domain, not wiring.
  changed = true;
  while (changed) {
    changed = false;
    for (const id of [...wiring]) {
      if ([...importers.get(id)!].some((importer) => importer !== id && !wiring.has(importer))) {
        wiring.delete(id);
        changed = true;
      }
    }
  }
  for (const id of getProbeModules(facts)) if (!kernel.has(id)) wiring.add(id);
  return [...wiring].sort();
}

/** Liveness, readiness, version and metrics paths, optionally under /api or a version prefix. */
const PROBE_PATH =
  /^\/(?:api\/)?(?:v\d+\/)?(?:healthz?|health-check|readyz?|readiness|livez?|liveness|ping|status|version|metrics)$/i;

/**
 * A module that only answers operational probes (`/healthz`, `/api/version`) and touches no
 * table is not a capability to extract: every service answers its own probes, and the
 * monolith keeps answering its own. It is set aside with the wiring instead of becoming a
 * one-file service ranked first to extract.
 */
export function getProbeModules(facts: ProjectFacts): string[] {
  const endpoints = new Map<string, string[]>();
  for (const endpoint of facts.endpoints) {
    endpoints.set(endpoint.file, [...(endpoints.get(endpoint.file) ?? []), endpoint.path]);
  }
  const withTables = new Set(facts.tableAccesses.map((access) => access.file));
  return [...endpoints]
    .filter(([file, paths]) => !withTables.has(file) && paths.every((path) => PROBE_PATH.test(path)))
    .map(([file]) => file)
    .sort();
}
