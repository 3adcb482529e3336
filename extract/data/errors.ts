import { defineErrors } from '../../errors/index.ts';

/**
 * Failures of the data half of extraction (`strangler sync`, the schema and copy step of
 * `strangler extract`); documented in docs/errors.md (## Data sync).
 */
export const DATA_ERRORS = defineErrors({
  DATA_DB_NOT_FOUND: {
    hint: 'Check the path; --from is the database that is written to (the monolith before cut-over), --to the copy, e.g. `strangler sync --from shop.db --to orders.db`.',
  },
  DATA_TABLE_NOT_FOUND: {
    hint: 'Name tables that exist in the source database (or in its CREATE TABLE statements); `sqlite3 shop.db .tables` lists them.',
  },
  DATA_NOT_CAPTURED: {
    hint: 'Install change capture and copy the tables first: `strangler sync --init --from SOURCE_DB --to TARGET_DB --tables t1,t2`.',
  },
  DATA_NOT_INITIALIZED: {
    hint: 'The target has never been copied from this source: run `strangler sync --init --from SOURCE_DB --to TARGET_DB --tables t1,t2` once.',
  },
  DATA_SCHEMA_MISMATCH: {
    hint: 'Add the missing columns to the target (ALTER TABLE ... ADD COLUMN), then re-run `strangler sync --init` to re-install capture with the new column list.',
  },
  DATA_TABLES_CHANGED: {
    hint: 'A sync follows the tables chosen at --init; drop --tables, or run `strangler sync --init --tables ...` again to copy the new set.',
    exitCode: 2,
  },
  DATA_SOURCE_CHANGED: {
    hint: 'The source database was re-created since the target was copied (its capture id differs): run `strangler sync --init` again to re-copy.',
  },
  DATA_USAGE: {
    hint: 'See `strangler sync --help`: --from and --to are required, --tables is a comma-separated list, --interval and --batch are positive integers.',
    exitCode: 2,
  },
});
