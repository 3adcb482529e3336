/**
 * Which endpoint of another service serves a symbol our service imports from it: an endpoint
 * whose handler (the route registration's arguments, and the handler factories or functions
 * they name, one level deep) calls the symbol. Reads prefer GET, commands prefer the others.
 */
import { type SourceFile, SyntaxKind } from 'ts-morph';
import type { Analysis, AnalysisEndpoint } from '../analyzer/analysis.ts';
import type { ModuleResolver } from './resolve-import.ts';

const READ_VERB = /^(get|find|list|is|has|search|load|read|count|current)/i;
/** A helper used by more handlers than this is cross-cutting (auth, paging), not one endpoint's job. */
const MAX_SERVING_ENDPOINTS = 3;
const HTTP_PARAMETER = /\b(Request|Response|NextFunction|req|res|next)\b/;

export function findServingEndpoint(
  analysis: Analysis,
  service: string,
  symbol: string,
  resolver: ModuleResolver,
  load: (id: string) => SourceFile,
  /** The symbol's declaration text: a function of the request itself cannot be a remote call. */
  declaration: string,
): AnalysisEndpoint | null {
  const parameters = /\(([^)]*)\)/.exec(declaration)?.[1] ?? '';
  if (HTTP_PARAMETER.test(parameters)) return null;
  const pattern = new RegExp(`\\b${symbol.replace(/[$]/g, '\\$')}\\b`);
  const matches = analysis.endpoints.filter(
    (endpoint) => endpoint.service === service && pattern.test(getHandlerText(endpoint, resolver, load)),
  );
  if (matches.length === 0 || matches.length > MAX_SERVING_ENDPOINTS) return null;
  const wantsRead = READ_VERB.test(symbol);
  matches.sort(
    (a, b) =>
      Number((a.method === 'GET') !== wantsRead) - Number((b.method === 'GET') !== wantsRead) ||
      a.path.length - b.path.length ||
      a.id.localeCompare(b.id),
  );
  return matches[0]!;
}

function getHandlerText(
  endpoint: AnalysisEndpoint,
  resolver: ModuleResolver,
  load: (id: string) => SourceFile,
): string {
  let file: SourceFile;
  try {
    file = load(endpoint.file);
  } catch {
    return '';
  }
  const registration = file
    .getDescendantsOfKind(SyntaxKind.CallExpression)
    .find(
      (call) =>
        call.getStartLineNumber() === endpoint.line &&
        call.getExpression().getKind() === SyntaxKind.PropertyAccessExpression,
    );
  if (!registration) return '';
  const args = registration.getArguments().slice(1);
  const parts = args.map((arg) => arg.getText());
  const named = new Set<string>();
  for (const arg of args) {
    for (const id of [arg, ...arg.getDescendantsOfKind(SyntaxKind.Identifier)]) {
      if (id.getKind() === SyntaxKind.Identifier) named.add(id.getText());
    }
  }
  for (const name of named) parts.push(getDeclarationText(file, name, endpoint.file, resolver, load));
  return parts.join('\n');
}

/** The text of `name`'s declaration in this file, or in the module it is imported from. */
function getDeclarationText(
  file: SourceFile,
  name: string,
  fromId: string,
  resolver: ModuleResolver,
  load: (id: string) => SourceFile,
): string {
  const local = file.getFunction(name) ?? file.getVariableDeclaration(name);
  if (local) return local.getText();
  for (const decl of file.getImportDeclarations()) {
    if (!decl.getNamedImports().some((named) => named.getName() === name)) continue;
    const target = resolver.resolve(decl.getModuleSpecifierValue(), fromId);
    if (!target) return '';
    try {
      const other = load(target);
      return (other.getFunction(name) ?? other.getVariableDeclaration(name))?.getText() ?? '';
    } catch {
      return '';
    }
  }
  return '';
}
