/**
 * The "must show", with real processes: `strangler proxy` (flags form) in front of
 * `npm run monolith`; `strangler routes` moves one endpoint to a service and back; the
 * history shows both changes.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../../cli/main.ts';
import type { RouteChange } from '../../../proxy/model.ts';
import { startProcess, stop } from './processes.ts';
import { startUpstream, type Upstream } from './servers.ts';

const root = new URL('../../../', import.meta.url).pathname;

async function strangler(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const sink = (append: (s: string) => void) =>
    new Writable({
      write(chunk, _enc, done) {
        append(chunk.toString());
        done();
      },
    });
  const code = await main(argv, {
    stdout: sink((s) => {
      stdout += s;
    }),
    stderr: sink((s) => {
      stderr += s;
    }),
    env: {},
    cwd: root,
  });
  return { code, stdout, stderr };
}

describe('strangler proxy in front of the sample monolith', () => {
  let dir: string;
  let monolith: ReturnType<typeof startProcess>;
  let proxy: ReturnType<typeof startProcess>;
  let catalog: Upstream;
  let monolithUrl: string;
  let proxyUrl: string;
  let admin: string[];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'strangler-must-show-'));
    catalog = await startUpstream('catalog-service');
    monolith = startProcess(
      ['bin/monolith.js'],
      { PORT: '0', DB_FILE: join(dir, 'shop.db'), LOG_LEVEL: 'info' },
      /"port":(\d+)/,
      'stdout',
    );
    monolithUrl = `http://127.0.0.1:${(await monolith.found)[1]}`;
    proxy = startProcess(
      [
        'bin/strangler.js',
        'proxy',
        '--monolith',
        monolithUrl,
        '--port',
        '0',
        '--admin-port',
        '0',
        '--db',
        join(dir, 'p.db'),
        '--log-level',
        'warn',
      ],
      { STRANGLER_ADMIN_TOKEN: '' },
      /listening on (http:\S+)\nadmin API on (http:\S+)\nadmin token[^:]*: (\S+)\n/,
      'stderr',
    );
    const [, url, adminUrl, token] = await proxy.found;
    proxyUrl = url!;
    admin = ['--admin', adminUrl!, '--token', token!];
  }, 60_000);

  afterAll(async () => {
    expect(await stop(proxy.child)).toBe(0);
    await stop(monolith.child);
    await catalog.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('serves the monolith endpoints unchanged', async () => {
    for (const [method, path] of [
      ['GET', '/healthz'],
      ['GET', '/api/version'],
      ['GET', '/api/catalog/products?limit=3'],
      ['GET', '/api/catalog/categories'],
      ['GET', '/api/no-such-endpoint'],
      ['POST', '/api/accounts/login'],
    ] as const) {
      const init = {
        method,
        headers: { 'content-type': 'application/json' },
        body: method === 'POST' ? '{"email":"x@example.com","password":"wrong"}' : undefined,
      };
      const direct = await fetch(`${monolithUrl}${path}`, init);
      const proxied = await fetch(`${proxyUrl}${path}`, init);
      expect(proxied.status, `${method} ${path}`).toBe(direct.status);
      expect(await proxied.text(), `${method} ${path}`).toBe(await direct.text());
    }
  });

  it('moves an endpoint to a service and back with `strangler routes`, and records both', async () => {
    const plan = join(dir, 'routes.plan.json');
    writeFileSync(
      plan,
      JSON.stringify({
        version: 1,
        services: [{ name: 'catalog', url: catalog.url }],
        routes: [
          {
            method: 'GET',
            path: '/api/catalog/categories',
            service: 'catalog',
            mode: 'monolith',
            percent: 0,
          },
        ],
      }),
    );
    expect((await strangler('routes', 'import', plan, ...admin)).code).toBe(0);
    const categories = () => fetch(`${proxyUrl}/api/catalog/categories`);

    const moved = await strangler(
      'routes',
      'set',
      'GET /api/catalog/categories',
      '--mode',
      'service',
      '--reason',
      'cut over',
      ...admin,
    );
    expect(moved.code).toBe(0);
    const fromService = await categories();
    expect(fromService.headers.get('x-strangler-served-by')).toBe('catalog');
    expect(await fromService.json()).toMatchObject({ servedBy: 'catalog-service' });

    expect(
      (await strangler('routes', 'set', 'get-api-catalog-categories', '--mode', 'monolith', ...admin)).code,
    ).toBe(0);
    const back = await categories();
    expect(back.headers.get('x-strangler-served-by')).toBe('monolith');
    expect(await back.text()).toBe(await (await fetch(`${monolithUrl}/api/catalog/categories`)).text());

    const history = await strangler('routes', 'history', '--json', ...admin);
    const changes = JSON.parse(history.stdout) as RouteChange[];
    expect(changes.map((c) => [c.kind, c.before?.mode ?? null, c.after?.mode, c.actor])).toEqual([
      ['set', 'service', 'monolith', 'admin'],
      ['set', 'monolith', 'service', 'admin'],
      ['import', null, 'monolith', 'admin'],
    ]);
    const table = await strangler('routes', 'history', ...admin);
    expect(table.stdout).toMatch(
      /set\s+GET \/api\/catalog\/categories\s+monolith → catalog\s+service → catalog\s+cut over/,
    );
  });

  it('refuses the CLI without a token, with the server code and exit 1', async () => {
    const refused = await strangler('routes', 'list', '--admin', admin[1]!);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/^error PROXY_ADMIN_UNAUTHORIZED/);
  });
});
