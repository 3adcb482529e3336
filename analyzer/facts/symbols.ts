import type { Declaration, FileScan, SymbolRef } from '../scan/file-scan.ts';

export interface ResolvedSymbol {
  file: string;
  /** The declaration's local name in `file` (`*` for a whole module). */
  local: string;
  /** Barrels passed through on the way, in order. */
  via: string[];
}

export interface SymbolResolver {
  /** Where the export `name` of `file` is defined, looking through barrels; null when not exported. */
  resolveExport(file: string, name: string): ResolvedSymbol | null;
  /** Where a reference seen in `fromFile` points: the defining file and declaration. */
  resolveRef(ref: SymbolRef, fromFile: string): ResolvedSymbol | null;
  declaration(file: string, local: string): Declaration | undefined;
  scan(file: string): FileScan | undefined;
}

/** Follows exports, `export ... from` and `export *` chains across files, memoised per name. */
export function createSymbolResolver(scans: readonly FileScan[]): SymbolResolver {
  const byId = new Map(scans.map((scan) => [scan.id, scan]));
  const memo = new Map<string, ResolvedSymbol | null>();

  const resolveExport = (file: string, name: string, depth = 0): ResolvedSymbol | null => {
    const key = `${file}#${name}`;
    if (memo.has(key)) return memo.get(key)!;
    memo.set(key, null); // breaks export cycles
    const result = depth > 30 ? null : lookup(file, name, depth);
    memo.set(key, result);
    return result;
  };

  const lookup = (file: string, name: string, depth: number): ResolvedSymbol | null => {
    const scan = byId.get(file);
    if (!scan) return null;
    if (name === '*') return { file, local: '*', via: [] };
    for (const entry of scan.exports) {
      if (entry.name !== name) continue;
      if (entry.from?.target && entry.from.target !== file) {
        const through = resolveExport(entry.from.target, entry.from.name, depth + 1);
        return through
          ? { ...through, via: [file, ...through.via] }
          : { file: entry.from.target, local: entry.from.name, via: [file] };
      }
      return { file, local: entry.local ?? name, via: [] };
    }
    for (const reexport of scan.reexports) {
      if (!reexport.target || reexport.names === '*') continue;
      const named = reexport.names.find((n) => n.exported === name);
      if (!named) continue;
      const through =
        named.imported === '*' ? null : resolveExport(reexport.target, named.imported, depth + 1);
      return through
        ? { ...through, via: [file, ...through.via] }
        : { file: reexport.target, local: named.imported, via: [file] };
    }
    if (name !== 'default') {
      for (const reexport of scan.reexports) {
        if (!reexport.target || reexport.names !== '*') continue;
        const through = resolveExport(reexport.target, name, depth + 1);
        if (through) return { ...through, via: [file, ...through.via] };
      }
    }
    // CommonJS files and scripts without explicit exports: a top-level declaration is reachable.
    if (scan.declarations[name] && scan.exports.length === 0) return { file, local: name, via: [] };
    return null;
  };

  const resolveRef = (ref: SymbolRef, fromFile: string): ResolvedSymbol | null => {
    if (!ref.target) return null;
    if (ref.target === fromFile && byId.get(fromFile)?.declarations[ref.name]) {
      return { file: fromFile, local: ref.name, via: [] };
    }
    if (ref.name === '*') {
      // A whole module used as a value (`require('./orders')`): its `module.exports`.
      return resolveExport(ref.target, 'default') ?? { file: ref.target, local: '*', via: [] };
    }
    return resolveExport(ref.target, ref.name) ?? { file: ref.target, local: ref.name, via: [] };
  };

  return {
    resolveExport: (file, name) => resolveExport(file, name),
    resolveRef,
    declaration: (file, local) => byId.get(file)?.declarations[local],
    scan: (file) => byId.get(file),
  };
}
