/**
 * Every proposed service of the sample monolith extracts into a folder that type-checks on its
 * own (`tsc --noEmit` with the generated tsconfig), with the routes, route plan and report a
 * user would follow. One tsc per service, two at a time (CI has two cores).
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Analysis } from '../../analyzer/analysis.ts';
import { analyze } from '../../analyzer/index.ts';
import { type ExtractionResult, extractService } from '../../extract/index.ts';

const run = promisify(execFile);
const repo = fileURLToPath(new URL('../..', import.meta.url));
const monolith = path.join(repo, 'sample-monolith');
const tsc = path.join(repo, 'node_modules/.bin/tsc');

let analysis: Analysis;
let workDir: string;
const results = new Map<string, ExtractionResult>();

beforeAll(async () => {
  analysis = await analyze({ root: monolith, git: false });
  workDir = await mkdtemp(path.join(tmpdir(), 'strangler-extract-'));
  for (const service of analysis.services) {
    const to = path.join(workDir, service.name);
    results.set(service.name, await extractService(analysis, { service: service.name, to }));
    // The generated package.json is not installed here: resolve packages from the repository.
    await symlink(path.join(repo, 'node_modules'), path.join(to, 'node_modules'), 'dir');
  }
}, 240_000);

afterAll(async () => {
  if (workDir) await rm(workDir, { recursive: true, force: true });
});

describe('strangler extract on the sample monolith', () => {
  it('writes a service that type-checks for every proposed service', async () => {
    const names = [...results.keys()];
    expect(names.length).toBe(analysis.services.length);
    const failures: string[] = [];
    const queue = [...names];
    const worker = async () => {
      for (let name = queue.shift(); name !== undefined; name = queue.shift()) {
        try {
          await run(tsc, ['--noEmit', '-p', path.join(workDir, name, 'tsconfig.json')], {
            maxBuffer: 8 << 20,
          });
        } catch (error) {
          failures.push(`${name}: ${(error as { stdout?: string }).stdout ?? String(error)}`);
        }
      }
    };
    await Promise.all([worker(), worker()]);
    expect(failures).toEqual([]);
  }, 300_000);

  it('mounts every endpoint of each service at its monolith path and plans them in shadow mode', async () => {
    for (const service of analysis.services) {
      const result = results.get(service.name)!;
      const plan = JSON.parse(await readFile(path.join(result.dir, 'routes.plan.json'), 'utf8'));
      expect(plan.services).toEqual([{ name: service.name, url: result.url }]);
      expect(plan.routes).toHaveLength(service.endpoints.length);
      expect(new Set(plan.routes.map((route: { mode: string }) => route.mode))).toEqual(
        service.endpoints.length > 0 ? new Set(['shadow']) : new Set(),
      );
      const server = await readFile(path.join(result.dir, 'server.ts'), 'utf8');
      for (const mount of result.mounts) expect(server).toContain(`app.use('${mount.path}', `);
    }
    const catalogLike = [...results.values()].find((result) =>
      result.mounts.some((mount) => mount.path === '/api/catalog/products'),
    );
    expect(catalogLike?.unmounted ?? []).not.toContain('GET /api/catalog/products');
  });

  it('leaves no import of another service behind: each is a contract, a client or a listed stub', async () => {
    for (const result of results.values()) {
      const report = await readFile(path.join(result.dir, 'EXTRACTION.md'), 'utf8');
      for (const stub of result.replaced.filter((entry) => entry.kind === 'stub')) {
        expect(report).toContain(stub.symbol);
        const remote = await readFile(path.join(result.dir, stub.module), 'utf8');
        expect(remote).toContain(`notExtracted('${stub.service}', '${stub.symbol}')`);
      }
      for (const module of result.modules.filter((entry) => entry.kind === 'service')) {
        const text = await readFile(path.join(result.dir, module.to), 'utf8');
        // Path aliases are rewritten to relative imports: the service has no alias config.
        expect(text).not.toMatch(/^(import|export)[^;]*from '@shop\//m);
      }
    }
  });

  it('copies the shared kernel once, into lib/', () => {
    for (const result of results.values()) {
      const library = result.modules.filter((module) => module.kind === 'library');
      expect(new Set(library.map((module) => module.from)).size).toBe(library.length);
      for (const module of library) expect(module.to.startsWith('lib/')).toBe(true);
    }
    const withDb = [...results.values()].filter((result) =>
      result.modules.some((module) => module.from === 'src/shared/db.ts'),
    );
    expect(withDb.length).toBeGreaterThan(0);
  });
});
