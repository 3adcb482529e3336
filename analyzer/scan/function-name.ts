import { ts } from 'ts-morph';
import type { ScanContext } from './scan-context.ts';

/**
 * The name a function-like node is known by from other files: `placeOrder`, `ordersRepo.create`,
 * `OrdersService.place`, `default`; `anon@LINE` for callbacks (their locals still need a scope).
 */
export function functionName(ctx: ScanContext, node: ts.Node): string | null {
  if (ts.isFunctionDeclaration(node)) return node.name?.text ?? 'default';
  const isMethod = ts.isMethodDeclaration(node) || ts.isConstructorDeclaration(node);
  if (!isMethod && !ts.isArrowFunction(node) && !ts.isFunctionExpression(node)) return null;
  const parent = node.parent;
  const ownName = (n: ts.Node) =>
    ts.isConstructorDeclaration(n)
      ? 'constructor'
      : ts.isMethodDeclaration(n) && ts.isIdentifier(n.name)
        ? n.name.text
        : null;
  if (isMethod && ts.isClassLike(parent))
    return `${parent.name?.text ?? 'default'}.${ownName(node) ?? 'method'}`;
  if (ts.isVariableDeclaration(parent) && ts.isIdentifier(parent.name)) return parent.name.text;
  if (ts.isExportAssignment(parent)) return 'default';
  const property = isMethod ? node : ts.isPropertyAssignment(parent) ? parent : null;
  if (property && ts.isObjectLiteralExpression(property.parent)) {
    const holder = property.parent.parent;
    const key = property.name && ts.isIdentifier(property.name) ? property.name.text : null;
    if (key && ts.isVariableDeclaration(holder) && ts.isIdentifier(holder.name))
      return `${holder.name.text}.${key}`;
  }
  return `anon@${ctx.line(node)}`;
}
