import type { FileScan, SymbolRef } from '../scan/file-scan.ts';
import { readSqlTables } from './sql-tables.ts';
import type { SymbolResolver } from './symbols.ts';
import type { AnalysisWarning, TableAccessFact } from './types.ts';

/** A table access plus the function it happens in, for following calls inside transactions. */
export interface LocatedAccess extends TableAccessFact {
  fn: string | null;
}

const ORM_READS = new Set([
  'find',
  'findAll',
  'findOne',
  'findByPk',
  'findById',
  'findAndCountAll',
  'count',
  'findBy',
  'findOneBy',
  'findAndCount',
  'findOneOrFail',
  'findOneByOrFail',
  'countDocuments',
  'aggregate',
  'exists',
  'existsBy',
  'distinct',
  'max',
  'min',
  'sum',
  'estimatedDocumentCount',
  'findByIds',
  'countBy',
  'findAllAndCount',
  'findOrCreate',
  'preload',
]);
/** `findOrCreate` reads and may write. */
const ORM_READ_WRITE = new Set(['findOrCreate']);

/**
 * Every table access of the project: SQL text (parsed), ORM calls on known models, knex chains
 * and prisma client calls. `prismaModels` maps prisma client names to tables.
 */
export function collectTableAccesses(
  scans: readonly FileScan[],
  symbols: SymbolResolver,
  prismaModels: ReadonlyMap<string, string>,
): { accesses: LocatedAccess[]; warnings: AnalysisWarning[] } {
  const accesses: LocatedAccess[] = [];
  const warnings: AnalysisWarning[] = [];
  const models = new Map<string, { table: string; orm: TableAccessFact['via'] }>();
  // Models by their own name, when that name is unique: the fallback for `db.Order` lookups.
  const byName = new Map<string, { table: string; orm: TableAccessFact['via'] } | undefined>();
  for (const scan of scans) {
    for (const model of scan.ormModels) {
      byName.set(model.name, byName.has(model.name) ? undefined : { table: model.table, orm: model.orm });
    }
  }
  for (const scan of scans) {
    for (const model of scan.ormModels)
      if (model.local) models.set(`${scan.id}#${model.local}`, { table: model.table, orm: model.orm });
  }
  // A model, or a repository of one exported from another file (TypeORM's module-level repos).
  const modelOf = (ref: SymbolRef, file: string) => {
    const found = symbols.resolveRef(ref, file);
    if (!found) return ref.target === null ? byName.get(ref.name) : undefined;
    const direct = models.get(`${found.file}#${found.local}`);
    if (direct) return direct;
    const alias = symbols.scan(found.file)?.repositoryAliases[found.local];
    const entity = alias && symbols.resolveRef(alias, found.file);
    return entity ? models.get(`${entity.file}#${entity.local}`) : undefined;
  };
  for (const scan of scans) {
    const file = scan.id;
    for (const site of scan.sql) {
      const reading = readSqlTables(site.sql);
      if (!reading.ok) {
        warnings.push({
          code: 'SQL_UNPARSED',
          file,
          line: site.line,
          message: `SQL not understood, tables guessed from keywords: ${reading.reason}`,
        });
      }
      for (const access of reading.accesses)
        accesses.push({ ...access, file, line: site.line, via: 'sql', fn: site.fn });
    }
    for (const call of scan.ormCalls) {
      const model = modelOf(call.model, file);
      if (!model) continue;
      const access = ORM_READS.has(call.method) ? 'read' : 'write';
      accesses.push({ table: model.table, file, line: call.line, access, via: model.orm, fn: call.fn });
      if (ORM_READ_WRITE.has(call.method))
        accesses.push({
          table: model.table,
          file,
          line: call.line,
          access: 'write',
          via: model.orm,
          fn: call.fn,
        });
    }
    for (const direct of scan.tableAccesses) {
      const table = direct.via === 'prisma' ? prismaModels.get(direct.table) : direct.table;
      if (!table) continue;
      accesses.push({
        table,
        file,
        line: direct.line,
        access: direct.access,
        via: direct.via,
        fn: direct.fn,
      });
    }
  }
  return { accesses: dedupe(accesses), warnings };
}

function dedupe(accesses: LocatedAccess[]): LocatedAccess[] {
  const seen = new Set<string>();
  return accesses.filter((a) => {
    const key = `${a.table}|${a.file}|${a.line}|${a.access}|${a.via}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
