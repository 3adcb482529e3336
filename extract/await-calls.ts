/**
 * A function imported from another service turns into a network call, which is async. Before
 * replacing it with an HTTP client we check every use can wait for it: each use is a call, and
 * the function around it is async already or is a route handler (an argument of
 * `router.get(...)` and friends, which Express 5 lets return a promise). Then each call becomes
 * `(await f(...))` and each such handler `async`. Otherwise the import becomes a stub and the
 * report says which caller to make async.
 */
import { type Node, type SourceFile, SyntaxKind } from 'ts-morph';

export interface TextEdit {
  start: number;
  end: number;
  text: string;
}

export type AwaitPlan = { ok: true; edits: TextEdit[] } | { ok: false; reason: string };

const ROUTE_METHODS = new Set(['get', 'post', 'put', 'patch', 'delete', 'all', 'use', 'head', 'options']);
const FUNCTION_KINDS = new Set([
  SyntaxKind.ArrowFunction,
  SyntaxKind.FunctionExpression,
  SyntaxKind.FunctionDeclaration,
  SyntaxKind.MethodDeclaration,
]);

export function planAwaits(file: SourceFile, local: string): AwaitPlan {
  const edits: TextEdit[] = [];
  const madeAsync = new Set<number>();
  for (const id of file.getDescendantsOfKind(SyntaxKind.Identifier)) {
    if (id.getText() !== local) continue;
    const parent = id.getParent();
    const parentKind = parent?.getKind();
    if (
      parentKind === SyntaxKind.ImportSpecifier ||
      parentKind === SyntaxKind.ImportClause ||
      parentKind === SyntaxKind.ExportSpecifier ||
      (parentKind === SyntaxKind.PropertyAccessExpression && parent?.getChildAtIndex(0) !== id)
    ) {
      continue;
    }
    const line = id.getStartLineNumber();
    if (parentKind !== SyntaxKind.CallExpression || parent?.getChildAtIndex(0) !== id) {
      return { ok: false, reason: `${local} is used as a value at line ${line}, not called` };
    }
    const call = parent!;
    const fn = call.getFirstAncestor((node) => FUNCTION_KINDS.has(node.getKind()));
    if (!fn) return { ok: false, reason: `${local} is called at module load (line ${line})` };
    const isAsync = (fn as unknown as { isAsync?: () => boolean }).isAsync?.() ?? false;
    if (!isAsync) {
      if (!isRouteHandler(fn)) {
        return {
          ok: false,
          reason: `${local} is called from a synchronous function at line ${line}: make it async first`,
        };
      }
      if (!madeAsync.has(fn.getStart())) {
        madeAsync.add(fn.getStart());
        edits.push({ start: fn.getStart(), end: fn.getStart(), text: 'async ' });
      }
    }
    if (call.getParent()?.getKind() !== SyntaxKind.AwaitExpression) {
      edits.push({ start: call.getStart(), end: call.getStart(), text: '(await ' });
      edits.push({ start: call.getEnd(), end: call.getEnd(), text: ')' });
    }
  }
  return { ok: true, edits };
}

function isRouteHandler(fn: Node): boolean {
  const kind = fn.getKind();
  if (kind !== SyntaxKind.ArrowFunction && kind !== SyntaxKind.FunctionExpression) return false;
  const call = fn.getParent();
  if (call?.getKind() !== SyntaxKind.CallExpression) return false;
  const callee = call.getChildAtIndex(0);
  if (callee.getKind() !== SyntaxKind.PropertyAccessExpression) return false;
  const method = callee.getLastChild()?.getText() ?? '';
  return ROUTE_METHODS.has(method);
}

/** Applies non-overlapping edits; insertions at one position keep their order. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = edits.map((edit, index) => ({ edit, index }));
  sorted.sort((a, b) => b.edit.start - a.edit.start || b.index - a.index);
  let out = text;
  for (const { edit } of sorted) out = out.slice(0, edit.start) + edit.text + out.slice(edit.end);
  return out;
}
