/**
 * Who owns each table. The main writer owns it (a table nobody writes goes to its main
 * reader); tables written inside one transaction get one owner, the service writing most of
 * the group, so the transaction stays local. Pure (no Node imports): the what-if editor runs it.
 */
import type { Analysis, AnalysisTable } from '../analysis.ts';

interface Side {
  reads: number;
  writes: number;
}

export function getTableOwnership(
  modules: Analysis['modules'],
  transactions: ReadonlyArray<{ tables: string[]; modules: string[] }>,
  assignment: Readonly<Record<string, string>>,
): AnalysisTable[] {
  // Only a transaction the partition keeps whole ties its tables to one owner; a split one is
  // a risk already, and must not hand every table it touches to one service.
  const whole = transactions.filter(
    (tx) => new Set(tx.modules.map((id) => assignment[id] ?? null)).size <= 1,
  );
  const tables = new Map<
    string,
    { readers: Set<string>; writers: Set<string>; by: Map<string | null, Side> }
  >();
  const entry = (name: string) => {
    let table = tables.get(name);
    if (!table) {
      table = { readers: new Set(), writers: new Set(), by: new Map() };
      tables.set(name, table);
    }
    return table;
  };
  for (const module of modules) {
    const service = assignment[module.id] ?? null;
    for (const [list, kind] of [
      [module.tables.reads, 'reads'],
      [module.tables.writes, 'writes'],
    ] as const) {
      for (const name of list) {
        const table = entry(name);
        (kind === 'reads' ? table.readers : table.writers).add(module.id);
        const side = table.by.get(service) ?? { reads: 0, writes: 0 };
        side[kind] += 1;
        table.by.set(service, side);
      }
    }
  }
  const owners = new Map<string, string | null>();
  for (const group of getTransactionGroups([...tables.keys()], whole)) {
    const totals = new Map<string | null, Side>();
    for (const name of group) {
      for (const [service, side] of tables.get(name)!.by) {
        const total = totals.get(service) ?? { reads: 0, writes: 0 };
        total.reads += side.reads;
        total.writes += side.writes;
        totals.set(service, total);
      }
    }
    const owner = pickOwner(totals);
    for (const name of group) owners.set(name, owner);
  }
  return [...tables]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([name, table]) => {
      const access = [...table.by]
        .map(([service, side]) => ({ service, reads: side.reads > 0, writes: side.writes > 0 }))
        .sort((a, b) => String(a.service).localeCompare(String(b.service)));
      return {
        name,
        readers: [...table.readers].sort(),
        writers: [...table.writers].sort(),
        owner: owners.get(name) ?? null,
        shared: access.length > 1,
        access,
      };
    });
}

/** Main writer, then main reader; ties go to the alphabetically first service. */
function pickOwner(totals: Map<string | null, Side>): string | null {
  const ranked = [...totals]
    .filter(([service]) => service !== null)
    .sort(([a, x], [b, y]) => y.writes - x.writes || y.reads - x.reads || (a! < b! ? -1 : 1));
  return ranked[0]?.[0] ?? null;
}

/** Tables linked by any transaction, as groups (each table alone when in none). */
export function getTransactionGroups(
  names: readonly string[],
  transactions: ReadonlyArray<{ tables: string[] }>,
): string[][] {
  const parent = new Map(names.map((name) => [name, name]));
  const find = (name: string): string => {
    while (parent.get(name) !== name) name = parent.get(name)!;
    return name;
  };
  for (const { tables } of transactions) {
    const known = tables.filter((name) => parent.has(name));
    for (const name of known.slice(1)) {
      const [a, b] = [find(known[0]!), find(name)].sort();
      if (a !== b) parent.set(b!, a!);
    }
  }
  const groups = new Map<string, string[]>();
  for (const name of [...names].sort()) {
    const root = find(name);
    groups.set(root, [...(groups.get(root) ?? []), name]);
  }
  return [...groups.values()];
}
