import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { StranglerError } from '../../../errors/index.ts';
import { configFromFlags } from '../../../proxy/config/from-flags.ts';
import { getConfigJsonSchema } from '../../../proxy/config/json-schema.ts';
import { loadConfigFile } from '../../../proxy/config/load.ts';

const shopYaml = `
listen: { port: 8080 }
admin:
  port: 8081
  tokens:
    - { name: alice, token: alice-secret-0123456789 }
db: ./proxy.db
monolith: http://127.0.0.1:3000
services:
  orders: http://127.0.0.1:4001
routes:
  - { method: GET, path: /api/orders/:id, service: orders, mode: canary, percent: 10 }
  - { path: /api/products/* }
`;

async function failure(promise: Promise<unknown>): Promise<StranglerError> {
  try {
    await promise;
  } catch (error) {
    return error as StranglerError;
  }
  throw new Error('expected the load to fail');
}

describe('proxy configuration', () => {
  let dir: string;
  const write = (name: string, text: string) => {
    const file = join(dir, name);
    writeFileSync(file, text);
    return file;
  };
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'strangler-config-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('loads YAML with defaults, resolves db next to the file, and freezes the result', async () => {
    const config = await loadConfigFile(write('proxy.yaml', shopYaml));
    expect(config.db).toBe(join(dir, 'proxy.db'));
    expect(config.routes[1]).toEqual({
      method: '*',
      path: '/api/products/*',
      service: null,
      mode: 'monolith',
      percent: 0,
    });
    expect(config.canary.key).toBe('client-address');
    expect(Object.isFrozen(config.routes[0])).toBe(true);
  });

  it('loads the same configuration from JSON', async () => {
    const json = JSON.stringify({ listen: { port: 0 }, db: ':memory:', monolith: 'http://127.0.0.1:3000' });
    const config = await loadConfigFile(write('proxy.json', json));
    expect(config.monolith).toBe('http://127.0.0.1:3000');
    expect(config.db).toBe(':memory:');
  });

  it('names the field path and the file for every problem', async () => {
    const bad = shopYaml
      .replace('percent: 10', 'percent: 150')
      .replace('path: /api/products/*', 'path: api/products');
    const error = await failure(loadConfigFile(write('proxy.yaml', bad)));
    expect(error.code).toBe('PROXY_CONFIG_INVALID');
    expect(error.message).toContain('routes[0].percent: must be 0-100 (proxy.yaml)');
    expect(error.message).toContain('routes[1].path: must start with `/` (proxy.yaml)');
    expect(error.details.problems).toHaveLength(2);
  });

  it('rejects routes to undeclared services, duplicate routes and unknown keys', async () => {
    const bad = `${shopYaml}  - { method: get, path: /api/orders/:id, service: billing }\nlisten_port: 1\n`;
    const error = await failure(loadConfigFile(write('proxy.yaml', bad)));
    const paths = (error.details.problems as Array<{ path: string }>).map((p) => p.path).sort();
    expect(paths).toEqual(['(root)', 'routes[2].path', 'routes[2].service']);
  });

  it('reports YAML syntax errors and missing files with their own codes', async () => {
    expect((await failure(loadConfigFile(write('proxy.yaml', 'routes: [')))).code).toBe(
      'PROXY_CONFIG_SYNTAX',
    );
    expect((await failure(loadConfigFile(join(dir, 'missing.yaml')))).code).toBe('PROXY_CONFIG_NOT_FOUND');
  });

  it('builds the same shape from command-line flags', () => {
    const config = configFromFlags({
      monolith: 'http://127.0.0.1:3000',
      port: 8080,
      adminPort: 8081,
      db: '/tmp/p.db',
    });
    expect(config).toMatchObject({
      listen: { port: 8080 },
      admin: { port: 8081, tokens: [] },
      db: '/tmp/p.db',
    });
    expect(() => configFromFlags({ port: 1 })).toThrow(
      expect.objectContaining({ code: 'PROXY_CONFIG_FLAGS' }),
    );
    expect(() => configFromFlags({ monolith: 'ftp://x' })).toThrow(/monolith: must be an http/);
  });

  it('turns session recording on from --sessions, and names a bad key', () => {
    const monolith = 'http://127.0.0.1:3000';
    expect(configFromFlags({ monolith }).sessions).toBeUndefined();
    expect(configFromFlags({ monolith, sessions: 'authorization' }).sessions?.key).toBe('authorization');
    expect(configFromFlags({ monolith, sessions: 'cookie:sid' }).sessions?.key).toEqual({ cookie: 'sid' });
    expect(configFromFlags({ monolith, sessions: 'header:x-session' }).sessions?.key).toEqual({
      header: 'x-session',
    });
    expect(() => configFromFlags({ monolith, sessions: 'cookie:' })).toThrow(
      expect.objectContaining({ code: 'PROXY_CONFIG_SESSIONS_FLAG' }),
    );
  });

  it('generates a JSON Schema that lists every top-level field', () => {
    const schema = getConfigJsonSchema() as { properties: Record<string, unknown>; required: string[] };
    expect(Object.keys(schema.properties)).toEqual(
      expect.arrayContaining([
        'listen',
        'admin',
        'db',
        'monolith',
        'services',
        'routes',
        'canary',
        'forward',
      ]),
    );
    expect(schema.required).toEqual(expect.arrayContaining(['listen', 'db', 'monolith']));
  });
});
