/** The data step `strangler extract` runs: `db/schema.sql`, and with the monolith's database a copy. */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Analysis } from '../../analyzer/analysis.ts';
import { readOwnedSchema } from './schema.ts';
import { renderSchemaSql } from './service-db.ts';
import { initSync } from './sync-files.ts';

/**
 * The entry `strangler extract` calls: writes `db/schema.sql` for the owned tables and, given the
 * monolith's database, creates `<service>.db` with a snapshot copy (the same step as
 * `strangler sync --init`, so capture is installed on the monolith's tables too).
 */
export async function extractData(input: {
  analysis: Analysis;
  service: string;
  dir: string;
  monolithDb?: string;
}): Promise<{ files: string[]; notes: string[] } | null> {
  const tables = [
    ...(input.analysis.services.find((service) => service.name === input.service)?.tables ?? []),
  ].sort();
  if (tables.length === 0)
    return { files: [], notes: ['This service owns no tables: nothing to copy or sync.'] };
  const schema = readOwnedSchema({
    tables,
    ...(input.monolithDb ? { monolithDb: input.monolithDb } : { root: input.analysis.root }),
  });
  const found = schema.tables.map((table) => table.name);
  const files = ['db/schema.sql'];
  mkdirSync(path.join(input.dir, 'db'), { recursive: true });
  writeFileSync(path.join(input.dir, 'db/schema.sql'), renderSchemaSql(schema.tables));
  const notes = [
    `Schema of ${found.length} owned tables from ${schema.source === 'database' ? 'the monolith database' : 'the CREATE TABLE statements in the monolith'}: \`db/schema.sql\`.`,
    ...(schema.missing.length > 0
      ? [`No DDL found for ${schema.missing.map((name) => `\`${name}\``).join(', ')}: create them by hand.`]
      : []),
    ...(schema.warnings.length > 0
      ? [
          `${schema.warnings.length} schema statements in the code could not be replayed (first: ${schema.warnings[0]}).`,
        ]
      : []),
  ];
  const dbName = `${input.service}.db`;
  const list = found.join(',');
  if (!input.monolithDb) {
    notes.push(
      `Copy and capture: \`strangler sync --init --from MONOLITH_DB --to ./${dbName} --tables ${list}\`, then \`strangler sync --from MONOLITH_DB --to ./${dbName} --follow\`.`,
    );
    return { files, notes };
  }
  const copy = initSync(input.monolithDb, path.join(input.dir, dbName), found);
  files.push(dbName);
  const rows = copy.tables.reduce((sum, table) => sum + table.rows, 0);
  notes.push(
    `\`${dbName}\`: ${rows} rows copied from ${copy.tables.length} tables in one snapshot (changes up to #${copy.lastChangeId}); change capture installed on them in the monolith database.`,
    ...(copy.droppedReferences.length > 0
      ? [
          `Foreign keys to tables another service owns were dropped from the copy: ${copy.droppedReferences.map((entry) => `${entry.table} → ${entry.references}`).join(', ')}.`,
        ]
      : []),
    `Keep it current: \`strangler sync --from ${input.monolithDb} --to ./${dbName} --follow\`.`,
  );
  return { files, notes };
}
