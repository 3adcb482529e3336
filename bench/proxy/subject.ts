/**
 * One proxy under test, in its own process so its CPU time is its own:
 *   node --import tsx bench/proxy/subject.ts <kind> <upstream-url> [routes] [shadow sample %]
 * kinds: strangler-undici, strangler-hpm (the request handler with every feature on: routing,
 * normalisation, breaker, stats, served-by header), strangler-shadow (undici, the route in
 * `shadow` mode with the real shadow runner mirroring to the same upstream), bare-hpm (http-proxy-middleware with a
 * keep-alive agent and nothing else), raw-undici (a minimal undici.Pool proxy).
 * Answers IPC messages: 'cpu' → process.cpuUsage() in µs, plus (shadow) the mirrors compared
 * and dropped so far.
 */
import { mkdtempSync } from 'node:fs';
import { Agent, createServer, type RequestListener } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createProxyMiddleware } from 'http-proxy-middleware';
import { pino } from 'pino';
import { Pool } from 'undici';
import type { Route, RouteTable } from '../../proxy/model.ts';
import { createRequestHandler } from '../../proxy/request-handler.ts';
import { createShadow, type Shadow } from '../../proxy/shadow/index.ts';
import { createProxyStats } from '../../proxy/stats/create-stats.ts';

const [kind, upstream, routeCount = '10', sample = '100'] = process.argv.slice(2) as [
  string,
  string,
  string?,
  string?,
];

/** `routes` routes; the benchmarked path `/api/orders/:id` is one of them, in `service` mode. */
function benchTable(routes: number, mode: Route['mode'] = 'service'): RouteTable {
  const filler: Route[] = Array.from({ length: routes - 1 }, (_, i) => ({
    id: `r${i}`,
    key: `GET /api/area${i}/items/:id`,
    methods: ['GET'],
    path: `/api/area${i}/items/:id`,
    mode: i % 2 ? 'canary' : 'monolith',
    percent: 10,
    service: 'orders',
  }));
  const orders: Route = {
    id: 'orders',
    key: '* /api/orders/:id',
    methods: ['*'],
    path: '/api/orders/:id',
    mode,
    percent: 0,
    service: 'orders',
    ...(mode === 'shadow' ? { shadow: { sample: Number(sample) } } : {}),
  };
  return {
    revision: 1,
    monolith: { name: 'monolith', url: upstream },
    services: [{ name: 'orders', url: upstream }],
    routes: [...filler, orders],
  };
}

let shadow: Shadow | null = null;

function build(): RequestListener {
  if (kind === 'strangler-undici' || kind === 'strangler-hpm' || kind === 'strangler-shadow') {
    const table = benchTable(Number(routeCount), kind === 'strangler-shadow' ? 'shadow' : 'service');
    const stats = createProxyStats();
    shadow =
      kind === 'strangler-shadow'
        ? createShadow({
            dbFile: join(mkdtempSync(join(tmpdir(), 'strangler-bench-shadow-')), 'p.db'),
            getTable: () => table,
            rollback: () => {},
            // Default concurrency (8) caps mirrors at 8 / upstream latency per second and drops
            // the rest as queue-full; 64 lets "sample 100%" mirror every GET at the loads measured.
            settings: { concurrency: Number(process.env.BENCH_SHADOW_CONCURRENCY ?? 64) },
          })
        : null;
    return createRequestHandler({
      getTable: () => table,
      config: {
        canary: { key: { header: 'x-user-id' } },
        forward: {
          // The shadow subject forwards with undici too: its row is read against service mode's.
          engine: kind === 'strangler-hpm' ? 'http-proxy-middleware' : 'undici',
          timeoutMs: 30_000,
          servedByHeader: 'x-strangler-served-by',
        },
        breaker: { failures: 5, openSeconds: 30 },
      },
      stats: shadow ? shadow.observe(stats) : stats,
      logger: pino({ level: 'info' }, pino.destination('/dev/null')),
      onShadow: shadow ? (exchange) => shadow!.onShadow(exchange) : undefined,
    });
  }
  if (kind === 'bare-hpm') {
    return createProxyMiddleware({
      target: upstream,
      agent: new Agent({ keepAlive: true }),
    }) as unknown as RequestListener;
  }
  if (kind === 'raw-undici') {
    const pool = new Pool(upstream, { connections: 128 });
    return (req, res) => {
      pool
        .request({
          method: req.method as 'GET',
          path: req.url ?? '/',
          headers: pickHeaders(req.headers),
          body: req.method === 'GET' ? null : req,
        })
        .then(({ statusCode, headers, body }) => {
          res.writeHead(statusCode, headers as Record<string, string>);
          body.pipe(res);
        })
        .catch(() => {
          res.statusCode = 502;
          res.end();
        });
    };
  }
  throw new Error(`unknown subject ${kind}`);
}

const server = createServer(build());
server.keepAliveTimeout = 60_000;
server.listen(0, '127.0.0.1', () => {
  process.send?.({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` });
});
// A clean exit on SIGTERM lets `node --cpu-prof` write its profile.
process.on('SIGTERM', () => process.exit(0));
process.on('message', (message) => {
  if (message === 'cpu') {
    const { user, system } = process.cpuUsage();
    const counters = shadow?.runner.report().routes.find((r) => r.routeId === 'orders')?.counters;
    process.send?.({
      cpuMicros: user + system,
      compared: counters ? counters.matched + counters.mismatched + counters.failed : 0,
      dropped: shadow?.runner.dropped ?? 0,
    });
  }
});

function pickHeaders(headers: import('node:http').IncomingHttpHeaders): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of ['content-type', 'content-length', 'accept', 'user-agent', 'host']) {
    const value = headers[name];
    if (typeof value === 'string') out[name] = value;
  }
  return out;
}
