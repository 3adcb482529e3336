/**
 * How the monolith wires the service's routers and its app-wide middleware, read from the
 * wiring modules (analysis.json `wiring`): `app.use('/prefix', someRouter)` gives the mounts;
 * the other `app.use/set/disable(...)` lines of the function that calls `express()` give the
 * middleware to replay, when everything they name comes along (a package or a copied module).
 */
import { type CallExpression, type SourceFile, SyntaxKind } from 'ts-morph';
import type { ModuleResolver } from './resolve-import.ts';
import type { MountedRouter } from './types.ts';

export interface WiredImport {
  /** Monolith module id, or null for a package (then `specifier` is kept). */
  module: string | null;
  specifier: string;
  name: string;
  local: string;
}

export interface AppWiring {
  mounts: MountedRouter[];
  /** Middleware statements, in order, and whether the monolith runs them after its routes. */
  middleware: Array<{ text: string; afterRoutes: boolean }>;
  imports: WiredImport[];
}

export function readAppWiring(
  wiring: readonly string[],
  isCopied: (module: string) => 'service' | 'library' | null,
  resolver: ModuleResolver,
  load: (id: string) => SourceFile,
): AppWiring {
  const result: AppWiring = { mounts: [], middleware: [], imports: [] };
  for (const id of wiring) {
    const file = load(id);
    const imports = getNamedImports(file, id, resolver);
    for (const call of file.getDescendantsOfKind(SyntaxKind.CallExpression)) {
      const method = getAppMethod(call);
      if (method !== 'use') continue;
      const [first, ...rest] = call.getArguments();
      if (first?.getKind() !== SyntaxKind.StringLiteral) continue;
      for (const arg of rest) {
        const imported = imports.get(arg.getText());
        if (imported?.module && isCopied(imported.module) === 'service') {
          result.mounts.push({
            path: first.getText().slice(1, -1),
            exportName: imported.name,
            module: imported.module,
          });
        }
      }
    }
    const factory = file
      .getDescendantsOfKind(SyntaxKind.CallExpression)
      .find((call) => imports.get(call.getExpression().getText())?.specifier === 'express');
    const body = factory?.getFirstAncestorByKind(SyntaxKind.Block);
    if (!body) continue;
    let afterRoutes = false;
    for (const statement of body.getStatements()) {
      const call = statement
        .asKind(SyntaxKind.ExpressionStatement)
        ?.getExpression()
        .asKind(SyntaxKind.CallExpression);
      if (!call) continue;
      const callee = imports.get(call.getExpression().getText());
      if (callee?.module && wiring.includes(callee.module)) afterRoutes = true;
      if (!getAppMethod(call)) continue;
      if (call.getArguments()[0]?.getKind() === SyntaxKind.StringLiteral && getAppMethod(call) === 'use')
        continue;
      const needed: WiredImport[] = [];
      let complete = true;
      for (const identifier of call.getArguments().flatMap((arg) => [arg, ...arg.getDescendants()])) {
        if (identifier.getKind() !== SyntaxKind.Identifier) continue;
        if (
          identifier.getParent()?.getKind() === SyntaxKind.PropertyAccessExpression &&
          identifier.getParent()?.getChildAtIndex(0) !== identifier
        )
          continue;
        const imported = imports.get(identifier.getText());
        if (!imported || (imported.module !== null && isCopied(imported.module) === null)) complete = false;
        else needed.push(imported);
      }
      if (!complete) continue;
      result.middleware.push({ text: statement.getText().replace(/^\w+\./, 'app.'), afterRoutes });
      result.imports.push(...needed);
    }
  }
  return result;
}

function getAppMethod(call: CallExpression): string | null {
  const callee = call.getExpression().asKind(SyntaxKind.PropertyAccessExpression);
  const name = callee?.getName();
  return name && ['use', 'set', 'disable', 'enable'].includes(name) ? name : null;
}

function getNamedImports(
  file: SourceFile,
  fromId: string,
  resolver: ModuleResolver,
): Map<string, WiredImport> {
  const imports = new Map<string, WiredImport>();
  for (const decl of file.getImportDeclarations()) {
    const specifier = decl.getModuleSpecifierValue();
    const module = resolver.resolve(specifier, fromId);
    const def = decl.getDefaultImport();
    if (def) imports.set(def.getText(), { module, specifier, name: 'default', local: def.getText() });
    for (const named of decl.getNamedImports()) {
      const local = named.getAliasNode()?.getText() ?? named.getName();
      imports.set(local, { module, specifier, name: named.getName(), local });
    }
  }
  return imports;
}
