import { ts } from 'ts-morph';
import type { ImportSite } from './file-scan.ts';
import type { ScanContext } from './scan-context.ts';

/** Records top-level declarations, exports and constants of a file, in one pass over its statements. */
export function scanTopLevel(ctx: ScanContext): void {
  for (const statement of ctx.source.statements) {
    const exported = hasModifier(statement, ts.SyntaxKind.ExportKeyword);
    const isDefault = hasModifier(statement, ts.SyntaxKind.DefaultKeyword);
    const declare = (name: string, node: ts.Node, kind: 'function' | 'class' | 'variable' | 'type') => {
      ctx.scan.declarations[name] = { line: ctx.line(node), endLine: ctx.endLine(node), kind };
      if (exported) ctx.scan.exports.push({ name: isDefault ? 'default' : name, local: name });
    };
    if (ts.isFunctionDeclaration(statement)) {
      declare(statement.name?.text ?? 'default', statement, 'function');
    } else if (ts.isClassDeclaration(statement)) {
      const name = statement.name?.text ?? 'default';
      declare(name, statement, 'class');
      for (const member of statement.members) {
        if ((ts.isMethodDeclaration(member) || ts.isConstructorDeclaration(member)) && member.body) {
          const method = member.name && ts.isIdentifier(member.name) ? member.name.text : 'constructor';
          ctx.scan.declarations[`${name}.${method}`] = {
            line: ctx.line(member),
            endLine: ctx.endLine(member),
            kind: 'function',
          };
        }
      }
    } else if (ts.isInterfaceDeclaration(statement) || ts.isTypeAliasDeclaration(statement)) {
      declare(statement.name.text, statement, 'type');
    } else if (ts.isEnumDeclaration(statement)) {
      declare(statement.name.text, statement, 'variable');
    } else if (ts.isVariableStatement(statement)) {
      for (const decl of statement.declarationList.declarations) scanVariable(ctx, decl, declare);
    } else if (ts.isExportAssignment(statement)) {
      const local = ts.isIdentifier(statement.expression) ? statement.expression.text : null;
      ctx.scan.exports.push({ name: 'default', local });
      if (!local) declareAnonymousDefault(ctx, statement.expression);
    } else if (ts.isExportDeclaration(statement) && !statement.moduleSpecifier && statement.exportClause) {
      if (ts.isNamedExports(statement.exportClause)) {
        for (const element of statement.exportClause.elements) {
          const local = (element.propertyName ?? element.name).text;
          ctx.scan.exports.push({ name: element.name.text, local, from: ctx.ref(local) });
        }
      }
    } else if (ts.isExpressionStatement(statement)) {
      scanCommonJsExport(ctx, statement.expression);
    }
  }
}

function scanVariable(
  ctx: ScanContext,
  decl: ts.VariableDeclaration,
  declare: (name: string, node: ts.Node, kind: 'function' | 'variable') => void,
): void {
  if (!ts.isIdentifier(decl.name)) {
    if (ts.isObjectBindingPattern(decl.name) || ts.isArrayBindingPattern(decl.name)) {
      for (const element of decl.name.elements) {
        if (ts.isBindingElement(element) && ts.isIdentifier(element.name))
          declare(element.name.text, decl, 'variable');
      }
    }
    return;
  }
  const name = decl.name.text;
  const init = decl.initializer && skipWrappers(decl.initializer);
  const isFunction = !!init && (ts.isArrowFunction(init) || ts.isFunctionExpression(init));
  declare(name, decl, isFunction ? 'function' : 'variable');
  const text = ctx.staticString(decl.initializer);
  if (text !== null) ctx.constants.set(name, text);
  if (init && ts.isObjectLiteralExpression(init)) {
    // `export const ordersRepo = { create() {...} }`: each method is a function callers reach.
    for (const property of init.properties) {
      const key = property.name && ts.isIdentifier(property.name) ? property.name.text : null;
      if (!key) continue;
      const value = ts.isPropertyAssignment(property) ? skipWrappers(property.initializer) : property;
      if (ts.isMethodDeclaration(value) || ts.isArrowFunction(value) || ts.isFunctionExpression(value)) {
        ctx.scan.declarations[`${name}.${key}`] = {
          line: ctx.line(property),
          endLine: ctx.endLine(property),
          kind: 'function',
        };
      }
    }
  }
}

function declareAnonymousDefault(ctx: ScanContext, expression: ts.Expression): void {
  ctx.scan.declarations.default = {
    line: ctx.line(expression),
    endLine: ctx.endLine(expression),
    kind: 'function',
  };
  ctx.scan.exports[ctx.scan.exports.length - 1]!.local = 'default';
}

/** `module.exports = x`, `module.exports = { a, b }`, `exports.a = ...`. */
function scanCommonJsExport(ctx: ScanContext, expression: ts.Expression): void {
  if (!ts.isBinaryExpression(expression) || expression.operatorToken.kind !== ts.SyntaxKind.EqualsToken)
    return;
  const left = expression.left.getText(ctx.source);
  const right = skipWrappers(expression.right);
  if (left === 'module.exports') {
    if (ts.isIdentifier(right)) {
      ctx.scan.exports.push({ name: 'default', local: right.text, from: ctx.ref(right.text) });
    } else if (ts.isObjectLiteralExpression(right)) {
      for (const property of right.properties) {
        if (ts.isShorthandPropertyAssignment(property)) {
          ctx.scan.exports.push({
            name: property.name.text,
            local: property.name.text,
            from: ctx.ref(property.name.text),
          });
        } else if (ts.isPropertyAssignment(property) && ts.isIdentifier(property.name)) {
          const value = property.initializer;
          const local = ts.isIdentifier(value) ? value.text : null;
          ctx.scan.exports.push({
            name: property.name.text,
            local,
            ...(local ? { from: ctx.ref(local) } : {}),
          });
        }
      }
    } else {
      ctx.scan.exports.push({ name: 'default', local: 'default' });
      ctx.scan.declarations.default = {
        line: ctx.line(right),
        endLine: ctx.endLine(right),
        kind: 'function',
      };
    }
  } else {
    const match = /^(?:module\.)?exports\.(\w+)$/.exec(left);
    if (match) {
      const local = ts.isIdentifier(right) ? right.text : match[1]!;
      if (!ts.isIdentifier(right)) {
        ctx.scan.declarations[local] = {
          line: ctx.line(right),
          endLine: ctx.endLine(right),
          kind: 'function',
        };
      }
      ctx.scan.exports.push({ name: match[1]!, local, from: ctx.ref(local) });
    }
  }
}

/** Import declarations, re-exports, `require`, `import()` and `import x = require()` anywhere. */
export function visitModuleSyntax(ctx: ScanContext, node: ts.Node): void {
  if (ts.isIdentifier(node)) {
    if (ctx.namespaces.size > 0) noteNamespaceUse(ctx, node);
  } else if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
    scanImport(ctx, node, node.moduleSpecifier.text);
  } else if (
    ts.isExportDeclaration(node) &&
    node.moduleSpecifier &&
    ts.isStringLiteral(node.moduleSpecifier)
  ) {
    const specifier = node.moduleSpecifier.text;
    const target = ctx.target(specifier, node);
    const line = ctx.line(node);
    let names: Array<{ exported: string; imported: string }> | '*' = '*';
    if (node.exportClause && ts.isNamedExports(node.exportClause)) {
      names = node.exportClause.elements.map((e) => ({
        exported: e.name.text,
        imported: (e.propertyName ?? e.name).text,
      }));
    } else if (node.exportClause && ts.isNamespaceExport(node.exportClause)) {
      names = [{ exported: node.exportClause.name.text, imported: '*' }];
    }
    ctx.scan.reexports.push({ target, names, typeOnly: node.isTypeOnly, line });
    const symbols = names === '*' ? ['*'] : names.map((n) => n.imported);
    addImport(ctx, { specifier, target, kind: node.isTypeOnly ? 'type' : 'reexport', symbols, line });
  } else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) {
    const expression = node.moduleReference.expression;
    if (ts.isStringLiteral(expression)) {
      const target = ctx.target(expression.text, node);
      bind(ctx, node.name.text, expression.text, target, '*');
      addImport(ctx, {
        specifier: expression.text,
        target,
        kind: node.isTypeOnly ? 'type' : 'import',
        symbols: ['*'],
        line: ctx.line(node),
      });
    }
  } else if (ts.isCallExpression(node)) {
    const [arg] = node.arguments;
    if (!arg || !ts.isStringLiteralLike(arg) || node.arguments.length !== 1) return;
    const isRequire = ts.isIdentifier(node.expression) && node.expression.text === 'require';
    const isDynamic = node.expression.kind === ts.SyntaxKind.ImportKeyword;
    if (isRequire || isDynamic) scanRequire(ctx, node, arg.text, isDynamic ? 'dynamic' : 'require');
  }
}

function scanImport(ctx: ScanContext, node: ts.ImportDeclaration, specifier: string): void {
  const target = ctx.target(specifier, node);
  const line = ctx.line(node);
  const clause = node.importClause;
  if (!clause) {
    addImport(ctx, { specifier, target, kind: 'import', symbols: [], line });
    return;
  }
  const values: string[] = [];
  const types: string[] = [];
  const allTypes = clause.isTypeOnly;
  if (clause.name) {
    bind(ctx, clause.name.text, specifier, target, 'default');
    (allTypes ? types : values).push('default');
  }
  const named = clause.namedBindings;
  if (named && ts.isNamespaceImport(named)) {
    bind(ctx, named.name.text, specifier, target, '*');
    (allTypes ? types : values).push('*');
  } else if (named) {
    for (const element of named.elements) {
      const imported = (element.propertyName ?? element.name).text;
      bind(ctx, element.name.text, specifier, target, imported);
      (allTypes || element.isTypeOnly ? types : values).push(imported);
    }
  }
  if (values.length > 0 || types.length === 0)
    addImport(ctx, { specifier, target, kind: 'import', symbols: values, line });
  if (types.length > 0) addImport(ctx, { specifier, target, kind: 'type', symbols: types, line });
  if (named && ts.isNamespaceImport(named)) trackNamespace(ctx, named.name.text);
}

/** `import * as orders` / `const orders = require()`: the members used become the edge's symbols. */
function trackNamespace(ctx: ScanContext, local: string): void {
  const site = [...ctx.scan.imports].reverse().find((s) => s.symbols.includes('*'));
  if (site) ctx.namespaces.set(local, { site, members: new Set(), whole: false });
}

/** A use of a namespace binding: `orders.place(...)` names a member; anything else uses it whole. */
function noteNamespaceUse(ctx: ScanContext, node: ts.Identifier): void {
  const use = ctx.namespaces.get(node.text);
  if (!use) return;
  const parent = node.parent;
  if (ts.isPropertyAccessExpression(parent) && parent.expression === node) use.members.add(parent.name.text);
  else if (ts.isQualifiedName(parent) && parent.left === node) use.members.add(parent.right.text);
  else if (
    !(
      ts.isNamespaceImport(parent) ||
      ts.isVariableDeclaration(parent) ||
      ts.isImportEqualsDeclaration(parent)
    )
  ) {
    use.whole = true;
  }
}

function scanRequire(
  ctx: ScanContext,
  call: ts.CallExpression,
  specifier: string,
  kind: 'require' | 'dynamic',
): void {
  const target = ctx.target(specifier, call);
  let symbols = ['*'];
  const parent = call.parent;
  if (ts.isPropertyAccessExpression(parent) && parent.expression === call) {
    symbols = [parent.name.text];
  } else if (ts.isVariableDeclaration(parent) && kind === 'require') {
    if (ts.isIdentifier(parent.name)) {
      bind(ctx, parent.name.text, specifier, target, '*');
    } else if (ts.isObjectBindingPattern(parent.name)) {
      symbols = [];
      for (const element of parent.name.elements) {
        const imported =
          element.propertyName && ts.isIdentifier(element.propertyName) ? element.propertyName.text : null;
        if (ts.isIdentifier(element.name)) {
          symbols.push(imported ?? element.name.text);
          bind(ctx, element.name.text, specifier, target, imported ?? element.name.text);
        }
      }
    }
  }
  addImport(ctx, { specifier, target, kind, symbols, line: ctx.line(call) });
  if (ts.isVariableDeclaration(parent) && kind === 'require' && ts.isIdentifier(parent.name)) {
    trackNamespace(ctx, parent.name.text);
  }
}

function bind(ctx: ScanContext, local: string, specifier: string, target: string | null, name: string): void {
  ctx.scan.bindings[local] = { target, name };
  ctx.specifiers.set(local, specifier);
}

function addImport(ctx: ScanContext, site: ImportSite): void {
  ctx.scan.imports.push(site);
}

export function hasModifier(node: ts.Node, kind: ts.SyntaxKind): boolean {
  return ts.canHaveModifiers(node) && (ts.getModifiers(node)?.some((m) => m.kind === kind) ?? false);
}

/** Looks through `await`, parentheses, `as`, `!` and `satisfies` to the expression that matters. */
export function skipWrappers<T extends ts.Node>(node: T): ts.Node {
  let current: ts.Node = node;
  while (
    ts.isParenthesizedExpression(current) ||
    ts.isAsExpression(current) ||
    ts.isNonNullExpression(current) ||
    ts.isSatisfiesExpression(current) ||
    ts.isAwaitExpression(current) ||
    ts.isTypeAssertionExpression(current)
  ) {
    current = current.expression;
  }
  return current;
}
