/** What `extractService` takes and returns: plain data, so the CLI, tests and docs share one shape. */

export interface ExtractOptions {
  /** The service to carve out (analysis.json `services[].name`). */
  service: string;
  /** Target folder; must be empty or missing unless `force`. */
  to: string;
  force?: boolean;
  /** The monolith folder; defaults to the analysis's `root`. */
  root?: string;
  /** Monolith SQLite file, handed to the data step (schema and copy). */
  monolithDb?: string;
  /** Where the service will listen, for the route plan; default http://127.0.0.1:<port>. */
  url?: string;
  /** Port written into the service's defaults and the route plan's URL. */
  port?: number;
  /** Progress lines (the CLI prints them); the library never prints. */
  onProgress?: (message: string) => void;
}

/** Where one monolith module ended up in the service folder. */
export interface MovedModule {
  from: string;
  to: string;
  kind: 'service' | 'library' | 'contract';
}

/** An import of another service's module, replaced by a remote call or a stub. */
export interface ReplacedImport {
  /** `file#symbol` in the monolith. */
  symbol: string;
  service: string;
  /** The generated module that now exports it (relative to the service folder). */
  module: string;
  kind: 'http-client' | 'stub' | 'type';
  /** For http clients: the endpoint that serves it, `GET /api/...`. */
  endpoint?: string;
  /** Why it is a stub, and what to do. */
  todo?: string;
  /** Copied modules that import it. */
  usedBy: string[];
}

export interface MountedRouter {
  path: string;
  exportName: string;
  module: string;
}

export interface SharedTableNote {
  table: string;
  owner: string | null;
  access: 'reads' | 'writes' | 'reads+writes';
  decision: string;
}

export interface DataStepResult {
  /** Files the data step wrote, relative to the service folder. */
  files: string[];
  notes: string[];
}

export interface ExtractionResult {
  service: string;
  dir: string;
  modules: MovedModule[];
  replaced: ReplacedImport[];
  mounts: MountedRouter[];
  /** Endpoints of the service no mount covers (finish by hand). */
  unmounted: string[];
  ownedTables: string[];
  sharedTables: SharedTableNote[];
  data: DataStepResult | null;
  /** Every file written, relative to `dir`. */
  files: string[];
  /** Generated lines of code (the product metric's denominator). */
  generatedLines: number;
  port: number;
  url: string;
}
