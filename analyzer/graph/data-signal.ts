import type { TableAccessFact, TransactionFact } from '../facts/types.ts';
import { round } from './static-signal.ts';
import { type CouplingEdge, compareEdges, pairKey } from './types.ts';
import type { CouplingWeights } from './weights.ts';

/**
 * Data coupling, the signal practitioners trust most: modules touching the same table belong
 * together, writers more than readers. A table touched by many modules says less about any one
 * pair, so each table's contribution is divided by the number of other modules touching it
 * (a `users` table read everywhere must not glue the whole app into one service). Writes that
 * run inside one transaction couple their modules strongly (and clustering keeps them in one
 * service regardless: analyzer/cluster/transactions.ts).
 */
export function getDataEdges(
  accesses: readonly TableAccessFact[],
  transactions: readonly TransactionFact[],
  weights: CouplingWeights,
  excluded: ReadonlySet<string> = new Set(),
): CouplingEdge[] {
  const byTable = new Map<string, Map<string, { reads: boolean; writes: boolean }>>();
  for (const access of accesses) {
    if (excluded.has(access.file)) continue;
    let modules = byTable.get(access.table);
    if (!modules) {
      modules = new Map();
      byTable.set(access.table, modules);
    }
    const side = modules.get(access.file) ?? { reads: false, writes: false };
    if (access.access === 'write') side.writes = true;
    else side.reads = true;
    modules.set(access.file, side);
  }
  const pairs = new Map<string, { weight: number; tables: Set<string> }>();
  const add = (a: string, b: string, weight: number, tables: readonly string[]) => {
    const [from, to] = pairKey(a, b);
    const key = `${from}\0${to}`;
    const entry = pairs.get(key) ?? { weight: 0, tables: new Set<string>() };
    entry.weight += weight;
    for (const table of tables) entry.tables.add(table);
    pairs.set(key, entry);
  };
  for (const [table, modules] of byTable) {
    const ids = [...modules.keys()].sort();
    const spread = Math.max(1, ids.length - 1);
    for (let i = 0; i < ids.length; i++) {
      for (let j = i + 1; j < ids.length; j++) {
        const a = modules.get(ids[i]!)!;
        const b = modules.get(ids[j]!)!;
        const base =
          a.writes && b.writes
            ? weights.dataWriteWrite
            : a.writes || b.writes
              ? weights.dataWriteRead
              : weights.dataReadRead;
        add(ids[i]!, ids[j]!, base / spread, [table]);
      }
    }
  }
  for (const transaction of transactions) {
    const ids = transaction.modules.filter((id) => !excluded.has(id));
    // Like a table, a transaction spanning many modules says less about each pair.
    const share = weights.transaction / Math.max(1, ids.length - 1);
    for (let i = 0; i < ids.length; i++) {
      for (let j = i + 1; j < ids.length; j++) add(ids[i]!, ids[j]!, share, transaction.tables);
    }
  }
  const edges: CouplingEdge[] = [];
  for (const [key, { weight, tables }] of pairs) {
    const [from, to] = key.split('\0') as [string, string];
    if (from === to || weight <= 0) continue;
    edges.push({
      from,
      to,
      kind: 'data',
      weight: round(weight),
      symbols: [...tables].sort(),
      count: tables.size,
    });
  }
  return edges.sort(compareEdges);
}
