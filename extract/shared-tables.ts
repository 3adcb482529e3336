/** Tables the service touches but does not own alone, with the decision each one needs. */
import type { Analysis } from '../analyzer/analysis.ts';
import type { SharedTableNote } from './types.ts';

export function getSharedTables(analysis: Analysis, service: string): SharedTableNote[] {
  const mine = new Set(analysis.services.find((candidate) => candidate.name === service)?.modules ?? []);
  const notes: SharedTableNote[] = [];
  for (const table of analysis.tables) {
    const reads = table.readers.some((id) => mine.has(id));
    const writes = table.writers.some((id) => mine.has(id));
    if (!reads && !writes) continue;
    const othersTouch = [...table.readers, ...table.writers].some((id) => !mine.has(id));
    if (table.owner === service && !othersTouch) continue;
    const access = reads && writes ? 'reads+writes' : writes ? 'writes' : 'reads';
    let decision: string;
    if (table.owner === service) {
      decision =
        'Owned here, but other services still read or write it: give them an endpoint, or a read model kept by `strangler sync`, before cut-over.';
    } else if (writes) {
      decision = `Shared write (owner: ${table.owner ?? 'none'}): pick one owner; until then keep these writes in the monolith (route stays in shadow).`;
    } else {
      decision = `Read-only here (owner: ${table.owner ?? 'none'}): call its owner's API, or keep a replicated read model current with \`strangler sync\`.`;
    }
    notes.push({ table: table.name, owner: table.owner, access, decision });
  }
  return notes.sort((a, b) => a.table.localeCompare(b.table));
}
