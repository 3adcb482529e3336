/** `kill -HUP` re-reads the config file; an invalid file keeps the old config serving. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningProcess, startProcess, stop } from './processes.ts';
import { startUpstream, type Upstream } from './servers.ts';

describe('strangler proxy --config and SIGHUP', () => {
  let dir: string;
  let file: string;
  let monolith: Upstream;
  let orders: Upstream;
  let proxy: RunningProcess;
  let base: string;

  const config = (route: string) => `
listen: { port: 0 }
admin: { port: 0, tokens: [{ name: operator, token: operator-token-0123456789 }] }
db: ./proxy.db
monolith: ${monolith.url}
services: { orders: ${orders.url} }
routes:
  - ${route}
`;
  const servedBy = async (path: string) =>
    ((await (await fetch(`${base}${path}`)).json()) as { servedBy: string }).servedBy;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'strangler-sighup-'));
    file = join(dir, 'proxy.yaml');
    monolith = await startUpstream('monolith');
    orders = await startUpstream('orders');
    writeFileSync(file, config('{ method: GET, path: /api/orders/:id, service: orders, mode: service }'));
    proxy = startProcess(
      ['bin/strangler.js', 'proxy', '--config', file],
      {},
      /listening on (http:\S+)/,
      'stderr',
    );
    base = (await proxy.found)[1]!;
  }, 60_000);

  afterAll(async () => {
    expect(await stop(proxy.child)).toBe(0);
    await monolith.close();
    await orders.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('serves the routes of the file and takes no token from the environment it was not given', async () => {
    expect(await servedBy('/api/orders/1')).toBe('orders');
    expect(await servedBy('/api/cart')).toBe('monolith');
    expect(proxy.output('stderr')).not.toMatch(/admin token/);
  });

  it('keeps serving the old config when the new file is invalid, and says why', async () => {
    const from = proxy.output('stdout').length;
    writeFileSync(
      file,
      config('{ method: GET, path: /api/cart, service: orders, mode: canary, percent: 140 }'),
    );
    proxy.child.kill('SIGHUP');
    const [line] = await proxy.waitFor(/.*config reload failed.*/, 'stdout', from);
    expect(line).toContain('routes[0].percent: must be 0-100 (proxy.yaml)');
    expect(await servedBy('/api/cart')).toBe('monolith');
    expect(await servedBy('/api/orders/1')).toBe('orders');
  });

  it('adds the new routes of a valid file', async () => {
    const from = proxy.output('stdout').length;
    writeFileSync(file, config('{ method: GET, path: /api/cart, service: orders, mode: service }'));
    proxy.child.kill('SIGHUP');
    await proxy.waitFor(/"config reloaded"/, 'stdout', from);
    expect(proxy.output('stdout')).not.toContain('operator-token-0123456789');
    expect(await servedBy('/api/cart')).toBe('orders');
    // Still routed from the store, though the file no longer lists it.
    expect(await servedBy('/api/orders/1')).toBe('orders');
  });
});
