import { ts } from 'ts-morph';
import type { ScanContext } from './scan-context.ts';
import { skipWrappers } from './walk-modules.ts';

/**
 * Paths of a route registered in a loop over a constant: `for (const [name] of
 * Object.entries(REPORTS)) router.get(`/${name}`, ...)` registers one route per key of REPORTS.
 * Returns null when the path depends on anything else (the caller then warns).
 */
export function loopPaths(ctx: ScanContext, node: ts.Expression | undefined): string[] | null {
  if (!node || !ts.isTemplateExpression(node) || node.templateSpans.length !== 1) return null;
  const span = node.templateSpans[0]!;
  if (!ts.isIdentifier(span.expression)) return null;
  const values = loopValues(ctx, span.expression);
  return values ? values.map((value) => node.head.text + value + span.literal.text) : null;
}

function loopValues(ctx: ScanContext, identifier: ts.Identifier): string[] | null {
  for (let node: ts.Node | undefined = identifier.parent; node; node = node.parent) {
    if (!ts.isForOfStatement(node) || !ts.isVariableDeclarationList(node.initializer)) continue;
    const binding = node.initializer.declarations[0]?.name;
    if (!binding) return null;
    const iterated = skipWrappers(node.expression);
    const bindsKey = ts.isIdentifier(binding) && binding.text === identifier.text;
    const bindsFirst =
      ts.isArrayBindingPattern(binding) &&
      ts.isBindingElement(binding.elements[0]!) &&
      ts.isIdentifier((binding.elements[0] as ts.BindingElement).name) &&
      ((binding.elements[0] as ts.BindingElement).name as ts.Identifier).text === identifier.text;
    if (
      ts.isCallExpression(iterated) &&
      /^Object\.(keys|entries)$/.test(iterated.expression.getText(ctx.source))
    ) {
      const isEntries = iterated.expression.getText(ctx.source).endsWith('entries');
      if ((isEntries && !bindsFirst) || (!isEntries && !bindsKey)) return null;
      const target = iterated.arguments[0];
      return target && ts.isIdentifier(target) ? objectKeys(ctx, target.text) : null;
    }
    if (bindsKey && ts.isIdentifier(iterated)) return arrayStrings(ctx, iterated.text);
    if (bindsKey && ts.isArrayLiteralExpression(iterated)) return strings(ctx, iterated);
    return null;
  }
  return null;
}

function topLevelInitializer(ctx: ScanContext, name: string): ts.Expression | null {
  for (const statement of ctx.source.statements) {
    if (!ts.isVariableStatement(statement)) continue;
    for (const decl of statement.declarationList.declarations) {
      if (ts.isIdentifier(decl.name) && decl.name.text === name && decl.initializer) {
        return skipWrappers(decl.initializer) as ts.Expression;
      }
    }
  }
  return null;
}

function objectKeys(ctx: ScanContext, name: string): string[] | null {
  const init = topLevelInitializer(ctx, name);
  if (!init || !ts.isObjectLiteralExpression(init)) return null;
  const keys: string[] = [];
  for (const property of init.properties) {
    if (!property.name || ts.isComputedPropertyName(property.name) || ts.isSpreadAssignment(property))
      return null;
    keys.push(
      ts.isIdentifier(property.name) || ts.isStringLiteral(property.name)
        ? property.name.text
        : property.name.getText(ctx.source),
    );
  }
  return keys;
}

function arrayStrings(ctx: ScanContext, name: string): string[] | null {
  const init = topLevelInitializer(ctx, name);
  return init && ts.isArrayLiteralExpression(init) ? strings(ctx, init) : null;
}

function strings(ctx: ScanContext, array: ts.ArrayLiteralExpression): string[] | null {
  const values = array.elements.map((e) => ctx.staticString(e));
  return values.every((v) => v !== null) ? (values as string[]) : null;
}
