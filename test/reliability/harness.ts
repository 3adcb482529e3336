/** An in-process proxy from a YAML config file in a temp dir, with real SQLite. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfigFile } from '../../proxy/config/load.ts';
import { createProxy, type StranglerProxy } from '../../proxy/index.ts';

export const TOKEN = 'reliability-token-0123456789';

export interface ProxyUnderTest {
  dir: string;
  file: string;
  proxy: StranglerProxy;
  base: string;
  admin: string;
  port: number;
  adminPort: number;
  close(): Promise<void>;
}

/** `body` is the YAML after the `listen/admin/db` lines: monolith, services, routes... */
export async function startProxy(body: string): Promise<ProxyUnderTest> {
  const dir = mkdtempSync(join(tmpdir(), 'strangler-reliability-'));
  const file = join(dir, 'proxy.yaml');
  writeFileSync(file, configText(body));
  const proxy = createProxy(await loadConfigFile(file), { configFile: file });
  const { port, adminPort } = await proxy.listen();
  return {
    dir,
    file,
    proxy,
    port,
    adminPort: adminPort!,
    base: `http://127.0.0.1:${port}`,
    admin: `http://127.0.0.1:${adminPort}`,
    close: async () => {
      await proxy.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export function configText(body: string): string {
  return `listen: { port: 0 }
admin: { port: 0, tokens: [{ name: operator, token: ${TOKEN} }] }
db: ./proxy.db
stats: { flushIntervalMs: 1000 }
shutdown: { graceMs: 1000 }
${body}`;
}

export function adminPut(admin: string, route: string, body: unknown): Promise<Response> {
  return fetch(`${admin}/routes/${encodeURIComponent(route)}`, {
    method: 'PUT',
    headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}
