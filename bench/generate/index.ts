/**
 * Synthetic Express + SQL monoliths with known domains, for the analyzer's accuracy tests
 * (MoJoFM against the ground truth) and its benchmark. Deterministic for a seed.
 *
 *   const monolith = await generateMonolith({ dir, files: 500, domains: 8, seed: 1 });
 *   monolith.expected   // { services: { orders: ['src/modules/orders/**'], ... } }
 *   monolith.domainOf   // { 'src/modules/orders/order.service.ts': 'orders', 'src/shared/db.ts': null, ... }
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { type GenerateOptions, type MonolithPlan, minimumFiles, planMonolith } from './plan.ts';
import {
  renderLegacy,
  renderMapper,
  renderRepository,
  renderService,
  renderTypes,
  renderValidation,
} from './render-entity.ts';
import { renderKernel } from './render-kernel.ts';
import {
  renderApp,
  renderConstants,
  renderDomainRouter,
  renderMigration,
  renderRoutes,
  renderScript,
  renderServer,
} from './render-wiring.ts';

export type { GenerateOptions, Layout } from './plan.ts';
export { minimumFiles };

export interface ExpectedBoundaries {
  services: Record<string, string[]>;
}

export interface GeneratedMonolith {
  /** Source files (.ts), sorted; exactly `options.files` of them. */
  files: string[];
  /** Every source file -> its domain; null for the shared kernel, app wiring and scripts. */
  domainOf: Record<string, string | null>;
  /** The ground truth as an `--expected` file: one service per domain, globs relative to the root. */
  expected: ExpectedBoundaries;
  domains: string[];
  kernel: string[];
  wiring: string[];
  scripts: string[];
  counts: {
    endpoints: number;
    tables: number;
    crossDomainCalls: number;
    crossDomainTableReads: number;
    crossDomainTypeImports: number;
  };
}

export interface RenderedMonolith extends GeneratedMonolith {
  /** Every file to write (sources plus tsconfig.json, package.json, migrations, expected-boundaries.json). */
  contents: Map<string, string>;
}

/** Plans and renders in memory, writing nothing. */
export function renderMonolith(options: GenerateOptions): RenderedMonolith {
  const plan = planMonolith(options);
  const { random } = plan;
  const contents = new Map<string, string>();
  const domainOf: Record<string, string | null> = {};
  for (const [path, text] of renderKernel()) {
    contents.set(path, text);
    domainOf[path] = null;
  }
  let endpoints = 0;
  for (const domain of plan.domains) {
    const main = domain.entities[0]!;
    const orphans = domain.entities.filter((e) => e.files.repository && !e.files.service);
    for (const entity of domain.entities) {
      const f = entity.files;
      if (f.types) contents.set(f.types, renderTypes(entity, main, random));
      if (f.repository) contents.set(f.repository, renderRepository(entity, main, random));
      if (f.service) contents.set(f.service, renderService(entity, main, orphans, random));
      if (f.validation) contents.set(f.validation, renderValidation(entity, random));
      if (f.mapper) contents.set(f.mapper, renderMapper(entity));
      if (f.legacy) contents.set(f.legacy, renderLegacy(entity));
      if (f.routes) {
        const text = renderRoutes(entity, random);
        endpoints += text.match(/Router\.(get|post|patch|delete)\(/g)?.length ?? 0;
        contents.set(f.routes, text);
      }
    }
    if (domain.constants) contents.set(domain.constants, renderConstants(domain));
    const router = renderDomainRouter(domain, random);
    endpoints += router.match(/Router\.get\(/g)?.length ?? 0;
    contents.set(domain.router, router);
    for (const path of contents.keys()) if (!(path in domainOf)) domainOf[path] = domain.name;
  }
  contents.set('src/app.ts', renderApp(plan, random));
  contents.set('src/server.ts', renderServer());
  for (const path of plan.scripts) contents.set(path, renderScript(path, plan, random));
  for (const path of [...plan.wiring, ...plan.scripts]) domainOf[path] = null;

  const files = [...contents.keys()].sort();
  if (files.length !== plan.options.files) {
    throw new Error(`generator bug: planned ${plan.options.files} files, rendered ${files.length}`);
  }
  const expected = toExpected(plan);
  contents.set('migrations/001_init.sql', renderMigration(plan));
  contents.set('tsconfig.json', renderTsconfig());
  contents.set('package.json', renderPackageJson());
  contents.set('expected-boundaries.json', `${JSON.stringify(expected, null, 2)}\n`);
  const entities = plan.domains.flatMap((d) => d.entities);
  return {
    contents,
    files,
    domainOf: Object.fromEntries(files.map((f) => [f, domainOf[f]!])),
    expected,
    domains: plan.domains.map((d) => d.name),
    kernel: plan.kernel,
    wiring: plan.wiring,
    scripts: plan.scripts,
    counts: {
      endpoints,
      tables: entities.filter((e) => e.files.repository).length,
      crossDomainCalls: entities.reduce((n, e) => n + e.foreign.length, 0),
      crossDomainTableReads: entities.reduce(
        (n, e) => n + (e.files.repository ? e.foreignTables.length : 0),
        0,
      ),
      crossDomainTypeImports: entities.reduce((n, e) => n + e.foreignTypes.length, 0),
    },
  };
}

/** Renders and writes the monolith under `dir` (created if missing). */
export async function generateMonolith(
  options: GenerateOptions & { dir: string },
): Promise<GeneratedMonolith> {
  const { dir, ...rest } = options;
  const { contents, ...result } = renderMonolith(rest);
  const folders = new Set([...contents.keys()].map((path) => dirname(join(dir, path))));
  for (const folder of [...folders].sort()) await mkdir(folder, { recursive: true });
  await Promise.all([...contents].map(([path, text]) => writeFile(join(dir, path), text)));
  return result;
}

function toExpected(plan: MonolithPlan): ExpectedBoundaries {
  const services: Record<string, string[]> = {};
  for (const domain of plan.domains) {
    const paths = [domain.router, ...(domain.constants ? [domain.constants] : [])];
    for (const entity of domain.entities) paths.push(...Object.values(entity.files));
    const folders = new Set(
      paths.map((p) =>
        p
          .split('/')
          .slice(0, domain.layout === 'modules' ? 3 : 3)
          .join('/'),
      ),
    );
    services[domain.name] = [...folders].sort().map((folder) => `${folder}/**`);
  }
  return { services };
}

function renderTsconfig(): string {
  return `${JSON.stringify(
    {
      compilerOptions: {
        target: 'ES2022',
        module: 'commonjs',
        moduleResolution: 'node',
        strict: true,
        esModuleInterop: true,
        skipLibCheck: true,
        outDir: 'dist',
        baseUrl: '.',
        paths: { '@shared/*': ['src/shared/*'], '@app/*': ['src/*'] },
      },
      include: ['src', 'scripts'],
    },
    null,
    2,
  )}\n`;
}

function renderPackageJson(): string {
  return `${JSON.stringify(
    {
      name: 'generated-monolith',
      version: '1.0.0',
      private: true,
      scripts: { start: 'node dist/src/server.js', build: 'tsc -p .' },
      dependencies: { 'better-sqlite3': '^12.0.0', express: '^5.0.0' },
      devDependencies: { '@types/express': '^5.0.0', typescript: '^5.9.0' },
    },
    null,
    2,
  )}\n`;
}
