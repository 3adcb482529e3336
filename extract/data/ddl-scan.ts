/**
 * Finds schema statements (CREATE TABLE, CREATE INDEX, ALTER TABLE, DROP) in a project's SQL
 * files and in string literals of its code, in file order, so a schema can be rebuilt without
 * the database file. Statements are cut out by scanning, not parsed: SQLite itself is the judge
 * of what they mean (see schema.ts), and what it refuses becomes a warning.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

export interface FoundStatement {
  file: string;
  sql: string;
}

const SQL_FILE = /\.sql$/i;
const CODE_FILE = /\.(?:[cm]?[jt]s|tsx|jsx)$/i;
const SKIPPED_DIRS = new Set(['node_modules', '.git', 'dist', 'build', 'coverage']);
const START =
  /\b(?:CREATE\s+(?:TEMP\s+|TEMPORARY\s+)?TABLE|CREATE\s+(?:UNIQUE\s+)?INDEX|ALTER\s+TABLE|DROP\s+TABLE|DROP\s+INDEX)\b/gi;

const IDENT = String.raw`(?:"[^"]+"|\x60[^\x60]+\x60|\[[^\]]+\]|[A-Za-z_][\w$]*)(?:\.(?:"[^"]+"|[A-Za-z_][\w$]*))?`;
const SHAPE = new RegExp(
  String.raw`^(?:CREATE\s+(?:TEMP\s+|TEMPORARY\s+)?TABLE\s+(?:IF\s+NOT\s+EXISTS\s+)?${IDENT}\s*\(|CREATE\s+(?:UNIQUE\s+)?INDEX\s+(?:IF\s+NOT\s+EXISTS\s+)?${IDENT}\s+ON\s+${IDENT}\s*\(|ALTER\s+TABLE\s+${IDENT}\s+(?:ADD|RENAME|DROP)\b|DROP\s+(?:TABLE|INDEX)\s+(?:IF\s+EXISTS\s+)?${IDENT}\s*$)`,
  'i',
);

export function findSchemaStatements(root: string): FoundStatement[] {
  const found: FoundStatement[] = [];
  for (const file of listFiles(root)) {
    const text = readFileSync(file, 'utf8');
    if (!/CREATE\s+TABLE|ALTER\s+TABLE|INDEX/i.test(text)) continue;
    const relative = path.relative(root, file);
    const statements = SQL_FILE.test(file) ? cutFromSql(text) : cutFromCode(text);
    for (const sql of statements) found.push({ file: relative, sql });
  }
  return found;
}

function listFiles(root: string): string[] {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) {
        if (!SKIPPED_DIRS.has(entry.name)) walk(path.join(dir, entry.name));
      } else if (SQL_FILE.test(entry.name) || CODE_FILE.test(entry.name)) {
        files.push(path.join(dir, entry.name));
      }
    }
  };
  walk(root);
  // Migrations are numbered; path order is the order they were written in.
  return files.sort();
}

function cutFromSql(text: string): string[] {
  const withoutComments = text.replace(/--[^\n]*/g, '');
  return cut(withoutComments, null);
}

/** In code the statement lives in a string literal: it ends where that literal closes. */
function cutFromCode(text: string): string[] {
  return cut(text, (start) => {
    const before = text.slice(Math.max(0, start - 200), start);
    const quote = [...before].reverse().find((ch) => ch === '`' || ch === "'" || ch === '"');
    return quote ?? null;
  });
}

function cut(text: string, delimiterAt: ((start: number) => string | null) | null): string[] {
  const statements: string[] = [];
  for (const match of text.matchAll(START)) {
    const start = match.index;
    const delimiter = delimiterAt ? delimiterAt(start) : null;
    if (delimiterAt && delimiter === null) continue;
    let depth = 0;
    let inText = false;
    let end = text.length;
    for (let i = start + match[0].length; i < text.length; i++) {
      const ch = text[i];
      if (ch === delimiter && !(inText && delimiter === "'")) {
        end = i;
        break;
      }
      if (ch === "'") inText = !inText;
      if (inText) continue;
      if (ch === '(') depth++;
      else if (ch === ')') depth--;
      else if (ch === ';' && depth <= 0) {
        end = i;
        break;
      }
    }
    const sql = text.slice(start, end).trim();
    // Interpolated SQL is not a fixed schema (leave it to the database file); prose that merely
    // mentions CREATE TABLE in a comment or message is not a statement.
    if (!sql.includes('${') && SHAPE.test(sql)) statements.push(sql);
  }
  return statements;
}
