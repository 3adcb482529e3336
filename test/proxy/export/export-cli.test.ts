import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openRouteStore } from '../../../proxy/store/sqlite-route-store.ts';
import { strangler } from '../../support/run-strangler.ts';
import {
  freePort,
  type NamedUpstream,
  NGINX,
  startNamedUpstream,
  startNginx,
  testNginxConfig,
  writeNginxPrefix,
} from './nginx-harness.ts';

describe('strangler export', () => {
  let dir: string;
  let db: string;
  let config: string;
  let upstreams: NamedUpstream[];
  let port: number;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'strangler-export-'));
    upstreams = await Promise.all(['monolith', 'orders'].map((name) => startNamedUpstream(name)));
    const [monolith, orders] = upstreams as [NamedUpstream, NamedUpstream];
    port = await freePort();
    db = join(dir, 'proxy.db');
    config = join(dir, 'strangler.yaml');
    writeFileSync(
      config,
      [
        `listen: { host: 127.0.0.1, port: ${port} }`,
        `db: ${db}`,
        `monolith: ${monolith.url}`,
        'canary:',
        '  key: { header: x-user-id }',
        '',
      ].join('\n'),
    );
    // A store as a running proxy leaves it: a plan imported, then one route moved.
    const store = openRouteStore(db);
    store.importPlan(
      {
        version: 1,
        services: [{ name: 'orders', url: orders.url }],
        routes: [
          { method: 'GET', path: '/api/orders/:id', service: 'orders', mode: 'monolith', percent: 0 },
          { method: 'POST', path: '/api/orders', service: 'orders', mode: 'monolith', percent: 0 },
        ],
      },
      { actor: 'test' },
    );
    store.setRoute('GET /api/orders/:id', { mode: 'service' }, { actor: 'test', reason: 'cut over' });
    store.close();
  });

  afterAll(async () => {
    await Promise.all(upstreams.map((u) => u.close()));
    rmSync(dir, { recursive: true, force: true });
  });

  it('exits 2 with a hint when no route source is given', async () => {
    const result = await strangler('export', 'nginx');
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/EXPORT_NO_SOURCE/);
  });

  it('exits 1 when the database does not exist, and creates none', async () => {
    const missing = join(dir, 'missing.db');
    const result = await strangler('export', 'envoy', '--db', missing);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/EXPORT_DB_NOT_FOUND/);
    expect(() => readFileSync(missing)).toThrow();
  });

  it('exits 2 on an unknown target', async () => {
    expect((await strangler('export', 'haproxy', '--db', db)).code).toBe(2);
  });

  it('writes the same bytes twice, naming the store revision', async () => {
    const first = await strangler('export', 'envoy', '--db', db, '--config', config);
    const second = await strangler('export', 'envoy', '--db', db, '--config', config);
    expect(first.code).toBe(0);
    expect(first.stdout).toBe(second.stdout);
    expect(first.stdout.split('\n')[0]).toMatch(/revision [1-9]\d*, .*proxy\.db/);
  });

  it.skipIf(!NGINX)('exports a store that nginx accepts and routes by', async () => {
    const out = join(dir, 'strangler.conf');
    const result = await strangler('export', 'nginx', '--db', db, '--config', config, '--out', out);
    expect(result.code).toBe(0);
    const { prefix, conf } = writeNginxPrefix(readFileSync(out, 'utf8'));
    testNginxConfig(prefix, conf);
    const nginx = await startNginx(prefix, conf, port);
    try {
      const moved = await (await fetch(`http://127.0.0.1:${port}/api/orders/5`)).json();
      const stayed = await (
        await fetch(`http://127.0.0.1:${port}/api/orders`, { method: 'POST', body: '{}' })
      ).json();
      expect(moved).toMatchObject({ servedBy: 'orders' });
      expect(stayed).toMatchObject({ servedBy: 'monolith' });
    } finally {
      await nginx.stop();
    }
  });
});
