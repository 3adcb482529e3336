/**
 * `extractService(analysis, options)`: carves one proposed service out of the monolith into its
 * own folder (see docs/extraction.md). Reads the monolith with ts-morph, copies and rewrites
 * modules, generates remote clients, stubs, the server, package files, the shadow route plan
 * and EXTRACTION.md. The data half (schema, copy, change capture) plugs in through `dataStep`.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Project, type SourceFile } from 'ts-morph';
import type { Analysis } from '../analyzer/analysis.ts';
import { StranglerError } from '../errors/index.ts';
import { applyEdits, planAwaits, type TextEdit } from './await-calls.ts';
import { findServingEndpoint } from './endpoint-match.ts';
import { EXTRACT_ERRORS } from './errors.ts';
import { renderExtractionMd } from './extraction-md.ts';
import {
  getExportKinds,
  getExportText,
  getFunctionSignature,
  getGlobalAugmentations,
} from './import-sites.ts';
import { readAppWiring } from './mounts.ts';
import { renderPackageJson, renderTsconfig } from './package-files.ts';
import { isScript, planExtraction } from './plan.ts';
import { type RemoteDecision, renderRemoteModule, renderRemoteRuntime } from './remote-module.ts';
import { createModuleResolver, readTsconfigOptions } from './resolve-import.ts';
import { toShadowRoutePlan } from './route-plan.ts';
import { renderServerFile } from './server-file.ts';
import { getSharedTables } from './shared-tables.ts';
import { copyTypeDeclarations } from './type-copies.ts';
import type { DataStepResult, ExtractionResult, ExtractOptions, ReplacedImport } from './types.ts';

export type { ExtractionResult, ExtractOptions } from './types.ts';

/** The data half's entry (extract/data): schema of the owned tables, a copy, change capture. */
export type DataStep = (input: {
  analysis: Analysis;
  service: string;
  dir: string;
  monolithDb?: string;
}) => Promise<DataStepResult | null>;

export async function extractService(
  analysis: Analysis,
  options: ExtractOptions & { dataStep?: DataStep },
): Promise<ExtractionResult> {
  const progress = options.onProgress ?? (() => {});
  const service = analysis.services.find((candidate) => candidate.name === options.service);
  if (!service) {
    const known = analysis.services.map((candidate) => candidate.name);
    throw new StranglerError(
      EXTRACT_ERRORS.EXTRACT_UNKNOWN_SERVICE,
      `No service named "${options.service}" in the analysis. Known services: ${known.join(', ')}.`,
      { details: { service: options.service, known } },
    );
  }
  const root = path.resolve(options.root ?? analysis.root);
  if (!existsSync(root)) {
    throw new StranglerError(
      EXTRACT_ERRORS.EXTRACT_ROOT_NOT_FOUND,
      `The monolith folder ${root} does not exist.`,
      {
        details: { root },
      },
    );
  }
  const dir = path.resolve(options.to);
  assertTargetUsable(dir, options.force === true);

  const tsconfigFile = path.join(root, 'tsconfig.json');
  const project = getProject(analysis, root, tsconfigFile);
  const load = (id: string): SourceFile => {
    const file = path.join(root, id);
    const found = project.getSourceFile(file);
    if (found) return found;
    if (!existsSync(file)) {
      throw new StranglerError(
        EXTRACT_ERRORS.EXTRACT_MODULE_NOT_FOUND,
        `${id} is in the analysis but not in ${root}.`,
        {
          details: { module: id, root },
        },
      );
    }
    return project.addSourceFileAtPath(file);
  };
  const resolver = createModuleResolver(root, existsSync(tsconfigFile) ? tsconfigFile : undefined);
  const followImport = (file: SourceFile, name: string): SourceFile | null => {
    const fromId = path.relative(root, file.getFilePath()).split(path.sep).join('/');
    for (const decl of [...file.getImportDeclarations(), ...file.getExportDeclarations()]) {
      const specifier = decl.getModuleSpecifierValue();
      if (!specifier) continue;
      const names =
        'getNamedImports' in decl
          ? decl.getNamedImports().map((named) => named.getName())
          : decl.getNamedExports().map((named) => named.getName());
      if (!names.includes(name)) continue;
      const target = resolver.resolve(specifier, fromId);
      return target && isScript(target) ? load(target) : null;
    }
    return null;
  };

  // Kernel modules the monolith's app-wide middleware needs come along, like any library.
  const byId = new Map(analysis.modules.map((module) => [module.id, module]));
  const wiringIds = new Set(analysis.wiring);
  const copyable = (id: string): 'service' | 'library' | null => {
    const module = byId.get(id);
    if (module?.service === service.name) return 'service';
    if (!wiringIds.has(id) && (module === undefined || module.service === null)) return 'library';
    return null;
  };
  const wiring = readAppWiring(analysis.wiring, copyable, resolver, load);
  const extraLibrary = [
    ...new Set(
      wiring.imports.flatMap((entry) =>
        entry.module && copyable(entry.module) === 'library' ? [entry.module] : [],
      ),
    ),
  ];
  progress(`planning ${service.name}: ${service.modules.length} modules`);
  const plan = planExtraction(analysis, service.name, resolver, load, extraLibrary);

  // Decide, per imported name of another service, client, stub or type; collect call-site edits.
  const edits = new Map<string, TextEdit[]>();
  const replaced: ReplacedImport[] = [];
  const remoteFiles: Array<{ to: string; text: string }> = [];
  for (const target of plan.remote.values()) {
    const kinds = getExportKinds(load(target.module));
    const names = target.namespace
      ? new Map(
          [...kinds.keys()].map((name) => [
            name,
            target.names.get(name) ?? { typeOnly: false, usedBy: new Set<string>() },
          ]),
        )
      : target.names;
    const decisions = new Map<string, RemoteDecision>();
    for (const [name, use] of names) {
      const kind = kinds.get(name) ?? 'value';
      const usedBy = [...use.usedBy].sort();
      let decision: RemoteDecision;
      if (use.typeOnly || kind === 'type') {
        decision = { kind: 'type' };
      } else {
        const declaration = getExportText(load(target.module), name);
        decision = decideRemote(
          target.service,
          name,
          kind,
          declaration,
          usedBy,
          plan,
          analysis,
          resolver,
          load,
          edits,
        );
        if (decision.kind !== 'type' && kind === 'function') {
          decision.signature = getFunctionSignature(load(target.module), name);
        }
      }
      decisions.set(name, decision);
      replaced.push({
        symbol: `${target.module}#${name}`,
        service: target.service,
        module: target.to,
        kind: decision.kind,
        ...(decision.kind === 'http-client'
          ? { endpoint: `${decision.endpoint.method} ${decision.endpoint.path}` }
          : {}),
        ...(decision.kind === 'stub' ? { todo: decision.todo } : {}),
        usedBy,
      });
    }
    const runtime = relativeSpecifier(target.to, 'remote/runtime.ts');
    const augmentation = getGlobalAugmentations(load(target.module));
    const typeNames = new Set(augmentation.importedTypes);
    for (const [name, decision] of decisions) {
      if (decision.kind === 'type') typeNames.add(name);
      if (decision.kind !== 'type') for (const used of decision.signature?.names ?? []) typeNames.add(used);
    }
    const valueNames = new Set(
      [...decisions].filter(([, decision]) => decision.kind !== 'type').map(([name]) => name),
    );
    const types = copyTypeDeclarations(load(target.module), [...typeNames], followImport, valueNames);
    remoteFiles.push({
      to: target.to,
      text: renderRemoteModule(target.module, target.service, decisions, runtime, augmentation, types),
    });
  }

  const files = new Map<string, string>();
  const packages = new Set<string>(['express']);
  for (const moved of plan.copied.values()) {
    const original = readFileSync(path.join(root, moved.from), 'utf8');
    const moduleEdits = [...(edits.get(moved.from) ?? [])];
    for (const { site, target } of plan.sites.get(moved.from) ?? []) {
      if (target === null) {
        const name = packageName(site.specifier);
        if (name) packages.add(name);
        continue;
      }
      const destination = plan.copied.get(target)?.to ?? plan.remote.get(target)?.to;
      if (!destination) continue;
      moduleEdits.push({ start: site.start, end: site.end, text: relativeSpecifier(moved.to, destination) });
    }
    files.set(moved.to, applyEdits(original, moduleEdits));
  }
  for (const remote of remoteFiles) files.set(remote.to, remote.text);
  if (remoteFiles.length > 0) files.set('remote/runtime.ts', renderRemoteRuntime());

  const endpoints = analysis.endpoints.filter((endpoint) => endpoint.service === service.name);
  const mounts = wiring.mounts.filter((mount) => plan.copied.get(mount.module)?.kind === 'service');
  const unmounted = endpoints
    .filter(
      (endpoint) =>
        !mounts.some(
          (mount) =>
            mount.module === endpoint.file ||
            (mount.path !== '/' &&
              (endpoint.path === mount.path || endpoint.path.startsWith(`${mount.path}/`))),
        ),
    )
    .map((endpoint) => endpoint.id);
  const port = options.port ?? 4000 + Math.max(0, service.extractionOrder);
  const url = options.url ?? `http://127.0.0.1:${port}`;
  files.set('server.ts', renderServer(service.name, port, mounts, wiring, plan, load));
  files.set('package.json', renderPackageJson(service.name, root, packages));
  files.set('tsconfig.json', renderTsconfig(readTsconfigOptions(tsconfigFile)));
  files.set(
    'routes.plan.json',
    `${JSON.stringify(toShadowRoutePlan(service.name, url, endpoints), null, 2)}\n`,
  );

  for (const [file, text] of files) writeFile(dir, file, text);
  progress(`wrote ${files.size} files to ${dir}`);
  const data = options.dataStep
    ? await options.dataStep({
        analysis,
        service: service.name,
        dir,
        ...(options.monolithDb ? { monolithDb: path.resolve(options.monolithDb) } : {}),
      })
    : null;
  const result: ExtractionResult = {
    service: service.name,
    dir,
    modules: [...plan.copied.values()].sort((a, b) => a.to.localeCompare(b.to)),
    replaced: replaced.sort((a, b) => a.symbol.localeCompare(b.symbol)),
    mounts,
    unmounted,
    ownedTables: [...service.tables].sort(),
    sharedTables: getSharedTables(analysis, service.name),
    data,
    files: [...files.keys(), 'EXTRACTION.md', ...(data?.files ?? [])].sort(),
    generatedLines: 0,
    port,
    url,
  };
  const report = renderExtractionMd(result, options.monolithDb);
  writeFile(dir, 'EXTRACTION.md', report);
  result.generatedLines = [...files.values(), report].reduce(
    (sum, text) => sum + text.split('\n').length - 1,
    0,
  );
  return result;
}

function decideRemote(
  service: string,
  name: string,
  kind: string,
  declaration: string,
  usedBy: string[],
  plan: ReturnType<typeof planExtraction>,
  analysis: Analysis,
  resolver: ReturnType<typeof createModuleResolver>,
  load: (id: string) => SourceFile,
  edits: Map<string, TextEdit[]>,
): RemoteDecision {
  if (kind !== 'function' || service === 'monolith') {
    return {
      kind: 'stub',
      isClass: kind === 'class',
      todo: `a ${kind} of ${service}, not reachable over HTTP: copy it, move it, or replace its use with a call to ${service}'s API.`,
    };
  }
  const endpoint = findServingEndpoint(analysis, service, name, resolver, load, declaration);
  if (!endpoint) {
    return {
      kind: 'stub',
      isClass: false,
      todo: `no endpoint of ${service} serves ${name}: add one there, or move the code.`,
    };
  }
  const pending = new Map<string, TextEdit[]>();
  for (const id of usedBy) {
    const locals = (plan.sites.get(id) ?? []).flatMap(({ site }) =>
      site.names.filter((entry) => entry.name === name).map((entry) => entry.local),
    );
    for (const local of new Set(locals)) {
      const awaited = planAwaits(load(id), local);
      if (!awaited.ok) {
        return {
          kind: 'stub',
          isClass: false,
          todo: `\`${endpoint.method} ${endpoint.path}\` on ${service} serves it, but in ${id} ${awaited.reason}; then call it over HTTP.`,
        };
      }
      pending.set(id, [...(pending.get(id) ?? []), ...awaited.edits]);
    }
  }
  for (const [id, list] of pending) edits.set(id, [...(edits.get(id) ?? []), ...list]);
  return { kind: 'http-client', endpoint };
}

function renderServer(
  service: string,
  port: number,
  mounts: ExtractionResult['mounts'],
  wiring: ReturnType<typeof readAppWiring>,
  plan: ReturnType<typeof planExtraction>,
  load: (id: string) => SourceFile,
): string {
  const locate = (module: string | null, specifier: string) => {
    if (module === null) return specifier;
    const to = plan.copied.get(module)?.to;
    return to ? `./${to}` : specifier;
  };
  const imports = wiring.imports
    .filter((entry) => entry.specifier !== 'express' || entry.name !== 'default')
    .map((entry) => ({
      specifier: locate(entry.module, entry.specifier),
      name: entry.name,
      local: entry.local,
    }));
  const locals = new Map<string, string>();
  for (const mount of mounts) {
    const taken =
      [...locals.values()].includes(mount.exportName) &&
      locals.get(`${mount.module}#${mount.exportName}`) === undefined;
    const local = taken ? `${mount.exportName}${locals.size}` : mount.exportName;
    locals.set(`${mount.module}#${mount.exportName}`, local);
    imports.push({ specifier: `./${plan.copied.get(mount.module)!.to}`, name: mount.exportName, local });
  }
  let database: Parameters<typeof renderServerFile>[0]['database'] = null;
  for (const moved of plan.copied.values()) {
    if (moved.kind !== 'library' || !isScript(moved.from)) continue;
    const names = new Set(load(moved.from).getExportedDeclarations().keys());
    if (names.has('openDatabase')) {
      database = {
        specifier: `./${moved.to}`,
        open: true,
        use: names.has('useDatabase'),
        close: names.has('closeDatabase'),
      };
    }
  }
  return renderServerFile({
    service,
    port,
    mounts: mounts.map((mount) => ({
      path: mount.path,
      local: locals.get(`${mount.module}#${mount.exportName}`)!,
    })),
    middleware: wiring.middleware,
    imports,
    database,
  });
}

/**
 * One ts-morph project per analysis and monolith folder: extracting every service of one
 * analysis parses and type-checks the monolith once. Safe because extraction only reads source
 * files; every rewrite is applied to a copy of their text.
 */
const projects = new WeakMap<Analysis, Map<string, Project>>();

function getProject(analysis: Analysis, root: string, tsconfigFile: string): Project {
  const byRoot = projects.get(analysis) ?? new Map<string, Project>();
  projects.set(analysis, byRoot);
  let project = byRoot.get(root);
  if (!project) {
    project = new Project({
      ...(existsSync(tsconfigFile) ? { tsConfigFilePath: tsconfigFile } : {}),
      skipAddingFilesFromTsConfig: true,
      compilerOptions: { allowJs: true },
    });
    byRoot.set(root, project);
  }
  return project;
}

function assertTargetUsable(dir: string, force: boolean): void {
  if (!existsSync(dir) || force) return;
  const entries = readdirSync(dir);
  if (entries.length > 0) {
    throw new StranglerError(
      EXTRACT_ERRORS.EXTRACT_TARGET_NOT_EMPTY,
      `${dir} is not empty (${entries.length} entries); extract writes into an empty folder.`,
      { details: { dir, entries: entries.slice(0, 10) } },
    );
  }
}

function writeFile(dir: string, relative: string, text: string): void {
  const file = path.join(dir, relative);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
}

function relativeSpecifier(fromFile: string, toFile: string): string {
  const relative = path.posix.relative(path.posix.dirname(fromFile), toFile);
  return relative.startsWith('.') ? relative : `./${relative}`;
}

function packageName(specifier: string): string | null {
  if (specifier.startsWith('node:') || specifier.startsWith('.') || specifier.startsWith('/')) return null;
  const parts = specifier.split('/');
  const name = specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
  return BUILTINS.has(name) ? null : name;
}

const BUILTINS = new Set([
  'fs',
  'path',
  'url',
  'http',
  'https',
  'crypto',
  'os',
  'events',
  'stream',
  'util',
  'net',
  'zlib',
  'child_process',
  'assert',
  'buffer',
  'timers',
  'worker_threads',
]);
