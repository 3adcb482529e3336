/**
 * Drops foreign keys that point at tables the service does not have. The copied services open
 * their database with `PRAGMA foreign_keys = ON` (as the monolith did), and SQLite then refuses
 * every write to a table whose parent table is missing. Those references cross the new service
 * boundary: the service checks them through the owner's API, or not at all.
 */

const ACTIONS = String.raw`(?:\s+ON\s+(?:DELETE|UPDATE)\s+(?:SET\s+NULL|SET\s+DEFAULT|CASCADE|RESTRICT|NO\s+ACTION)|\s+MATCH\s+\w+|\s+(?:NOT\s+)?DEFERRABLE(?:\s+INITIALLY\s+(?:DEFERRED|IMMEDIATE))?)*`;
const NAME = String.raw`(?:"((?:[^"]|"")+)"|\x60([^\x60]+)\x60|\[([^\]]+)\]|(\w+))`;
const TARGET = String.raw`REFERENCES\s+${NAME}\s*(?:\([^)]*\))?${ACTIONS}`;
const TABLE_LEVEL = new RegExp(
  String.raw`,\s*(?:CONSTRAINT\s+${NAME}\s+)?FOREIGN\s+KEY\s*\([^)]*\)\s*${TARGET}`,
  'gi',
);
const COLUMN_LEVEL = new RegExp(String.raw`\s+(?:CONSTRAINT\s+${NAME}\s+)?${TARGET}`, 'gi');

export interface DroppedReference {
  table: string;
  references: string;
}

export function dropForeignKeysOutside(
  table: string,
  sql: string,
  kept: ReadonlySet<string>,
): { sql: string; dropped: DroppedReference[] } {
  const dropped: DroppedReference[] = [];
  const replace = (match: string, ...groups: unknown[]) => {
    // The referenced table is the last name captured (the optional CONSTRAINT name comes first).
    const names = groups.slice(0, 8).filter((group): group is string => typeof group === 'string');
    const target = names[names.length - 1] ?? '';
    if (kept.has(target)) return match;
    dropped.push({ table, references: target });
    return '';
  };
  const rewritten = sql.replace(TABLE_LEVEL, replace).replace(COLUMN_LEVEL, replace);
  return { sql: rewritten, dropped };
}
