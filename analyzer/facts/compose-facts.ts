import type { FileScan } from '../scan/file-scan.ts';
import { composeEndpoints } from './endpoints.ts';
import { toImportEdges } from './import-edges.ts';
import { createSymbolResolver } from './symbols.ts';
import { collectTableAccesses } from './table-accesses.ts';
import { collectTransactions } from './transactions.ts';
import type { AnalysisWarning, ProjectFacts } from './types.ts';

/** Turns the per-file scans into project-wide facts. Pure: no file system, no syntax trees. */
export function composeFacts(
  root: string,
  scans: readonly FileScan[],
  options: { prismaModels?: ReadonlyMap<string, string>; warnings?: AnalysisWarning[] } = {},
): Omit<ProjectFacts, 'cycles'> {
  const symbols = createSymbolResolver(scans);
  const imports = toImportEdges(scans, symbols);
  const { endpoints, warnings: routeWarnings } = composeEndpoints(scans, symbols);
  const { accesses, warnings: sqlWarnings } = collectTableAccesses(
    scans,
    symbols,
    options.prismaModels ?? new Map(),
  );
  const transactions = collectTransactions(scans, symbols, accesses);
  return {
    root,
    files: scans.map((scan) => ({
      id: scan.id,
      language: scan.language,
      loc: scan.loc,
      exports: [...new Set(scan.exports.map((e) => e.name).concat(reexportedNames(scan)))].sort(),
    })),
    imports,
    endpoints,
    tableAccesses: accesses.map(({ fn: _fn, ...access }) => access),
    transactions,
    warnings: [
      ...(options.warnings ?? []),
      ...scans.flatMap((scan) => scan.warnings),
      ...routeWarnings,
      ...sqlWarnings,
    ],
  };
}

function reexportedNames(scan: FileScan): string[] {
  return scan.reexports.flatMap((r) => (r.names === '*' ? [] : r.names.map((n) => n.exported)));
}
