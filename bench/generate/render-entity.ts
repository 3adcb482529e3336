import { KERNEL_FILE as K, relativeSpecifier as rel, specifier } from './imports.ts';
import type { Entity } from './plan.ts';
import type { Random } from './random.ts';

/** Typed rows for one entity; some extend the domain's main entity with a type-only import. */
export function renderTypes(entity: Entity, main: Entity, random: Random): string {
  const file = entity.files.types!;
  const parent = entity !== main && main.files.types;
  const imports = parent ? [`import type { ${main.type} } from '${rel(file, main.files.types!)}';`] : [];
  let fields = parent ? `  ${main.id}Id: ${main.type}['id'];\n` : '';
  for (const other of entity.foreignTypes) {
    imports.push(`import type { ${other.type} } from '${specifier(file, other.files.types!, random, 0.6)}';`);
    fields += `  ${other.id}Id?: ${other.type}['id'];\n`;
  }
  const head = imports.length > 0 ? `${imports.join('\n')}\n\n` : '';
  const parentField = fields;
  return `${head}export interface ${entity.type} {
  id: string;
${parentField}  status: '${pick(entity.name.length, ['active', 'draft', 'open'])}' | 'archived';
  createdAt: string;
  updatedAt: string;
}

export type New${entity.type} = Omit<${entity.type}, 'id' | 'createdAt' | 'updatedAt'>;
`;
}

/** SQL through better-sqlite3: plain strings, template strings, joins and the odd transaction. */
export function renderRepository(entity: Entity, main: Entity, random: Random): string {
  const file = entity.files.repository!;
  const t = entity.table;
  const T = entity.type;
  const lines = [`import { db } from '${specifier(file, K.db, random)}';`];
  if (entity.files.types) lines.push(`import type { ${T} } from '${rel(file, entity.files.types)}';`);
  const row = entity.files.types ? T : 'Record<string, unknown>';
  lines.push(
    '',
    `const COLUMNS = 'id, status, created_at AS createdAt, updated_at AS updatedAt';`,
    '',
    `export function find${T}ById(id: string): ${row} | undefined {`,
    `  return db.prepare(\`SELECT \${COLUMNS} FROM ${t} WHERE id = ?\`).get(id) as ${row} | undefined;`,
    '}',
    '',
    `export function list${T}Rows(limit: number, offset: number): ${row}[] {`,
    `  return db`,
    `    .prepare('SELECT id, status, created_at AS createdAt FROM ${t} ORDER BY created_at DESC LIMIT ? OFFSET ?')`,
    `    .all(limit, offset) as ${row}[];`,
    '}',
    '',
    `export function insert${T}(row: ${row}): void {`,
    '  db.prepare(',
    `    \`INSERT INTO ${t} (id, status, created_at, updated_at)`,
    '     VALUES (@id, @status, @createdAt, @updatedAt)`,',
    '  ).run(row);',
    '}',
    '',
    `export function update${T}Status(id: string, status: string): void {`,
    `  db.prepare('UPDATE ${t} SET status = ?, updated_at = ? WHERE id = ?').run(status, new Date().toISOString(), id);`,
    '}',
  );
  if (random.chance(0.5)) {
    lines.push(
      '',
      `export function delete${T}(id: string): void {`,
      `  db.prepare('DELETE FROM ${t} WHERE id = ?').run(id);`,
      '}',
    );
  }
  if (entity.readsMainTable) {
    lines.push(
      '',
      `export function list${T}RowsFor${main.type}(${main.id}Id: string): ${row}[] {`,
      '  return db',
      `    .prepare(\`SELECT x.* FROM ${t} x JOIN ${main.table} p ON p.id = x.${main.table.replace(/s$/, '')}_id WHERE p.id = ?\`)`,
      `    .all(${main.id}Id) as ${row}[];`,
      '}',
    );
  }
  entity.foreignTables.forEach((table, i) => {
    lines.push(
      '',
      `export function list${T}RowsWithRefs${i || ''}(): Array<{ id: string; ref: string }> {`,
      `  const sql = \`SELECT x.id, f.id AS ref FROM ${t} x LEFT JOIN ${table} f ON f.id = x.ref_id\`;`,
      '  return db.prepare(sql).all() as Array<{ id: string; ref: string }>;',
      '}',
    );
  });
  if (entity.transaction) {
    lines.push(
      '',
      `export const archive${T} = db.transaction((id: string) => {`,
      `  db.prepare('UPDATE ${t} SET status = ? WHERE id = ?').run('archived', id);`,
      `  db.prepare('UPDATE ${main.table} SET updated_at = ? WHERE id = (SELECT ref_id FROM ${t} WHERE id = ?)').run(`,
      '    new Date().toISOString(),',
      '    id,',
      '  );',
      '});',
    );
  }
  return `${lines.join('\n')}\n`;
}

/** Business logic: its repository, a few domain peers, rarely another domain, kernel helpers. */
export function renderService(
  entity: Entity,
  main: Entity,
  orphanRepositories: Entity[],
  random: Random,
): string {
  const file = entity.files.service!;
  const T = entity.type;
  const imports = [
    `import { logger } from '${specifier(file, K.logger, random)}';`,
    `import { NotFoundError } from '${specifier(file, K.errors, random)}';`,
    `import { newId } from '${specifier(file, K.ids, random)}';`,
    `import { type Page, pageParams, paginate } from '${specifier(file, K.pagination, random)}';`,
  ];
  const body: string[] = [];
  const row = entity.files.types ? T : 'Record<string, unknown>';
  if (entity.files.types)
    imports.push(`import type { New${T}, ${T} } from '${rel(file, entity.files.types)}';`);
  if (entity.files.repository) {
    imports.push(
      `import { find${T}ById, insert${T}, list${T}Rows, update${T}Status } from '${rel(file, entity.files.repository)}';`,
    );
    body.push(
      `export function get${T}(id: string): ${row} {`,
      `  const found = find${T}ById(id);`,
      `  if (!found) throw new NotFoundError('${entity.name}', id);`,
      '  return found;',
      '}',
      '',
      `export function list${T}Page(page: number): Page<${row}> {`,
      '  const { limit, offset } = pageParams(page);',
      `  return paginate(list${T}Rows(limit, offset), page);`,
      '}',
      '',
      `export function create${T}(input: ${entity.files.types ? `New${T}` : 'Record<string, unknown>'}): ${row} {`,
      '  const stamp = new Date().toISOString();',
      `  const row = { ...input, id: newId(), createdAt: stamp, updatedAt: stamp } as ${row};`,
      `  insert${T}(row);`,
      `  logger.info('${entity.name} created', { id: row.id });`,
      '  return row;',
      '}',
      '',
      `export function change${T}Status(id: string, status: string): ${row} {`,
      `  get${T}(id);`,
      `  update${T}Status(id, status);`,
      `  return get${T}(id);`,
      '}',
    );
  } else {
    body.push(
      `export function get${T}(id: string): never {`,
      `  throw new NotFoundError('${entity.name}', id);`,
      '}',
    );
  }
  if (entity.files.mapper) {
    imports.push(`import { to${T}Dto } from '${rel(file, entity.files.mapper)}';`);
    body.push('', `export const present${T} = (id: string) => to${T}Dto(get${T}(id));`);
  }
  for (const peer of entity.collaborators) {
    imports.push(`import { get${peer.type} } from '${specifier(file, peer.files.service!, random, 0.1)}';`);
    body.push(
      '',
      `export function ${entity.id}With${peer.type}(id: string, ${peer.id}Id: string) {`,
      `  return { ${entity.id}: get${T}(id), ${peer.id}: get${peer.type}(${peer.id}Id) };`,
      '}',
    );
  }
  for (const other of entity.foreign) {
    imports.push(`import { get${other.type} } from '${specifier(file, other.files.service!, random, 0.6)}';`);
    body.push(
      '',
      `export function check${other.type}For${T}(${other.id}Id: string): boolean {`,
      `  return Boolean(get${other.type}(${other.id}Id));`,
      '}',
    );
  }
  if (entity === main) {
    for (const lonely of orphanRepositories) {
      imports.push(`import { list${lonely.type}Rows } from '${rel(file, lonely.files.repository!)}';`);
      body.push('', `export const recent${lonely.type}Rows = () => list${lonely.type}Rows(10, 0);`);
    }
    if (entity.domain.constants) {
      imports.push(`import { ${constantName(entity)} } from '${rel(file, entity.domain.constants)}';`);
      body.push('', `export const ${entity.id}PageSize = ${constantName(entity)}.pageSize;`);
    }
  }
  return `${imports.join('\n')}\n\n${body.join('\n')}\n`;
}

export const constantName = (main: Entity) =>
  `${main.domain.name.toUpperCase().replace(/\d+$/, '')}_DEFAULTS`;

export function renderValidation(entity: Entity, random: Random): string {
  const file = entity.files.validation!;
  const T = entity.type;
  const typeImport = entity.files.types
    ? `import type { New${T} } from '${rel(file, entity.files.types)}';\n`
    : '';
  return `import { requireString } from '${specifier(file, K.validate, random)}';
${typeImport}
export function parseNew${T}(body: Record<string, unknown>)${entity.files.types ? `: New${T}` : ''} {
  return { status: requireString(body, 'status') } as ${entity.files.types ? `New${T}` : 'Record<string, unknown>'};
}
`;
}

export function renderMapper(entity: Entity): string {
  const file = entity.files.mapper!;
  const T = entity.type;
  const typeImport = entity.files.types
    ? `import type { ${T} } from '${rel(file, entity.files.types)}';\n\n`
    : '';
  return `${typeImport}export function to${T}Dto(row: ${entity.files.types ? T : 'Record<string, unknown>'}) {
  return { ...row, kind: '${entity.name}' };
}
`;
}

/** Dead code nobody imports any more; it still reads its table. */
export function renderLegacy(entity: Entity): string {
  const file = entity.files.legacy!;
  const repository = entity.files.repository
    ? `import { list${entity.type}Rows } from '${rel(file, entity.files.repository)}';\n\n/** @deprecated use the service. */\nexport const legacyList${entity.type} = () => list${entity.type}Rows(1000, 0);\n`
    : `/** @deprecated */\nexport const legacy${entity.type} = true;\n`;
  return repository;
}

function pick<T>(n: number, items: readonly T[]): T {
  return items[n % items.length]!;
}
