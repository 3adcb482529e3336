import { fileURLToPath } from 'node:url';
import type { ImportEdge, ProjectFacts } from '../../../analyzer/facts/types.ts';
import { type ReadProjectOptions, readProjectFacts } from '../../../analyzer/scan/index.ts';

/** Absolute path of `test/fixtures/analyzer/<name>`. */
export function fixturePath(name: string): string {
  return fileURLToPath(new URL(`../../fixtures/analyzer/${name}`, import.meta.url));
}

export function readFixture(
  name: string,
  options: Omit<ReadProjectOptions, 'root'> = {},
): Promise<ProjectFacts> {
  return readProjectFacts({ root: fixturePath(name), ...options });
}

/** `from -> to kind [symbols]`, one string per edge, for exact comparisons. */
export function describeEdges(edges: readonly ImportEdge[]): string[] {
  return edges
    .map(
      (e) =>
        `${e.from} -> ${e.to} ${e.kind} [${e.symbols.join(',')}]${e.via ? ` via ${e.via.join(',')}` : ''}`,
    )
    .sort();
}

export function describeEndpoints(facts: ProjectFacts): string[] {
  return facts.endpoints.map((e) => `${e.id} ${e.file}:${e.line}`).sort();
}

export function describeTables(facts: ProjectFacts): string[] {
  return facts.tableAccesses.map((a) => `${a.access} ${a.table} ${a.file}:${a.line} ${a.via}`).sort();
}
