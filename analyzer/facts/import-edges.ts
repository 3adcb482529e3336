import type { FileScan } from '../scan/file-scan.ts';
import type { SymbolResolver } from './symbols.ts';
import type { ImportEdge } from './types.ts';

/**
 * One edge per import site and defining file. Named imports through a barrel are attributed to
 * the file that defines each symbol, so an `index.ts` that only re-exports never becomes a hub;
 * an import whose symbols all turn out to be interfaces or type aliases is a `type` edge.
 */
export function toImportEdges(scans: readonly FileScan[], symbols: SymbolResolver): ImportEdge[] {
  const edges: ImportEdge[] = [];
  const seen = new Set<string>();
  const push = (edge: ImportEdge) => {
    const key = `${edge.from}|${edge.to}|${edge.kind}|${edge.line}|${edge.symbols.join(',')}`;
    if (seen.has(key) || edge.from === edge.to) return;
    seen.add(key);
    edges.push(edge);
  };
  for (const scan of scans) {
    for (const site of scan.imports) {
      if (!site.target) continue;
      const base = { from: scan.id, kind: site.kind, line: site.line };
      const named = site.symbols.filter((s) => s !== '*');
      if (site.kind === 'reexport' || named.length === 0) {
        push({ ...base, to: site.target, symbols: [...site.symbols] });
        continue;
      }
      const groups = new Map<string, { symbols: string[]; via: string[]; allTypes: boolean }>();
      for (const symbol of named) {
        const found = symbols.resolveExport(site.target, symbol);
        const to = found?.file ?? site.target;
        const group = groups.get(to) ?? { symbols: [], via: found?.via ?? [], allTypes: true };
        group.symbols.push(symbol);
        const declaration = found ? symbols.declaration(found.file, found.local) : undefined;
        if (declaration?.kind !== 'type') group.allTypes = false;
        groups.set(to, group);
      }
      if (site.symbols.includes('*')) push({ ...base, to: site.target, symbols: ['*'] });
      for (const [to, group] of groups) {
        const kind = group.allTypes && site.kind === 'import' ? 'type' : site.kind;
        push({
          ...base,
          kind,
          to,
          symbols: group.symbols.sort(),
          ...(group.via.length > 0 ? { via: group.via } : {}),
        });
      }
    }
  }
  return edges;
}
