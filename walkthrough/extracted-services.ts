import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RoutePlan } from '../proxy/store/plan.ts';

/** A service in `extracted/`, as the walkthrough starts and routes it. */
export interface ExtractedService {
  name: string;
  dir: string;
  /** Its routes, from its own `routes.plan.json` (written by `strangler extract`). */
  plan: RoutePlan;
  /** Monolith tables the service needs a local copy of: those it owns and those it reads. */
  tables: string[];
}

/**
 * The services in `extracted/`, in the extraction order of the analysis they were carved
 * from (`extracted/analysis.json`).
 */
export function findExtractedServices(root: string): ExtractedService[] {
  const base = join(root, 'extracted');
  if (!existsSync(base)) return [];
  const analysisFile = join(base, 'analysis.json');
  const analysis = existsSync(analysisFile)
    ? (JSON.parse(readFileSync(analysisFile, 'utf8')) as {
        services: Array<{ name: string; extractionOrder: number; tables: string[]; reads: string[] }>;
      })
    : { services: [] };
  const services: ExtractedService[] = [];
  for (const name of readdirSync(base)) {
    const dir = join(base, name);
    const planFile = join(dir, 'routes.plan.json');
    if (!existsSync(planFile) || !existsSync(join(dir, 'server.ts'))) continue;
    const proposed = analysis.services.find((service) => service.name === name);
    const tables = new Set([
      ...tablesInSchema(join(dir, 'db', 'schema.sql')),
      ...(proposed?.tables ?? []),
      ...(proposed?.reads ?? []),
    ]);
    services.push({
      name,
      dir,
      plan: JSON.parse(readFileSync(planFile, 'utf8')) as RoutePlan,
      tables: [...tables].sort(),
    });
  }
  const order = (name: string) =>
    analysis.services.find((s) => s.name === name)?.extractionOrder ?? Number.MAX_SAFE_INTEGER;
  return services.sort((a, b) => order(a.name) - order(b.name) || (a.name < b.name ? -1 : 1));
}

function tablesInSchema(file: string): string[] {
  if (!existsSync(file)) return [];
  const sql = readFileSync(file, 'utf8');
  return [...sql.matchAll(/CREATE TABLE (?:IF NOT EXISTS )?["`]?(\w+)/gi)].map((match) => match[1]!);
}
