/**
 * The service's own package.json and tsconfig.json: the packages its copied code imports (at
 * the versions the monolith uses), and the monolith's compiler options without its path
 * aliases (every alias import was rewritten to a relative one).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

export function renderPackageJson(service: string, root: string, packages: ReadonlySet<string>): string {
  const versions = readVersions(root);
  const dependencies: Record<string, string> = {};
  for (const name of [...packages].sort()) dependencies[name] = versions.get(name) ?? '*';
  const devDependencies: Record<string, string> = {};
  for (const name of [
    '@types/node',
    'tsx',
    'typescript',
    ...[...packages].map((name) => `@types/${name.replace(/^@([^/]+)\//, '$1__')}`),
  ]) {
    const version = versions.get(name);
    if (version && !dependencies[name]) devDependencies[name] = version;
  }
  const manifest = {
    name: `${service}-service`,
    private: true,
    type: 'module',
    description: `The ${service} service, extracted from the monolith by strangler extract.`,
    scripts: { start: 'tsx server.ts', typecheck: 'tsc --noEmit -p tsconfig.json' },
    dependencies,
    devDependencies,
  };
  return `${JSON.stringify(manifest, null, 2)}\n`;
}

/** Versions from the nearest package.json files at and above the monolith's root. */
function readVersions(root: string): Map<string, string> {
  const versions = new Map<string, string>();
  for (let dir = path.resolve(root); ; dir = path.dirname(dir)) {
    const file = path.join(dir, 'package.json');
    if (existsSync(file)) {
      try {
        const manifest = JSON.parse(readFileSync(file, 'utf8')) as Record<
          string,
          Record<string, string> | undefined
        >;
        for (const field of ['devDependencies', 'dependencies']) {
          for (const [name, version] of Object.entries(manifest[field] ?? {})) {
            if (!versions.has(name)) versions.set(name, version);
          }
        }
      } catch {
        // An unreadable manifest only costs us a version number.
      }
    }
    if (path.dirname(dir) === dir) return versions;
  }
}

const REQUIRED_OPTIONS = {
  target: 'ES2022',
  module: 'ESNext',
  moduleResolution: 'Bundler',
  strict: true,
  allowJs: true,
  esModuleInterop: true,
  skipLibCheck: true,
  isolatedModules: true,
  verbatimModuleSyntax: true,
  allowImportingTsExtensions: true,
  resolveJsonModule: true,
  noEmit: true,
  types: ['node'],
};

export function renderTsconfig(monolithOptions: Record<string, unknown>): string {
  const { baseUrl: _baseUrl, paths: _paths, rootDir: _rootDir, outDir: _outDir, ...kept } = monolithOptions;
  const config = {
    compilerOptions: {
      ...kept,
      ...REQUIRED_OPTIONS,
      lib: kept.lib ?? ['ES2023'],
    },
    include: ['**/*.ts', '**/*.js'],
    exclude: ['node_modules', '**/*.test.ts'],
  };
  return `${JSON.stringify(config, null, 2)}\n`;
}
