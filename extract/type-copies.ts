/**
 * Stand-in signatures name the other service's types (`ProductRow`, `CartContents`). Copying
 * their declarations (interfaces and type aliases, following imports and the names they use in
 * turn) keeps callers fully typed; a name we cannot copy (a class, a package type) becomes `any`.
 */
import type { SourceFile } from 'ts-morph';
import { GLOBAL_TYPES } from './import-sites.ts';

export interface CopiedTypes {
  /** Declarations to paste, without `export` (type declarations are hoisted, order is free). */
  declarations: Array<{ name: string; text: string }>;
  /** Names no declaration was found for. */
  unresolved: string[];
}

export function copyTypeDeclarations(
  start: SourceFile,
  names: readonly string[],
  followImport: (file: SourceFile, name: string) => SourceFile | null,
  taken: ReadonlySet<string>,
): CopiedTypes {
  const declarations: CopiedTypes['declarations'] = [];
  const unresolved: string[] = [];
  const done = new Set<string>(taken);
  const queue = names.map((name) => ({ name, file: start }));
  while (queue.length > 0) {
    const { name, file } = queue.shift()!;
    if (done.has(name)) continue;
    done.add(name);
    const found = findDeclaration(file, name, followImport, 0);
    if (!found) {
      unresolved.push(name);
      continue;
    }
    const text = found.text.replace(/^export\s+(default\s+)?/, '');
    declarations.push({ name, text });
    for (const match of text.matchAll(/(?<![\w.$'"])([A-Z][A-Za-z0-9_]*)(?![\w$])/g)) {
      const used = match[1]!;
      if (!GLOBAL_TYPES.has(used) && !done.has(used)) queue.push({ name: used, file: found.file });
    }
  }
  return { declarations, unresolved: unresolved.sort() };
}

function findDeclaration(
  file: SourceFile,
  name: string,
  followImport: (file: SourceFile, name: string) => SourceFile | null,
  depth: number,
): { text: string; file: SourceFile } | null {
  const local = file.getInterface(name) ?? file.getTypeAlias(name);
  if (local) return { text: local.getText(), file };
  if (depth > 4) return null;
  const next = followImport(file, name);
  return next ? findDeclaration(next, name, followImport, depth + 1) : null;
}
