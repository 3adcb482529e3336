import { getDomainKey, LAYER_NAMES, toStem } from '../cluster/domain-folder.ts';

export interface NamingInput {
  modules: string[];
  /** Pinned by a constraint: that name wins. */
  pinned: string | null;
  /** Endpoint paths of its modules. */
  paths: string[];
  /** Table -> write count among its modules. */
  writes: Map<string, number>;
  loc: number;
}

/** Route segments that say nothing about the capability. */
const GENERIC_SEGMENTS = /^(api|v\d+|rest|public|internal|admin|:.*|\*.*)$/i;

/**
 * A service is named after what a reader recognises first: its dominant domain folder, else
 * its route prefix, else its main table, else its largest file. Names are unique: a service
 * whose best name is taken tries its next one, and a number is the last resort.
 */
export function nameServices(services: readonly NamingInput[]): string[] {
  const names = new Array<string>(services.length);
  const taken = new Set<string>();
  const order = services
    .map((service, index) => ({ service, index }))
    .sort(
      (a, b) =>
        (a.service.pinned ? 0 : 1) - (b.service.pinned ? 0 : 1) ||
        b.service.loc - a.service.loc ||
        a.index - b.index,
    );
  for (const { service, index } of order) {
    const choices = getNameChoices(service);
    let name = choices.find((choice) => !taken.has(choice));
    if (!name) {
      const base = choices[0] ?? 'service';
      let n = 2;
      while (taken.has(`${base}-${n}`)) n++;
      name = `${base}-${n}`;
    }
    taken.add(name);
    names[index] = name;
  }
  return names;
}

function getNameChoices(service: NamingInput): string[] {
  // A pinned name is the user's word: kept verbatim.
  if (service.pinned) return [service.pinned];
  const choices: string[] = [];
  const folder = getDominant(service.modules.map(getDomainKey));
  if (folder && folder.share >= 0.5 && !LAYER_NAMES.has(folder.value.toLowerCase()))
    choices.push(folder.value);
  const prefix = getDominant(
    service.paths
      .map((path) => path.split('/').find((segment) => segment && !GENERIC_SEGMENTS.test(segment)))
      .filter((segment): segment is string => !!segment),
  );
  if (prefix && prefix.share >= 0.5) choices.push(prefix.value);
  // A service that keeps a transaction's areas together has no majority folder; its largest
  // area (the one running the checkout, say) still names it better than one of its tables.
  if (folder && !LAYER_NAMES.has(folder.value.toLowerCase())) choices.push(folder.value);
  const table = [...service.writes].sort(([a, x], [b, y]) => y - x || (a < b ? -1 : 1))[0];
  if (table) choices.push(table[0]);
  if (folder) choices.push(folder.value);
  if (service.modules[0]) choices.push(toStem(service.modules[0].split('/').pop()!));
  return [...new Set(choices.map(toServiceName).filter(Boolean))];
}

function getDominant(values: string[]): { value: string; share: number } | null {
  if (values.length === 0) return null;
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  const [value, count] = [...counts].sort(([a, x], [b, y]) => y - x || (a < b ? -1 : 1))[0]!;
  return { value, share: count / values.length };
}

export function toServiceName(raw: string): string {
  return raw
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
