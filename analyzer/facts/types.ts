/**
 * The facts read from a monolith's source, as plain serialisable data. Produced by
 * `analyzer/scan` + `analyzer/facts`, consumed by `analyzer/graph` and later stages, which never
 * see a ts-morph node. All file ids are POSIX paths relative to the project root.
 */

export type ImportKind = 'import' | 'type' | 'dynamic' | 'require' | 'reexport';

export interface SourceFileFacts {
  /** Path relative to the root, POSIX separators: `src/orders/orders.service.ts`. */
  id: string;
  language: 'ts' | 'js';
  /** Non-blank, non-comment lines. */
  loc: number;
  /** Names this file exports (`default` for a default export). */
  exports: string[];
}

export interface ImportEdge {
  from: string;
  /** The file that defines what is imported: barrels are looked through. */
  to: string;
  kind: ImportKind;
  /** Imported names (`default`, `*` for a namespace or whole-module require). */
  symbols: string[];
  line: number;
  /** The barrel files this import passed through, when `to` was found by looking through them. */
  via?: string[];
}

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'HEAD' | 'OPTIONS' | 'ALL';

export interface EndpointFact {
  /** `METHOD /full/path`, e.g. `GET /api/orders/:id`. Unique within a project. */
  id: string;
  method: HttpMethod;
  /** Full path with every mount prefix composed, Express-style params. */
  path: string;
  /** The module that holds the handler (not the file that wires it). */
  file: string;
  line: number;
  framework: 'express' | 'nestjs' | 'fastify' | 'koa';
}

export type TableAccessKind = 'read' | 'write';

export interface TableAccessFact {
  table: string;
  file: string;
  line: number;
  access: TableAccessKind;
  via: 'sql' | 'sequelize' | 'typeorm' | 'prisma' | 'knex' | 'mongoose' | 'mikro-orm';
}

/** Tables written inside one transaction, following calls into other modules. */
export interface TransactionFact {
  file: string;
  line: number;
  /** Tables written inside the transaction, sorted. */
  tables: string[];
  /** Modules whose code runs inside it (where the writes are), sorted. */
  modules: string[];
}

export interface AnalysisWarning {
  /** Stable code, e.g. `PARSE_ERROR`, `UNRESOLVED_IMPORT`, `DYNAMIC_ROUTE`. */
  code: string;
  file?: string;
  line?: number;
  message: string;
}

export interface ProjectFacts {
  /** Absolute path of the analysed directory. */
  root: string;
  files: SourceFileFacts[];
  imports: ImportEdge[];
  endpoints: EndpointFact[];
  tableAccesses: TableAccessFact[];
  transactions: TransactionFact[];
  /** Import cycles (madge over our resolved tree), each a list of file ids. */
  cycles: string[][];
  warnings: AnalysisWarning[];
}
