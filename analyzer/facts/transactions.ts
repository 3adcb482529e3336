import type { FileScan, SymbolRef } from '../scan/file-scan.ts';
import type { SymbolResolver } from './symbols.ts';
import type { LocatedAccess } from './table-accesses.ts';
import type { TransactionFact } from './types.ts';

const MAX_DEPTH = 12;

/**
 * Tables written inside each transaction, including writes made by functions it calls in other
 * modules: `placeOrder`'s `db.transaction(() => { reserveStock(); chargeCard(); })` writes the
 * tables `reserveStock` and `chargeCard` write, in their own files.
 */
export function collectTransactions(
  scans: readonly FileScan[],
  symbols: SymbolResolver,
  accesses: readonly LocatedAccess[],
): TransactionFact[] {
  const writesByFn = new Map<string, LocatedAccess[]>();
  const writesByFile = new Map<string, LocatedAccess[]>();
  for (const access of accesses) {
    if (access.access !== 'write') continue;
    push(writesByFn, `${access.file}#${access.fn}`, access);
    push(writesByFile, access.file, access);
  }
  const callsByFn = new Map<string, Array<{ file: string; ref: SymbolRef; line: number }>>();
  for (const scan of scans)
    for (const call of scan.calls)
      push(callsByFn, `${scan.id}#${call.fn}`, { file: scan.id, ref: call.ref, line: call.line });

  const wrappers = new Set(scans.flatMap((scan) => scan.transactionWrappers.map((fn) => `${scan.id}#${fn}`)));
  const facts: TransactionFact[] = [];
  for (const scan of scans) {
    const sites = [...scan.transactions];
    for (const call of scan.calls) {
      if (!call.callback) continue;
      const target = symbols.resolveRef(call.ref, scan.id);
      if (target && wrappers.has(`${target.file}#${target.local}`))
        sites.push({ line: call.line, ...call.callback, fn: call.fn });
    }
    for (const tx of sites) {
      const found: LocatedAccess[] = [];
      const visited = new Set<string>();
      const follow = (file: string, ref: SymbolRef, depth: number) => {
        const target = symbols.resolveRef(ref, file);
        if (!target || depth > MAX_DEPTH) return;
        const name = ref.member ? `${target.local}.${ref.member}` : target.local;
        const key = `${target.file}#${name}`;
        if (visited.has(key) || !symbols.declaration(target.file, name)) return;
        visited.add(key);
        found.push(...(writesByFn.get(key) ?? []));
        for (const call of callsByFn.get(key) ?? []) follow(call.file, call.ref, depth + 1);
      };
      const inside = (line: number) => line >= tx.startLine && line <= tx.endLine;
      found.push(...(writesByFile.get(scan.id) ?? []).filter((a) => inside(a.line)));
      for (const call of scan.calls) if (inside(call.line)) follow(scan.id, call.ref, 1);
      if (tx.callback) follow(scan.id, tx.callback, 1);
      if (found.length === 0) continue;
      facts.push({
        file: scan.id,
        line: tx.line,
        tables: [...new Set(found.map((a) => a.table))].sort(),
        modules: [...new Set(found.map((a) => a.file))].sort(),
      });
    }
  }
  return facts;
}

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
