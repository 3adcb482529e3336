import { ts } from 'ts-morph';
import type { FileScan } from './file-scan.ts';
import { functionName } from './function-name.ts';
import { countLinesOfCode } from './loc.ts';
import type { Resolution } from './resolve-imports.ts';
import { ScanContext } from './scan-context.ts';
import { visitDataAccess } from './walk-data.ts';
import { scanTopLevel, visitModuleSyntax } from './walk-modules.ts';
import { visitRoutes } from './walk-routes.ts';

/**
 * Parses one file once and walks its tree once, handing each node to the module, route and
 * data visitors. Syntax errors become a warning; the tree TypeScript recovers is still read.
 */
export function scanFile(id: string, text: string, resolve: (specifier: string) => Resolution): FileScan {
  const kind = /\.[cm]?tsx$|\.jsx$/.test(id)
    ? ts.ScriptKind.TSX
    : /\.[cm]?ts$/.test(id)
      ? ts.ScriptKind.TS
      : ts.ScriptKind.JS;
  const source = ts.createSourceFile(id, text, ts.ScriptTarget.Latest, true, kind);
  const ctx = new ScanContext(source, id, resolve);
  ctx.scan.loc = countLinesOfCode(text);
  // parseDiagnostics is not in the public typings but has been on every SourceFile for years; it
  // is what `program.getSyntacticDiagnostics` returns, without building a program.
  const diagnostics =
    (source as unknown as { parseDiagnostics?: ts.DiagnosticWithLocation[] }).parseDiagnostics ?? [];
  const first = diagnostics[0];
  if (first) {
    const line = source.getLineAndCharacterOfPosition(first.start).line + 1;
    ctx.scan.warnings.push({
      code: 'PARSE_ERROR',
      file: id,
      line,
      message: ts.flattenDiagnosticMessageText(first.messageText, ' '),
    });
  }
  scanTopLevel(ctx);
  const visit = (node: ts.Node): void => {
    visitModuleSyntax(ctx, node);
    visitRoutes(ctx, node);
    visitDataAccess(ctx, node);
    const name = functionName(ctx, node);
    if (name !== null) {
      ctx.fnStack.push(name);
      ts.forEachChild(node, visit);
      ctx.fnStack.pop();
    } else {
      ts.forEachChild(node, visit);
    }
  };
  ts.forEachChild(source, visit);
  return ctx.finish();
}
