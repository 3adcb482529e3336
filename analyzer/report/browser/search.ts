/** Search over services, modules, endpoints and tables; each hit knows the service to open. */
import type { Analysis } from '../../analysis.ts';
import type { Assignment } from '../partition-view.ts';

export interface SearchHit {
  kind: 'service' | 'module' | 'endpoint' | 'table';
  label: string;
  /** The service to show when the hit is chosen (null: shared kernel or wiring). */
  service: string | null;
  /** Graph node ids to mark in the service graph. */
  nodes: string[];
}

export function search(analysis: Analysis, assignment: Assignment, query: string, limit = 30): SearchHit[] {
  const needle = query.trim().toLowerCase();
  if (needle === '') return [];
  const hits: SearchHit[] = [];
  const matches = (text: string) => text.toLowerCase().includes(needle);
  const names = [...new Set(Object.values(assignment))].sort();
  for (const name of names) {
    if (matches(name)) hits.push({ kind: 'service', label: name, service: name, nodes: [`svc:${name}`] });
  }
  for (const module of analysis.modules) {
    if (!matches(module.id)) continue;
    const service = assignment[module.id] ?? null;
    hits.push({ kind: 'module', label: module.id, service, nodes: service ? [`svc:${service}`] : [] });
  }
  const serviceOfEndpoint = new Map<string, string | null>();
  for (const module of analysis.modules) {
    for (const endpoint of module.endpoints) serviceOfEndpoint.set(endpoint, assignment[module.id] ?? null);
  }
  for (const endpoint of analysis.endpoints) {
    if (!matches(endpoint.id)) continue;
    const service = serviceOfEndpoint.get(endpoint.id) ?? null;
    hits.push({ kind: 'endpoint', label: endpoint.id, service, nodes: service ? [`svc:${service}`] : [] });
  }
  for (const table of analysis.tables) {
    if (!matches(table.name)) continue;
    const services = [
      ...new Set(
        [...table.readers, ...table.writers].map((id) => assignment[id]).filter((s) => s !== undefined),
      ),
    ];
    hits.push({
      kind: 'table',
      label: table.name,
      service: services[0] ?? null,
      nodes: [`tbl:${table.name}`, ...services.map((s) => `svc:${s}`)],
    });
  }
  return hits.slice(0, limit);
}
