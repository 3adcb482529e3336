/**
 * What one parse of one file yields, as plain data. `analyzer/scan` fills it from the syntax
 * tree; `analyzer/facts` composes the records of every file into `ProjectFacts` (mount prefixes,
 * barrels, ORM models, transactions) without ever seeing a syntax node.
 */
import type { AnalysisWarning, HttpMethod, ImportKind } from '../facts/types.ts';

/**
 * A name as seen from one file: declared there (`target` = the file itself), or bound to an
 * import (`target` = the resolved file, `name` = the imported name, `*` for a namespace), or an
 * external package (`target` = null). `member` is a property read on it: `repo.save`.
 */
export interface SymbolRef {
  target: string | null;
  name: string;
  member?: string;
}

export interface ImportSite {
  specifier: string;
  /** Resolved file id, or null when external or unresolved. */
  target: string | null;
  kind: ImportKind;
  symbols: string[];
  line: number;
}

export interface ExportEntry {
  /** The exported name (`default` for a default export). */
  name: string;
  /** The local declaration it refers to, when it is one of this file's own declarations. */
  local: string | null;
  /** Set when the export passes an import on: `import { a } from './x'; export { a }`. */
  from?: SymbolRef;
}

export interface ReexportEntry {
  target: string | null;
  /** `*` for `export * from`; otherwise the names passed on. */
  names: Array<{ exported: string; imported: string }> | '*';
  typeOnly: boolean;
  line: number;
}

export interface Declaration {
  line: number;
  endLine: number;
  /** `type` for interfaces and type aliases, which do not exist at run time. */
  kind: 'function' | 'class' | 'variable' | 'type';
}

/** How a router is named in its file: a variable, or a function's router parameter. */
export interface RouterRef {
  ref: SymbolRef;
  /** The enclosing function for a variable or parameter declared inside one. */
  scope?: string;
  isParam?: boolean;
}

export interface RouterDecl {
  /** Local key in this file: `name` at top level, `fn/name` inside function `fn`. */
  key: string;
  framework: 'express' | 'fastify' | 'koa';
  /** The app itself (`express()`, `new Koa()`, `Fastify()`): a root of the mount tree. */
  isApp: boolean;
  /** A prefix set at creation (`new Router({ prefix })`). */
  prefix: string;
  line: number;
  /** Set for a function's parameter used as a router: the function's name. */
  paramOf?: string;
}

export type HandlerRef = { kind: 'inline'; line: number } | { kind: 'symbol'; ref: SymbolRef; line: number };

export interface RouteSite {
  /** Local router key in this file, or an imported router. */
  router: { key: string } | { ref: SymbolRef };
  methods: HttpMethod[];
  path: string;
  handler: HandlerRef;
  line: number;
  framework: 'express' | 'fastify' | 'koa';
}

/** `parent.use(prefix, child)`, `fastify.register(plugin, { prefix })`, `mountOrders(app)`. */
export interface MountSite {
  parent: { key: string } | { ref: SymbolRef };
  prefix: string;
  /** The child router: a local key, a ref to a router or to a function returning / receiving one. */
  child: { key: string } | { ref: SymbolRef };
  line: number;
}

export interface NestRoute {
  controllerPrefix: string;
  methods: HttpMethod[];
  path: string;
  line: number;
}

export interface SqlSite {
  sql: string;
  line: number;
  fn: string | null;
  /** Set when part of the text was built at run time (template substitutions). */
  partial: boolean;
}

export interface OrmModelDecl {
  orm: 'sequelize' | 'typeorm' | 'mongoose' | 'mikro-orm';
  /** The local name that denotes the model (class or variable), null when only the name is known. */
  local: string | null;
  /** The model's own name (`define('Order')`, the class name), for `db.Order.findAll()` lookups. */
  name: string;
  table: string;
  line: number;
}

export interface OrmCall {
  /** The model (receiver like `Order.findAll`, or first argument like `em.find(Order)`). */
  model: SymbolRef;
  method: string;
  line: number;
  fn: string | null;
}

export interface DirectTableAccess {
  table: string;
  access: 'read' | 'write';
  via: 'knex' | 'prisma';
  line: number;
  fn: string | null;
}

export interface CallSite {
  ref: SymbolRef;
  line: number;
  fn: string | null;
  /** Lines of an inline function passed to it: `inTransaction(() => { ... })`. */
  callback?: { startLine: number; endLine: number };
}

export interface TransactionSite {
  line: number;
  /** Lines of the callback that runs inside the transaction. */
  startLine: number;
  endLine: number;
  fn: string | null;
  /** A function passed by name instead of inline: `db.transaction(placeOrder)`. */
  callback?: SymbolRef;
}

export interface FileScan {
  id: string;
  language: 'ts' | 'js';
  loc: number;
  imports: ImportSite[];
  exports: ExportEntry[];
  reexports: ReexportEntry[];
  declarations: Record<string, Declaration>;
  /** Local names bound to imports: `import { a as b }` gives `b -> { target, name: 'a' }`. */
  bindings: Record<string, SymbolRef>;
  routers: RouterDecl[];
  /** Functions returning a router created inside them: function name -> local router key. */
  routerFactories: Record<string, string>;
  routes: RouteSite[];
  mounts: MountSite[];
  nestRoutes: NestRoute[];
  globalPrefixes: string[];
  sql: SqlSite[];
  ormModels: OrmModelDecl[];
  ormCalls: OrmCall[];
  /** Top-level repositories other files import: `export const orders = ds.getRepository(Order)`. */
  repositoryAliases: Record<string, SymbolRef>;
  tableAccesses: DirectTableAccess[];
  calls: CallSite[];
  transactions: TransactionSite[];
  /** Functions that run their function parameter inside a transaction (`inTransaction(work)`). */
  transactionWrappers: string[];
  warnings: AnalysisWarning[];
}

/** A file's scan before its walk has found anything: every list and map empty. */
export function emptyFileScan(id: string): FileScan {
  return {
    id,
    language: /\.[cm]?tsx?$/.test(id) ? 'ts' : 'js',
    loc: 0,
    imports: [],
    exports: [],
    reexports: [],
    declarations: {},
    bindings: {},
    routers: [],
    routerFactories: {},
    routes: [],
    mounts: [],
    nestRoutes: [],
    globalPrefixes: [],
    sql: [],
    ormModels: [],
    ormCalls: [],
    repositoryAliases: {},
    tableAccesses: [],
    calls: [],
    transactions: [],
    transactionWrappers: [],
    warnings: [],
  };
}
