import type { AnalysisService, AnalysisTable } from '../analysis.ts';

export interface ExtractionInput {
  name: string;
  modules: string[];
  endpointPaths: string[];
  dependsOn: AnalysisService['dependsOn'];
  loc: number;
  /** Transactions that span it and another service. */
  splitTransactions: number;
}

export interface ExtractionRank {
  order: number;
  reasons: string[];
  scores: Record<string, number>;
}

/** Cost weights: what makes a service risky or expensive to carve out first. */
const COST = {
  inbound: 4,
  outbound: 1,
  sharedWrite: 3,
  noEndpoints: 5,
  routeConflict: 2,
  size: 3,
  splitTransaction: 6,
};

const GENERIC_SEGMENTS = /^(api|v\d+|rest|public|internal|:.*|\*.*)$/i;

/**
 * Ranks services by how cheaply and safely they can be strangled first: few services calling
 * in (each needs a remote client), no writes shared with another service, endpoints the proxy
 * can route on their own (a route prefix no other service uses), small size.
 */
export function rankExtraction(
  services: readonly ExtractionInput[],
  tables: readonly AnalysisTable[],
): Map<string, ExtractionRank> {
  const maxLoc = Math.max(1, ...services.map((s) => s.loc));
  const prefixOwners = new Map<string, Set<string>>();
  for (const service of services) {
    for (const path of service.endpointPaths) {
      const prefix = getRoutePrefix(path);
      prefixOwners.set(prefix, new Set([...(prefixOwners.get(prefix) ?? []), service.name]));
    }
  }
  const ranked = services.map((service) => {
    const callers = services.filter((other) => other.dependsOn.some((d) => d.service === service.name));
    const inboundCalls = callers.reduce(
      (sum, other) =>
        sum + other.dependsOn.filter((d) => d.service === service.name).reduce((s, d) => s + d.calls, 0),
      0,
    );
    const sharedWrites = tables
      .filter((t) => t.access.some((a) => a.service === service.name && a.writes))
      .filter((t) => t.access.filter((a) => a.writes).length > 1)
      .map((t) => t.name);
    const prefixes = [...new Set(service.endpointPaths.map(getRoutePrefix))].sort();
    const conflicts = prefixes.filter((prefix) => prefixOwners.get(prefix)!.size > 1);
    const endpoints = service.endpointPaths.length;
    const cost =
      COST.inbound * callers.length +
      COST.outbound * service.dependsOn.length +
      COST.sharedWrite * sharedWrites.length +
      (endpoints === 0 ? COST.noEndpoints : 0) +
      COST.routeConflict * conflicts.length +
      COST.size * (service.loc / maxLoc) +
      COST.splitTransaction * service.splitTransactions;
    const reasons = [
      callers.length === 0
        ? 'no other service calls it'
        : `${callers.length} service(s) call it (${callers.map((c) => c.name).join(', ')}; ${inboundCalls} import sites): they need a remote client first`,
      sharedWrites.length === 0
        ? 'no table it writes is written by another service'
        : `shares writes on ${sharedWrites.join(', ')} with another service: agree on one writer first`,
      endpoints === 0
        ? 'no endpoints of its own: the proxy cannot route to it, extract it behind its callers'
        : conflicts.length === 0
          ? `its ${endpoints} endpoint(s) sit under ${prefixes.join(', ')}, which no other service uses: the proxy can route them on their own`
          : `route prefix ${conflicts.join(', ')} is shared with another service: route its endpoints one by one`,
      `${service.modules.length} file(s), ${service.loc} lines`,
      ...(service.dependsOn.length > 0
        ? [`calls ${service.dependsOn.map((d) => d.service).join(', ')}`]
        : []),
      ...(service.splitTransactions > 0
        ? [`${service.splitTransactions} transaction(s) span it and another service`]
        : []),
    ];
    const scores = {
      cost: Math.round(cost * 100) / 100,
      inbound: callers.length,
      inboundCalls,
      outbound: service.dependsOn.length,
      sharedWrites: sharedWrites.length,
      endpoints,
      routeConflicts: conflicts.length,
      files: service.modules.length,
      loc: service.loc,
      splitTransactions: service.splitTransactions,
    };
    return { name: service.name, reasons, scores };
  });
  ranked.sort(
    (a, b) => a.scores.cost - b.scores.cost || a.scores.loc - b.scores.loc || (a.name < b.name ? -1 : 1),
  );
  return new Map(ranked.map((r, i) => [r.name, { order: i + 1, reasons: r.reasons, scores: r.scores }]));
}

/** `/api/v1/orders/:id` -> `/api/v1/orders`: the part a proxy route would match on. */
export function getRoutePrefix(path: string): string {
  const segments = path.split('/').filter(Boolean);
  const index = segments.findIndex((segment) => !GENERIC_SEGMENTS.test(segment));
  return index < 0 ? '/' : `/${segments.slice(0, index + 1).join('/')}`;
}
