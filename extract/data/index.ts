/**
 * The data half of extraction: the schema of the tables a service owns, a consistent copy, and
 * change capture + sync that keep the copy current while the monolith still writes (and, after
 * cut-over, the same mechanism in reverse). See docs/extraction.md (## Data).
 *
 * Layering exception: this folder imports better-sqlite3 (DESIGN.md reserves it for proxy/store)
 * because reading `sqlite_master`, installing triggers and applying changes IS its job.
 */
export { createChangeApplier, syncChanges } from './apply.ts';
export { getCapturedTables, installChangeCapture, removeChangeCapture } from './capture.ts';
export { copyTables } from './copy.ts';
export { DATA_ERRORS } from './errors.ts';
export { extractData } from './extract-step.ts';
export { followChanges } from './follow.ts';
export { protectReadModel, unprotectReadModel } from './read-model.ts';
export { openExisting, readOwnedSchema, readSchemaFrom } from './schema.ts';
export { createServiceDatabase, renderSchemaSql } from './service-db.ts';
export { readSyncState } from './state.ts';
export { handOver, initSync, openSyncPair } from './sync-files.ts';
export type { CapturedChange, OwnedSchema, SyncProgress, TableSchema } from './types.ts';
