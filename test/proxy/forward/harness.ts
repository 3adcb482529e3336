/**
 * Real servers for the data-plane tests: an upstream that echoes what it received (so a
 * test can check bytes, path and headers on the far side), and the proxy's request handler
 * on its own server. Everything listens on 127.0.0.1 with port 0.
 */
import { createHash } from 'node:crypto';
import {
  createServer,
  request as httpRequest,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';
import { pino } from 'pino';
import { WebSocketServer } from 'ws';
import type { EngineName } from '../../../proxy/forward/engine.ts';
import type { CapturedExchange, Route, RouteMode, RouteTable } from '../../../proxy/model.ts';
import type { DataPlaneConfig } from '../../../proxy/pipeline/options.ts';
import { createRequestHandler, type RequestHandler } from '../../../proxy/request-handler.ts';
import { createProxyStats, type ProxyStats } from '../../../proxy/stats/create-stats.ts';

export interface Upstream {
  name: string;
  url: string;
  server: Server;
  /** Requests received, in order: method, url and headers as the upstream saw them. */
  seen: Array<{ method: string; url: string; headers: IncomingMessage['headers'] }>;
  /** Requests whose connection closed before the upstream answered (the proxy gave up on them). */
  abandoned(): number;
  /** Makes every request fail one way until set back to `normal`. */
  behave(kind: Behaviour): void;
  close(): Promise<void>;
}

export function listen(server: Server): Promise<string> {
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () =>
      resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`),
    );
  });
}

export function closeServer(server: Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((resolve) => server.close(() => resolve()));
}

/** What every echo response carries about the request, besides echoing its body. */
export const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/**
 * `/sse` streams three events; `/status/NNN` answers NNN; `/slow` never answers in time;
 * `/drop` destroys the connection; anything else echoes the body with `x-echo-*` headers.
 */
export type Behaviour = 'normal' | 'status-503' | 'slow' | 'drop';

export async function startUpstream(name: string): Promise<Upstream> {
  const seen: Upstream['seen'] = [];
  let behaviour: Behaviour = 'normal';
  let abandoned = 0;
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers });
    const path =
      behaviour === 'normal'
        ? (req.url ?? '').split('?')[0]!
        : behaviour === 'status-503'
          ? '/status/503'
          : `/${behaviour}`;
    if (path === '/sse') {
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
      let n = 0;
      const timer = setInterval(() => {
        res.write(`data: ${name} ${++n}\n\n`);
        if (n === 3) {
          clearInterval(timer);
          res.end();
        }
      }, 20);
      return;
    }
    if (path.startsWith('/status/')) {
      req.resume();
      res.writeHead(Number(path.slice('/status/'.length)), { 'x-echo-by': name });
      res.end(`${name} says ${path}`);
      return;
    }
    if (path === '/slow') {
      req.resume();
      const timer = setTimeout(() => res.end('late'), 5_000);
      res.once('close', () => {
        clearTimeout(timer);
        if (!res.writableFinished) abandoned++;
      });
      return;
    }
    if (path === '/drop') {
      req.socket.destroy();
      return;
    }
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      res.writeHead(200, {
        'content-type': 'application/octet-stream',
        'x-echo-by': name,
        'x-echo-url': req.url ?? '',
        'x-echo-length': String(body.length),
        'x-echo-sha256': sha256(body),
        'set-cookie': ['a=1; Path=/', 'b=2; Path=/'],
        connection: 'keep-alive, x-upstream-secret',
        'x-upstream-secret': 'hop-by-hop, must not reach the client',
      });
      res.end(req.method === 'HEAD' ? undefined : body);
    });
  });
  const wss = new WebSocketServer({ server });
  wss.on('connection', (socket, req) => {
    socket.send(`hello from ${name} at ${req.url}`);
    socket.on('message', (data) => socket.send(`${name} echo: ${data.toString()}`));
  });
  const url = await listen(server);
  return {
    name,
    url,
    server,
    seen,
    abandoned: () => abandoned,
    behave: (kind) => {
      behaviour = kind;
    },
    close: async () => {
      for (const client of wss.clients) client.terminate();
      wss.close();
      await closeServer(server);
    },
  };
}

export function route(
  id: string,
  methods: string[],
  path: string,
  mode: RouteMode,
  service: string | null,
  percent = 0,
): Route {
  return { id, key: `${methods.join(',')} ${path}`, methods, path, mode, percent, service };
}

export function table(
  monolith: Upstream | string,
  services: Record<string, string>,
  routes: Route[],
  revision = 1,
): RouteTable {
  return {
    revision,
    monolith: { name: 'monolith', url: typeof monolith === 'string' ? monolith : monolith.url },
    services: Object.entries(services).map(([n, url]) => ({ name: n, url })),
    routes,
  };
}

export function dataPlaneConfig(
  engine: EngineName,
  overrides: Partial<DataPlaneConfig> = {},
): DataPlaneConfig {
  return {
    canary: { key: { header: 'x-user-id' } },
    forward: { engine, timeoutMs: 1000, servedByHeader: 'x-strangler-served-by' },
    breaker: { failures: 3, openSeconds: 0.3 },
    ...overrides,
  };
}

export interface ProxyUnderTest {
  url: string;
  handler: RequestHandler;
  stats: ProxyStats;
  shadows: CapturedExchange[];
  setTable(next: RouteTable): void;
  close(): Promise<void>;
}

export async function startProxy(
  initial: RouteTable,
  config: DataPlaneConfig,
  options: { captureBytes?: number; retryBodyBytes?: number } = {},
): Promise<ProxyUnderTest> {
  let current = initial;
  const stats = createProxyStats();
  const shadows: CapturedExchange[] = [];
  const handler = createRequestHandler({
    getTable: () => current,
    config,
    stats,
    logger: pino({ level: 'silent' }),
    onShadow: (exchange) => shadows.push(exchange),
    limits: options,
  });
  const server = createServer(handler);
  server.on('upgrade', handler.upgrade);
  const url = await listen(server);
  return {
    url,
    handler,
    stats,
    shadows,
    setTable: (next) => {
      current = next;
    },
    close: async () => {
      await closeServer(server);
      await handler.close();
    },
  };
}

export interface RawResponse {
  status: number;
  headers: IncomingMessage['headers'];
  body: Buffer;
}

/**
 * A request with the path sent byte for byte (fetch would normalise it first). `chunks`
 * sends the body with chunked framing, one write per chunk.
 */
export function rawRequest(
  base: string,
  options: {
    method?: string;
    path: string;
    headers?: Record<string, string>;
    body?: Buffer;
    chunks?: Buffer[];
  },
): Promise<RawResponse> {
  const target = new URL(base);
  // Node frames DELETE/OPTIONS bodies only with an explicit length.
  const headers = options.body
    ? { 'content-length': String(options.body.length), ...options.headers }
    : options.headers;
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: target.hostname,
        port: target.port,
        method: options.method ?? 'GET',
        path: options.path,
        headers,
        agent: false,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    if (options.chunks) {
      for (const chunk of options.chunks) req.write(chunk);
      req.end();
    } else req.end(options.body);
  });
}
