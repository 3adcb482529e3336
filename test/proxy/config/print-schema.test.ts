import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { main } from '../../../cli/main.ts';

function capture() {
  let text = '';
  const stream = new Writable({
    write(chunk, _encoding, done) {
      text += chunk.toString();
      done();
    },
  });
  return { stream, text: () => text };
}

describe('strangler proxy (command line, no server)', () => {
  it('prints the configuration JSON Schema generated from the zod schema', async () => {
    const out = capture();
    const err = capture();
    const code = await main(['proxy', '--print-schema'], {
      stdout: out.stream,
      stderr: err.stream,
      env: {},
      cwd: '/',
    });
    expect(code).toBe(0);
    const schema = JSON.parse(out.text()) as {
      properties: { routes: { items: { properties: Record<string, unknown> } } };
    };
    expect(Object.keys(schema.properties.routes.items.properties)).toEqual(
      expect.arrayContaining(['method', 'path', 'service', 'mode', 'percent']),
    );
  });

  it('exits 2 with a hint when neither --config nor --monolith is given', async () => {
    const err = capture();
    const code = await main(['proxy', '--port', '8080'], {
      stdout: capture().stream,
      stderr: err.stream,
      env: {},
      cwd: '/',
    });
    expect(code).toBe(2);
    expect(err.text()).toMatch(/^error PROXY_CONFIG_FLAGS/);
  });

  it('names the file and field when the config file is invalid', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'strangler-cli-config-'));
    writeFileSync(
      join(dir, 'proxy.yaml'),
      'listen: { port: 8080 }\ndb: p.db\nmonolith: http://127.0.0.1:3000\nroutes:\n  - { path: /a, mode: canary, percent: 150, service: orders }\n',
    );
    const err = capture();
    const code = await main(['proxy', '--config', 'proxy.yaml'], {
      stdout: capture().stream,
      stderr: err.stream,
      env: {},
      cwd: dir,
    });
    rmSync(dir, { recursive: true, force: true });
    expect(code).toBe(1);
    expect(err.text()).toContain('routes[0].percent: must be 0-100 (proxy.yaml)');
    expect(err.text()).toContain('routes[0].service: unknown service `orders`');
  });
});
