import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const NGINX = ['/usr/sbin/nginx', '/usr/bin/nginx'].find((path) => existsSync(path)) ?? null;

export interface SeenRequest {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
}

/** A real upstream that answers with its own name and records what it received. */
export interface NamedUpstream {
  name: string;
  url: string;
  seen: SeenRequest[];
  close(): Promise<void>;
}

export async function startNamedUpstream(name: string): Promise<NamedUpstream> {
  const seen: SeenRequest[] = [];
  const server: Server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers });
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ servedBy: name, url: req.url }));
    });
  });
  server.keepAliveTimeout = 1000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    name,
    url: `http://127.0.0.1:${port}`,
    seen,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** nginx in its own prefix, in the foreground, one process, with our include in `http {}`. */
export interface RunningNginx {
  prefix: string;
  stop(): Promise<void>;
}

export function writeNginxPrefix(include: string): { prefix: string; conf: string } {
  const prefix = mkdtempSync(join(tmpdir(), 'strangler-nginx-'));
  mkdirSync(join(prefix, 'logs'));
  writeFileSync(join(prefix, 'strangler.conf'), include);
  const conf = join(prefix, 'nginx.conf');
  writeFileSync(
    conf,
    [
      'daemon off;',
      'master_process off;',
      `pid ${join(prefix, 'nginx.pid')};`,
      `error_log ${join(prefix, 'logs', 'error.log')} warn;`,
      'events { worker_connections 512; }',
      'http {',
      '  access_log off;',
      `  client_body_temp_path ${join(prefix, 'body')};`,
      `  proxy_temp_path ${join(prefix, 'proxy')};`,
      `  fastcgi_temp_path ${join(prefix, 'fastcgi')};`,
      `  uwsgi_temp_path ${join(prefix, 'uwsgi')};`,
      `  scgi_temp_path ${join(prefix, 'scgi')};`,
      `  include ${join(prefix, 'strangler.conf')};`,
      '}',
      '',
    ].join('\n'),
  );
  return { prefix, conf };
}

/** `nginx -t`: throws with nginx's own message when the configuration is invalid. */
export function testNginxConfig(prefix: string, conf: string): string {
  return execFileSync(NGINX!, ['-t', '-p', prefix, '-c', conf], { encoding: 'utf8', stdio: 'pipe' });
}

export async function startNginx(prefix: string, conf: string, port: number): Promise<RunningNginx> {
  const child: ChildProcess = spawn(NGINX!, ['-p', prefix, '-c', conf], { stdio: 'ignore' });
  for (let attempt = 0; attempt < 100; attempt++) {
    try {
      await fetch(`http://127.0.0.1:${port}/__strangler_probe`);
      break;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
  return {
    prefix,
    stop: async () => {
      child.kill('SIGQUIT');
      await new Promise((resolve) => child.once('exit', resolve));
      rmSync(prefix, { recursive: true, force: true });
    },
  };
}
