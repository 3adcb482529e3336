/** Plain data the data half passes around: table schemas, captured changes, sync results. */

/** One table as SQLite knows it: its CREATE TABLE text and the CREATE INDEX texts on it. */
export interface TableSchema {
  name: string;
  sql: string;
  indexes: string[];
}

export interface OwnedSchema {
  tables: TableSchema[];
  /** Where the DDL came from: a database file, or CREATE TABLE statements in SQL/code files. */
  source: 'database' | 'ddl';
  /** Requested tables no DDL was found for. */
  missing: string[];
  /** DDL statements found in files that SQLite refused (file and reason), for the report. */
  warnings: string[];
}

export type ChangeOp = 'insert' | 'update' | 'delete';

/** A row of `strangler_changes`: pk and row are JSON objects, kept as text end to end. */
export interface CapturedChange {
  id: number;
  table_name: string;
  op: ChangeOp;
  pk: string;
  row: string | null;
}

export interface SyncProgress {
  /** Changes applied by this call. */
  applied: number;
  /** Id of the last change the target has applied (its watermark). */
  lastChangeId: number;
  /** Batches committed by this call. */
  batches: number;
}
