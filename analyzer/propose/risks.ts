import type { Analysis } from '../analysis.ts';

type Risk = Analysis['risks'][number];

/**
 * What the cut costs beyond calls: transactions that would become distributed, tables written
 * by two services, and services that call each other in a loop (they cannot be extracted one
 * at a time without a remote call in both directions).
 */
export function findRisks(
  transactions: Analysis['transactions'],
  tables: Analysis['tables'],
  services: ReadonlyArray<{ name: string; dependsOn: Array<{ service: string }> }>,
  forced: ReadonlySet<string>,
): Risk[] {
  const risks: Risk[] = [];
  for (const tx of transactions) {
    if (tx.services.length < 2) continue;
    const why = forced.has(`${tx.file}:${tx.line}`)
      ? 'the constraints force it apart'
      : 'the constraints chose `"transactions": "coupling"` and its writers\' code belongs to different services';
    risks.push({
      kind: 'split-transaction',
      message: `The transaction at ${tx.file}:${tx.line} writes ${tx.tables.join(', ')} across ${tx.services.join(', ')} (${why}): it would need a saga or a distributed transaction.`,
      services: tx.services,
      tables: tx.tables,
      file: tx.file,
      line: tx.line,
    });
  }
  for (const table of tables) {
    const writers = table.access.filter((a) => a.writes && a.service !== null).map((a) => a.service!);
    if (writers.length < 2) continue;
    risks.push({
      kind: 'shared-write',
      message: `${writers.join(', ')} all write ${table.name}; ${table.owner ?? writers[0]} should own it and the others call it.`,
      services: writers,
      tables: [table.name],
    });
  }
  for (const cycle of findServiceCycles(services)) {
    risks.push({
      kind: 'cycle-across-services',
      message: `${cycle.join(', ')} call each other in a loop: break the loop before extracting any of them.`,
      services: cycle,
      tables: [],
    });
  }
  return risks;
}

/** Strongly connected groups of more than one service (Tarjan), each sorted. */
export function findServiceCycles(
  services: ReadonlyArray<{ name: string; dependsOn: Array<{ service: string }> }>,
): string[][] {
  const next = new Map(services.map((s) => [s.name, s.dependsOn.map((d) => d.service).sort()]));
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  const visit = (node: string) => {
    index.set(node, index.size);
    low.set(node, index.get(node)!);
    stack.push(node);
    onStack.add(node);
    for (const to of next.get(node) ?? []) {
      if (!index.has(to)) {
        visit(to);
        low.set(node, Math.min(low.get(node)!, low.get(to)!));
      } else if (onStack.has(to)) low.set(node, Math.min(low.get(node)!, index.get(to)!));
    }
    if (low.get(node) === index.get(node)) {
      const group: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        group.push(member);
      } while (member !== node);
      if (group.length > 1) cycles.push(group.sort());
    }
  };
  for (const name of [...next.keys()].sort()) if (!index.has(name)) visit(name);
  return cycles.sort((a, b) => (a[0]! < b[0]! ? -1 : 1));
}
