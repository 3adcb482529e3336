import type { SqlTableAccess } from './sql-tables.ts';

/**
 * The one-table statements that make up most of a repository layer (`SELECT ... FROM t WHERE`,
 * `INSERT INTO t`, `UPDATE t SET`, `DELETE FROM t`), recognised from tokens in microseconds.
 * Anything with a join, subquery, CTE, set operation or second statement returns null and goes
 * to the full SQL parser, which costs about a millisecond per statement: on a 3,000-file
 * monolith that was most of the analysis time.
 */
export function readSimpleStatement(sql: string): SqlTableAccess[] | null {
  const tokens = tokenize(sql);
  if (!tokens) return null;
  const words = tokens.map((t) => t.toUpperCase());
  for (const complex of ['JOIN', 'UNION', 'INTERSECT', 'EXCEPT', 'WITH', 'USING', ';']) {
    if (words.includes(complex)) return null;
  }
  const selects = words.filter((w) => w === 'SELECT').length;
  const first = words[0];
  if (first === 'SELECT') {
    const froms = indexesOf(words, 'FROM');
    if (selects !== 1 || froms.length !== 1) return null;
    const table = tableAt(tokens, froms[0]! + 1);
    return table ? [{ table: table.name, access: 'read' }] : null;
  }
  if (selects > 0) return null;
  let at = 1;
  if (first === 'INSERT' || first === 'UPDATE') {
    if (words[at] === 'OR') at += 2;
    if (first === 'INSERT' && words[at++] !== 'INTO') return null;
    if (first === 'UPDATE' && words.includes('FROM')) return null;
  } else if (first === 'REPLACE') {
    if (words[at++] !== 'INTO') return null;
  } else if (first === 'DELETE') {
    if (words[at++] !== 'FROM') return null;
  } else {
    return null;
  }
  const table = tableAt(tokens, at);
  return table ? [{ table: table.name, access: 'write' }] : null;
}

/** The table named at `index`, when nothing but an alias follows it before the next clause. */
function tableAt(tokens: string[], index: number): { name: string } | null {
  const raw = tokens[index];
  if (!raw || !/^([A-Za-z_][\w$]*|"[^"]+"|`[^`]+`|\[[^\]]+\])(\.([A-Za-z_][\w$]*|"[^"]+"))?$/.test(raw))
    return null;
  let next = index + 1;
  if (tokens[next]?.toUpperCase() === 'AS') next += 2;
  else if (
    tokens[next] &&
    /^[A-Za-z_]\w*$/.test(tokens[next]!) &&
    !CLAUSE_WORDS.has(tokens[next]!.toUpperCase())
  )
    next += 1;
  if (tokens[next] === ',') return null;
  const name = raw
    .split('.')
    .pop()!
    .replace(/^["`[]|["`\]]$/g, '');
  return { name };
}

const CLAUSE_WORDS = new Set([
  'WHERE',
  'ORDER',
  'GROUP',
  'LIMIT',
  'SET',
  'VALUES',
  'ON',
  'RETURNING',
  'HAVING',
  'DEFAULT',
  'OFFSET',
  'WINDOW',
]);

/** Words, quoted identifiers and punctuation; string literals and comments dropped. Null on odd input. */
function tokenize(sql: string): string[] | null {
  const tokens: string[] = [];
  const pattern =
    /\s+|--[^\n]*|\/\*[\s\S]*?\*\/|'(?:[^']|'')*'|"[^"]*"|`[^`]*`|\[[^\]]*\]|[A-Za-z_][\w$]*(?:\.(?:[A-Za-z_][\w$]*|"[^"]*"))?|[@:$?][\w]*|\d+(?:\.\d+)?|<=|>=|<>|!=|\|\||[(),;=<>*+\-/%.]/y;
  let index = 0;
  while (index < sql.length) {
    pattern.lastIndex = index;
    const match = pattern.exec(sql);
    if (!match) return null;
    index = pattern.lastIndex;
    const token = match[0];
    if (/^\s/.test(token) || token.startsWith('--') || token.startsWith('/*') || token.startsWith("'"))
      continue;
    tokens.push(token);
  }
  return tokens;
}

function indexesOf(words: string[], word: string): number[] {
  const found: number[] = [];
  words.forEach((w, i) => {
    if (w === word) found.push(i);
  });
  return found;
}
