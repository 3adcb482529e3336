import type { TransactionFact } from '../facts/types.ts';

export interface ServiceDraft {
  modules: string[];
  pinned: string | null;
}

/**
 * `together` (default): every transaction stays whole unless a pin or an apart rule forbids it.
 * `coupling` (the user's choice): a writer moves to the transaction's home only when its code is
 * tied to the home at least as much as to its own service; otherwise the transaction is
 * reported as a split-transaction risk.
 */
export type TransactionPolicy = 'together' | 'coupling';

/**
 * A transaction's writes should stay in one service, or it becomes a distributed transaction.
 * Under the default policy the writers were one unit during clustering and their areas followed
 * them (follow-writers.ts), so this pass only catches what is still apart. Transactions sharing
 * a writer form one unit; its home is the service that runs most of them (holds the
 * `db.transaction` call), and writer groups move there. Under the `coupling` policy a writer
 * whose code belongs elsewhere stays: the user accepted the split as a saga to design, and it
 * is reported as a risk. A group the user pinned elsewhere, or that an apart rule keeps out,
 * stays as well: a forced split.
 */
export function keepTransactionsTogether(
  services: ServiceDraft[],
  transactions: readonly TransactionFact[],
  groupOf: (module: string) => string[],
  canJoin: (group: string[], service: ServiceDraft) => boolean,
  policy: TransactionPolicy,
  tieTo: (group: string[], service: ServiceDraft) => number,
): { services: ServiceDraft[]; forcedSplits: TransactionFact[]; couplingSplits: TransactionFact[] } {
  const serviceOf = new Map<string, number>();
  services.forEach((service, i) => {
    for (const id of service.modules) serviceOf.set(id, i);
  });
  const forcedSplits: TransactionFact[] = [];
  const couplingSplits: TransactionFact[] = [];
  for (const unit of getTransactionUnits(transactions, serviceOf)) {
    const votes = new Map<number, number>();
    for (const tx of unit) {
      const home = serviceOf.get(tx.file);
      if (home !== undefined) votes.set(home, (votes.get(home) ?? 0) + 2);
      for (const id of tx.modules) {
        const s = serviceOf.get(id);
        if (s !== undefined) votes.set(s, (votes.get(s) ?? 0) + 1);
      }
    }
    const home = [...votes].sort(([a, x], [b, y]) => y - x || a - b)[0]?.[0];
    if (home === undefined) continue;
    const split = new Set<TransactionFact>();
    const loose = new Set<TransactionFact>();
    for (const tx of unit) {
      for (const id of tx.modules) {
        const from = serviceOf.get(id);
        if (from === undefined || from === home) continue;
        const group = groupOf(id);
        const target = services[home]!;
        if (!canJoin(group, target)) {
          split.add(tx);
          continue;
        }
        if (policy === 'coupling' && tieTo(group, target) < tieTo(group, services[from]!)) {
          loose.add(tx);
          continue;
        }
        for (const member of group) {
          const current = serviceOf.get(member);
          if (current === undefined) continue;
          services[current]!.modules = services[current]!.modules.filter((m) => m !== member);
          target.modules.push(member);
          serviceOf.set(member, home);
        }
      }
    }
    const isSplit = (tx: TransactionFact) => new Set(tx.modules.map((m) => serviceOf.get(m))).size > 1;
    forcedSplits.push(...[...split].filter(isSplit));
    couplingSplits.push(...[...loose].filter((tx) => !split.has(tx) && isSplit(tx)));
  }
  const kept = services.filter((service) => service.modules.length > 0);
  for (const service of kept) service.modules.sort();
  return { services: kept, forcedSplits, couplingSplits };
}

/** Transactions that share a clustered writer, as units, in a stable order. */
function getTransactionUnits(
  transactions: readonly TransactionFact[],
  serviceOf: ReadonlyMap<string, number>,
): TransactionFact[][] {
  const relevant = transactions
    .filter((tx) => tx.modules.some((m) => serviceOf.has(m)))
    .sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line));
  const parent = relevant.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i]!;
    return i;
  };
  const firstWith = new Map<string, number>();
  relevant.forEach((tx, i) => {
    for (const id of tx.modules) {
      if (!serviceOf.has(id)) continue;
      const j = firstWith.get(id);
      if (j === undefined) firstWith.set(id, i);
      else {
        const [a, b] = [find(i), find(j)].sort((x, y) => x - y);
        parent[b!] = a!;
      }
    }
  });
  const units = new Map<number, TransactionFact[]>();
  relevant.forEach((tx, i) => {
    const root = find(i);
    units.set(root, [...(units.get(root) ?? []), tx]);
  });
  return [...units.values()];
}
