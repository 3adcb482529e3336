import { createRequire } from 'node:module';
import type { Parser } from 'node-sql-parser';
import { readSimpleStatement } from './simple-sql.ts';
import type { TableAccessKind } from './types.ts';

/** SQLite first (the common monolith database), then PostgreSQL for `ON CONFLICT` and friends. */
const DIALECTS = ['sqlite', 'postgresql', 'mysql'] as const;
type Dialect = (typeof DIALECTS)[number];

/**
 * One grammar per dialect, loaded on first use from the package's per-dialect builds: the
 * all-dialects build costs 0.3-0.6 s to load and most statements never reach a grammar
 * (simple-sql.ts reads them). The builds are the same parser, one dialect each.
 */
const load = createRequire(import.meta.url);
const parsers = new Map<Dialect, Parser>();
function parserFor(database: Dialect): Parser {
  let parser = parsers.get(database);
  if (!parser) {
    const build = load(`node-sql-parser/build/${database}.js`) as { Parser: new () => Parser };
    parser = new build.Parser();
    parsers.set(database, parser);
  }
  return parser;
}
const DDL = new Set(['create', 'alter', 'drop', 'truncate', 'rename', 'use', 'show', 'desc']);

export interface SqlTableAccess {
  table: string;
  access: TableAccessKind;
}

export type SqlReading =
  | { ok: true; accesses: SqlTableAccess[] }
  | { ok: false; accesses: SqlTableAccess[]; reason: string };

/**
 * Tables a statement reads and writes, from node-sql-parser's table list: SELECT and JOIN (also
 * inside CTEs and subqueries) read, INSERT/UPDATE/DELETE/REPLACE write. CTE names are not tables.
 * DDL is schema, not data access, and is ignored. When no dialect parses the text, a keyword
 * scan gives a best guess and the caller reports it.
 */
export function readSqlTables(sql: string): SqlReading {
  const cached = cache.get(sql);
  if (cached) return cached;
  const simple = readSimpleStatement(sql);
  const reading: SqlReading = simple ? { ok: true, accesses: simple } : parseWithGrammar(sql);
  if (cache.size > 50_000) cache.clear();
  cache.set(sql, reading);
  return reading;
}

/** Repositories repeat statements; the same text always reads the same tables. */
const cache = new Map<string, SqlReading>();

function parseWithGrammar(sql: string): SqlReading {
  const normalised = normalisePlaceholders(sql);
  let reason = '';
  for (const [index, database] of [...DIALECTS, ...DIALECTS].entries()) {
    // Second round: without the upsert clause, which only writes the INSERT's own table and
    // which the grammars disagree on.
    const text = index < DIALECTS.length ? normalised : normalised.replace(/\bON\s+CONFLICT\b[\s\S]*$/i, '');
    if (index >= DIALECTS.length && text === normalised) break;
    try {
      const tables = parserFor(database).tableList(text, { database });
      const ctes = cteNames(text, database);
      const accesses: SqlTableAccess[] = [];
      for (const entry of tables) {
        const [type = '', , name = ''] = entry.split('::');
        if (!name || ctes.has(name.toLowerCase()) || DDL.has(type)) continue;
        accesses.push({ table: stripQuotes(name), access: type === 'select' ? 'read' : 'write' });
      }
      return { ok: true, accesses: dedupe(accesses) };
    } catch (error) {
      reason ||= error instanceof Error ? error.message.split('\n')[0]!.slice(0, 120) : String(error);
    }
  }
  return { ok: false, accesses: scanKeywords(normalised), reason };
}

/** better-sqlite3's `@name` and `$name` parameters are not in every grammar; `?` is. */
function normalisePlaceholders(sql: string): string {
  return sql.replace(/(^|[^\w'"])[@$][A-Za-z_]\w*/g, '$1?');
}

function cteNames(sql: string, database: Dialect): Set<string> {
  const names = new Set<string>();
  if (!/^\s*with\b/i.test(sql)) return names;
  const ast = parserFor(database).astify(sql, { database });
  for (const statement of Array.isArray(ast) ? ast : [ast]) {
    const withList =
      (statement as { with?: Array<{ name?: { value?: string } | string }> | null }).with ?? [];
    for (const cte of withList) {
      const name = typeof cte.name === 'string' ? cte.name : cte.name?.value;
      if (name) names.add(name.toLowerCase());
    }
  }
  return names;
}

function scanKeywords(sql: string): SqlTableAccess[] {
  const accesses: SqlTableAccess[] = [];
  const name = '[`"\\[]?([A-Za-z_][\\w.]*)[`"\\]]?';
  for (const match of sql.matchAll(
    new RegExp(
      `\\b(?:insert\\s+(?:or\\s+\\w+\\s+)?into|replace\\s+into|(?<!do\\s+)update(?:\\s+or\\s+\\w+)?|delete\\s+from)\\s+${name}`,
      'gi',
    ),
  )) {
    accesses.push({ table: match[1]!, access: 'write' });
  }
  for (const match of sql.matchAll(new RegExp(`\\b(?:from|join)\\s+${name}`, 'gi'))) {
    if (!accesses.some((a) => a.table === match[1] && a.access === 'write' && /delete\s+from/i.test(sql))) {
      accesses.push({ table: match[1]!, access: 'read' });
    }
  }
  return dedupe(accesses);
}

function stripQuotes(name: string): string {
  return name.replace(/^[`"[]|[`"\]]$/g, '');
}

function dedupe(accesses: SqlTableAccess[]): SqlTableAccess[] {
  const seen = new Set<string>();
  return accesses.filter((a) => {
    const key = `${a.table}|${a.access}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
