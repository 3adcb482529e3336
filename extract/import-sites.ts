/**
 * The import sites of one source file as plain records (ts-morph nodes never leave this file):
 * where the specifier sits in the text, which names it brings in, and whether only types.
 */
import { type Node, type SourceFile, SyntaxKind, TypeFormatFlags } from 'ts-morph';

export interface ImportedName {
  /** The exported name (`default` for a default import). */
  name: string;
  /** The local binding. */
  local: string;
  typeOnly: boolean;
}

export interface ImportSite {
  kind: 'import' | 'export' | 'dynamic';
  specifier: string;
  /** Position of the specifier's text, quotes excluded. */
  start: number;
  end: number;
  names: ImportedName[];
  /** `import * as x` / `export * from`: every export may be used. */
  namespace: boolean;
  typeOnly: boolean;
}

export function getImportSites(file: SourceFile): ImportSite[] {
  const sites: ImportSite[] = [];
  const literal = (node: Node) => ({ start: node.getStart() + 1, end: node.getEnd() - 1 });
  for (const decl of file.getImportDeclarations()) {
    const spec = decl.getModuleSpecifier();
    const typeOnly = decl.isTypeOnly();
    const names: ImportedName[] = [];
    const def = decl.getDefaultImport();
    if (def) names.push({ name: 'default', local: def.getText(), typeOnly });
    for (const named of decl.getNamedImports()) {
      names.push({
        name: named.getName(),
        local: named.getAliasNode()?.getText() ?? named.getName(),
        typeOnly: typeOnly || named.isTypeOnly(),
      });
    }
    sites.push({
      kind: 'import',
      specifier: decl.getModuleSpecifierValue(),
      ...literal(spec),
      names,
      namespace: decl.getNamespaceImport() !== undefined,
      typeOnly,
    });
  }
  for (const decl of file.getExportDeclarations()) {
    const spec = decl.getModuleSpecifier();
    if (!spec) continue;
    const typeOnly = decl.isTypeOnly();
    const names = decl.getNamedExports().map((named) => ({
      name: named.getName(),
      local: named.getAliasNode()?.getText() ?? named.getName(),
      typeOnly: typeOnly || named.isTypeOnly(),
    }));
    sites.push({
      kind: 'export',
      specifier: decl.getModuleSpecifierValue() ?? '',
      ...literal(spec),
      names,
      namespace: names.length === 0,
      typeOnly,
    });
  }
  for (const call of file.getDescendantsOfKind(SyntaxKind.CallExpression)) {
    if (call.getExpression().getKind() !== SyntaxKind.ImportKeyword) continue;
    const arg = call.getArguments()[0];
    if (!arg || arg.getKind() !== SyntaxKind.StringLiteral) continue;
    sites.push({
      kind: 'dynamic',
      specifier: arg.getText().slice(1, -1),
      ...literal(arg),
      names: [],
      namespace: true,
      typeOnly: false,
    });
  }
  return sites;
}

/** True when a module declares only types: it can travel as a contract without runtime coupling. */
export function isTypesOnly(file: SourceFile): boolean {
  for (const statement of file.getStatements()) {
    const kind = statement.getKind();
    if (kind === SyntaxKind.InterfaceDeclaration || kind === SyntaxKind.TypeAliasDeclaration) continue;
    if (kind === SyntaxKind.ImportDeclaration || kind === SyntaxKind.ExportDeclaration) {
      const typeOnly = (statement as unknown as { isTypeOnly(): boolean }).isTypeOnly();
      if (typeOnly) continue;
    }
    return false;
  }
  return true;
}

export type ExportKind = 'function' | 'value' | 'type' | 'class';

/** Each export of a module and what it is, following re-exports. */
export function getExportKinds(file: SourceFile): Map<string, ExportKind> {
  const kinds = new Map<string, ExportKind>();
  for (const [name, decls] of file.getExportedDeclarations()) {
    const decl = decls[0];
    if (!decl) continue;
    const kind = decl.getKind();
    if (kind === SyntaxKind.InterfaceDeclaration || kind === SyntaxKind.TypeAliasDeclaration)
      kinds.set(name, 'type');
    else if (kind === SyntaxKind.FunctionDeclaration) kinds.set(name, 'function');
    else if (kind === SyntaxKind.ClassDeclaration) kinds.set(name, 'class');
    else if (kind === SyntaxKind.VariableDeclaration) {
      const init = decl.asKind(SyntaxKind.VariableDeclaration)?.getInitializer();
      const initKind = init?.getKind();
      kinds.set(
        name,
        initKind === SyntaxKind.ArrowFunction || initKind === SyntaxKind.FunctionExpression
          ? 'function'
          : 'value',
      );
    } else kinds.set(name, 'value');
  }
  return kinds;
}

/** The text of an export's declaration (following re-exports), or '' when it has none. */
export function getExportText(file: SourceFile, name: string): string {
  return file.getExportedDeclarations().get(name)?.[0]?.getText() ?? '';
}

/**
 * `declare global { ... }` blocks (e.g. Express's `Request.user`), with the imported names they
 * mention: a stand-in module must keep them or code that never imports it stops type-checking.
 */
export function getGlobalAugmentations(file: SourceFile): { text: string; importedTypes: string[] } {
  const blocks = file
    .getDescendantsOfKind(SyntaxKind.ModuleDeclaration)
    .filter((decl) => decl.getName() === 'global' && decl.getParent()?.getKind() === SyntaxKind.SourceFile);
  const imported = new Set(
    file
      .getImportDeclarations()
      .flatMap((decl) =>
        decl.getNamedImports().map((named) => named.getAliasNode()?.getText() ?? named.getName()),
      ),
  );
  const used = new Set<string>();
  for (const block of blocks) {
    for (const id of block.getDescendantsOfKind(SyntaxKind.Identifier))
      if (imported.has(id.getText())) used.add(id.getText());
  }
  return { text: blocks.map((block) => block.getText()).join('\n'), importedTypes: [...used].sort() };
}

export const GLOBAL_TYPES = new Set([
  'Promise',
  'Array',
  'ReadonlyArray',
  'Record',
  'Partial',
  'Required',
  'Readonly',
  'Pick',
  'Omit',
  'Date',
  'Map',
  'Set',
  'ReadonlyMap',
  'ReadonlySet',
  'Error',
  'RegExp',
  'Buffer',
  'Uint8Array',
  'NonNullable',
  'ReturnType',
  'Parameters',
  'Awaited',
  'Exclude',
  'Extract',
  'Iterable',
  'Function',
  'Object',
  'String',
  'Number',
  'Boolean',
]);

/**
 * A function export's signature as text, e.g. `(ids: number[]) => ProductRow[]`, with the type
 * names it mentions that are not global (the stand-in declares them as `any`). Null when the
 * type is not a plain call signature a stand-in can repeat.
 */
export function getFunctionSignature(
  file: SourceFile,
  name: string,
): { text: string; params: string; returns: string; names: string[] } | null {
  const decl = file.getExportedDeclarations().get(name)?.[0];
  if (!decl) return null;
  const signature = decl.getType().getCallSignatures()[0];
  if (!signature || decl.getType().getCallSignatures().length > 1) return null;
  const flags = TypeFormatFlags.NoTruncation;
  let seenOptional = false;
  const params = signature.getParameters().map((parameter) => {
    const valueDecl = parameter.getValueDeclaration()?.asKind(SyntaxKind.Parameter);
    // Once one parameter is optional, the ones after it must be too.
    seenOptional ||= valueDecl?.isOptional() ?? false;
    const optional = seenOptional ? '?' : '';
    return `${parameter.getName()}${optional}: ${parameter.getTypeAtLocation(decl).getText(decl, flags)}`;
  });
  const returns = signature.getReturnType().getText(decl, flags);
  const text = `(${params.join(', ')}) => ${returns}`;
  if (!text.startsWith('(') || text.includes('import(') || text.includes('typeof ')) return null;
  const names = new Set<string>();
  for (const match of text.matchAll(/(?<![\w.$'"])([A-Z][A-Za-z0-9_]*)(?![\w$])(\s*<)?/g)) {
    const typeName = match[1]!;
    if (GLOBAL_TYPES.has(typeName)) continue;
    if (match[2]) return null;
    names.add(typeName);
  }
  return { text, params: params.join(', '), returns, names: [...names].sort() };
}
