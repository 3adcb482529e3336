import { KERNEL_FILE as K, relativeSpecifier as rel, specifier } from './imports.ts';
import type { Domain, Entity, MonolithPlan } from './plan.ts';
import type { Random } from './random.ts';
import { constantName } from './render-entity.ts';

/** An Express router per entity: 2-5 endpoints calling its service. */
export function renderRoutes(entity: Entity, random: Random): string {
  const file = entity.files.routes!;
  const T = entity.type;
  const service = entity.files.service;
  const lines = [
    `import { Router } from 'express';`,
    `import { requireAuth } from '${specifier(file, K.auth, random)}';`,
    `import { asyncHandler } from '${specifier(file, K.http, random)}';`,
  ];
  if (service) {
    lines.push(
      `import { change${T}Status, create${T}, get${T}, list${T}Page } from '${rel(file, service)}';`,
    );
  }
  if (entity.files.validation)
    lines.push(`import { parseNew${T} } from '${rel(file, entity.files.validation)}';`);
  lines.push('', `export const ${entity.id}Router = Router();`, '');
  const r = `${entity.id}Router`;
  if (!service) {
    lines.push(`${r}.get('/', (_req, res) => {`, '  res.json([]);', '});');
    return `${lines.join('\n')}\n`;
  }
  lines.push(
    `${r}.get(`,
    `  '/',`,
    `  asyncHandler(async (req, res) => {`,
    `    res.json(list${T}Page(Number(req.query.page ?? 1)));`,
    '  }),',
    ');',
    '',
    `${r}.get('/:id', asyncHandler(async (req, res) => res.json(get${T}(String(req.params.id)))));`,
  );
  if (random.chance(0.8)) {
    const parse = entity.files.validation ? `parseNew${T}(req.body)` : 'req.body';
    lines.push(
      '',
      `${r}.post('/', requireAuth, asyncHandler(async (req, res) => res.status(201).json(create${T}(${parse}))));`,
    );
  }
  if (random.chance(0.5)) {
    lines.push(
      '',
      `${r}.patch(`,
      `  '/:id/status',`,
      '  requireAuth,',
      `  asyncHandler(async (req, res) => res.json(change${T}Status(String(req.params.id), String(req.body.status)))),`,
      ');',
    );
  }
  if (random.chance(0.3)) {
    lines.push(
      '',
      `${r}.delete('/:id', requireAuth, asyncHandler(async (req, res) => res.json(change${T}Status(String(req.params.id), 'archived'))));`,
    );
  }
  return `${lines.join('\n')}\n`;
}

/** The domain's router mounts its entities' routers under their own prefixes. */
export function renderDomainRouter(domain: Domain, random: Random): string {
  const file = domain.router;
  const name = `${domain.name.replace(/\d+$/, '')}Router`;
  const lines = [`import { Router } from 'express';`];
  const mounted = domain.entities.filter((e) => e.files.routes);
  const main = domain.entities[0]!;
  if (domain.routerHasEndpoint && main.files.service) {
    lines.push(`import { asyncHandler } from '${specifier(file, K.http, random)}';`);
    lines.push(`import { list${main.type}Page } from '${rel(file, main.files.service)}';`);
  }
  for (const entity of mounted)
    lines.push(`import { ${entity.id}Router } from '${rel(file, entity.files.routes!)}';`);
  lines.push('', `export const ${name} = Router();`, '');
  if (domain.routerHasEndpoint && main.files.service) {
    lines.push(
      `${name}.get('/stats', asyncHandler(async (_req, res) => res.json({ total: list${main.type}Page(1).items.length })));`,
      '',
    );
  }
  for (const entity of mounted) lines.push(`${name}.use('${entity.route || '/'}', ${entity.id}Router);`);
  return `${lines.join('\n')}\n`;
}

export function domainRouterName(domain: Domain): string {
  return `${domain.name.replace(/\d+$/, '')}Router`;
}

/** The app composes every domain router under its prefix: the wiring the analyzer must see through. */
export function renderApp(plan: MonolithPlan, random: Random): string {
  const file = 'src/app.ts';
  const lines = [
    `import express from 'express';`,
    `import { errorHandler, requestLogger } from '${specifier(file, K.http, random)}';`,
  ];
  for (const domain of plan.domains) {
    lines.push(
      `import { ${domainRouterName(domain)} as ${domain.name}Routes } from '${specifier(file, domain.router, random, 0.3)}';`,
    );
  }
  lines.push(
    '',
    'export function createApp() {',
    '  const app = express();',
    '  app.use(express.json());',
    '  app.use(requestLogger);',
  );
  for (const domain of plan.domains) lines.push(`  app.use('${domain.prefix}', ${domain.name}Routes);`);
  lines.push('  app.use(errorHandler);', '  return app;', '}');
  return `${lines.join('\n')}\n`;
}

export function renderServer(): string {
  const file = 'src/server.ts';
  return `import { createApp } from '${rel(file, 'src/app.ts')}';
import { config } from '${rel(file, K.config)}';
import { logger } from '${rel(file, K.logger)}';

createApp().listen(config.port, () => logger.info('listening', { port: config.port }));
`;
}

export function renderConstants(domain: Domain): string {
  return `export const ${constantName(domain.entities[0]!)} = { pageSize: 20, maxBatch: 500 } as const;\n`;
}

/** Operational scripts outside src: no domain of their own. */
export function renderScript(path: string, plan: MonolithPlan, random: Random): string {
  if (path === 'scripts/migrate.ts') {
    return `import { readdirSync, readFileSync } from 'node:fs';
import { db } from '${rel(path, K.db)}';

for (const file of readdirSync('migrations').sort()) {
  db.exec(readFileSync(\`migrations/\${file}\`, 'utf8'));
}
`;
  }
  const domain = random.pick(plan.domains);
  const entity = domain.entities.find((e) => e.files.repository)!;
  return `import { list${entity.type}Rows, update${entity.type}Status } from '${rel(path, entity.files.repository!)}';

for (const row of list${entity.type}Rows(10_000, 0) as Array<{ id: string }>) {
  update${entity.type}Status(row.id, 'active');
}
`;
}

export function renderMigration(plan: MonolithPlan): string {
  const tables = plan.domains.flatMap((d) =>
    d.entities.filter((e) => e.files.repository).map((e) => e.table),
  );
  return tables
    .map(
      (t) =>
        `CREATE TABLE IF NOT EXISTS ${t} (\n  id TEXT PRIMARY KEY,\n  ref_id TEXT,\n  status TEXT NOT NULL,\n  created_at TEXT NOT NULL,\n  updated_at TEXT NOT NULL\n);\n`,
    )
    .join('\n');
}
