import { ts } from 'ts-morph';
import type { AnalysisWarning } from '../facts/types.ts';
import { emptyFileScan, type FileScan, type ImportSite, type SymbolRef } from './file-scan.ts';
import type { Resolution } from './resolve-imports.ts';

/**
 * Shared state of one file's walk. Names are recorded as seen and turned into `SymbolRef`s in
 * `finish()`, once every import and declaration of the file is known (functions are hoisted).
 */
export class ScanContext {
  readonly scan: FileScan;
  /** Local name -> module specifier, for telling `express()` from any other call. */
  readonly specifiers = new Map<string, string>();
  /** Top-level `const NAME = 'text'`, for SQL and route paths kept in constants. */
  readonly constants = new Map<string, string>();
  /** Names of the functions enclosing the node being visited, outermost first. */
  readonly fnStack: string[] = [];
  /** `const app = createApp()`: local name -> the factory that made it. */
  readonly routerAliases = new Map<string, SymbolRef>();
  /** `repo` / `this.repo` -> the entity class it is a repository of (TypeORM, MikroORM, Nest). */
  readonly repositories = new Map<string, string>();
  /** Namespace and whole-module bindings, and the members used through them. */
  readonly namespaces = new Map<string, { site: ImportSite; members: Set<string>; whole: boolean }>();
  /** Variables holding a knex instance. */
  readonly knexNames = new Set<string>();
  private readonly pending: Array<{ ref: SymbolRef; local: string }> = [];

  constructor(
    readonly source: ts.SourceFile,
    id: string,
    readonly resolve: (specifier: string) => Resolution,
  ) {
    this.scan = emptyFileScan(id);
  }

  line(node: ts.Node): number {
    return this.source.getLineAndCharacterOfPosition(node.getStart(this.source)).line + 1;
  }

  endLine(node: ts.Node): number {
    return this.source.getLineAndCharacterOfPosition(node.getEnd()).line + 1;
  }

  /** The outermost named function around the node: what a call into this file reaches. */
  get fn(): string | null {
    return this.fnStack[0] ?? null;
  }

  /** The innermost function, which owns locals declared inside it. */
  get innerFn(): string | null {
    return this.fnStack[this.fnStack.length - 1] ?? null;
  }

  /** A reference to a local name, resolved in `finish()`. */
  ref(local: string, member?: string): SymbolRef {
    const ref: SymbolRef =
      member === undefined ? { target: null, name: local } : { target: null, name: local, member };
    this.pending.push({ ref, local });
    return ref;
  }

  /** The target file of an import specifier, or null; unresolved local specifiers warn. */
  target(specifier: string, node: ts.Node): string | null {
    const result = this.resolve(specifier);
    if ('file' in result) return result.file;
    if ('unresolved' in result) {
      this.warn('UNRESOLVED_IMPORT', node, `Cannot resolve '${specifier}'`);
    }
    return null;
  }

  warn(code: string, node: ts.Node, message: string): void {
    const warning: AnalysisWarning = { code, file: this.scan.id, line: this.line(node), message };
    this.scan.warnings.push(warning);
  }

  /** A string known without running the code: literal, plain template, or a top-level constant. */
  staticString(node: ts.Expression | undefined): string | null {
    if (!node) return null;
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
    if (ts.isIdentifier(node)) return this.constants.get(node.text) ?? null;
    if (ts.isTemplateExpression(node)) {
      let text = node.head.text;
      for (const span of node.templateSpans) {
        const value = this.staticString(span.expression);
        if (value === null) return null;
        text += value + span.literal.text;
      }
      return text;
    }
    if (ts.isParenthesizedExpression(node) || ts.isAsExpression(node))
      return this.staticString(node.expression);
    return null;
  }

  finish(): FileScan {
    const { bindings, declarations, id } = this.scan;
    for (const { ref, local } of this.pending) {
      const bound = bindings[local];
      if (bound) {
        ref.target = bound.target;
        if (bound.name === '*' && ref.member !== undefined) {
          ref.name = ref.member;
          delete ref.member;
        } else {
          ref.name = bound.name;
        }
      } else if (declarations[local]) {
        ref.target = id;
      }
    }
    this.scan.calls = this.scan.calls.filter((call) => call.ref.target !== null);
    for (const { site, members, whole } of this.namespaces.values()) {
      if (whole || members.size === 0 || !site.target) continue;
      site.symbols = [...site.symbols.filter((s) => s !== '*'), ...[...members].sort()];
    }
    return this.scan;
  }
}
