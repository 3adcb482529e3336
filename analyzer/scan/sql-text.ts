import { ts } from 'ts-morph';
import type { ScanContext } from './scan-context.ts';
import { skipWrappers } from './walk-modules.ts';

/**
 * The SQL text an argument holds, as far as it is known without running the code. Template
 * substitutions are resolved when they name a string constant in scope (or a `cond ? 'x' : ''`
 * of strings); otherwise they become a `?` where a value goes (`= ${id}`) and vanish where a
 * clause goes (`FROM users ${where}`), so the statement's shape still parses.
 */
export function sqlTextOf(
  ctx: ScanContext,
  node: ts.Node,
  depth = 0,
): { text: string; partial: boolean } | null {
  node = skipWrappers(node);
  if (ts.isStringLiteralLike(node)) return { text: node.text, partial: false };
  if (depth > 4) return null;
  if (ts.isIdentifier(node)) {
    const init = scopedInitializer(node);
    if (init) return sqlTextOf(ctx, init, depth + 1);
    const constant = ctx.constants.get(node.text);
    return constant === undefined ? null : { text: constant, partial: false };
  }
  if (ts.isConditionalExpression(node)) {
    const a = sqlTextOf(ctx, node.whenTrue, depth + 1);
    const b = sqlTextOf(ctx, node.whenFalse, depth + 1);
    const longer = !a ? b : !b ? a : a.text.length >= b.text.length ? a : b;
    return longer ? { text: longer.text, partial: true } : null;
  }
  if (!ts.isTemplateExpression(node)) return null;
  let text = node.head.text;
  let partial = false;
  for (const span of node.templateSpans) {
    const inner = sqlTextOf(ctx, span.expression, depth + 1);
    if (inner) {
      text += inner.text;
      partial ||= inner.partial;
    } else {
      partial = true;
      text += placeholderFor(text);
    }
    text += span.literal.text;
  }
  return { text, partial };
}

/** `?` after an operator or a keyword that takes a value, `*` after SELECT, a true
 * condition after WHERE, nothing elsewhere. */
function placeholderFor(before: string): string {
  const tail = before.trimEnd();
  if (
    /[=<>(,+\-*/]$/.test(tail) ||
    /\b(in|like|limit|offset|values|is|between|and|or|then|else|when|by)$/i.test(tail)
  ) {
    return '?';
  }
  if (/\b(select|distinct)$/i.test(tail)) return '*';
  if (/\b(where|having|on)$/i.test(tail)) return '1 = 1';
  return '';
}

/** The initializer of a `const` with this name in an enclosing block or the file. */
function scopedInitializer(identifier: ts.Identifier): ts.Expression | null {
  for (let node: ts.Node | undefined = identifier.parent; node; node = node.parent) {
    if (!ts.isBlock(node) && !ts.isSourceFile(node)) continue;
    for (const statement of node.statements) {
      if (!ts.isVariableStatement(statement)) continue;
      if (!(statement.declarationList.flags & ts.NodeFlags.Const)) continue;
      for (const decl of statement.declarationList.declarations) {
        if (ts.isIdentifier(decl.name) && decl.name.text === identifier.text && decl.initializer)
          return decl.initializer;
      }
    }
  }
  return null;
}
