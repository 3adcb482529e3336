/**
 * CPU the shadow runner spends per mirrored exchange, next to the floor: the same request made
 * with a bare undici Pool (send, read the body, nothing else). The upstream runs in its own
 * process, so only the mirroring side is measured.
 *   node --import tsx bench/proxy/mirror-cpu.ts
 * Env: MIRRORS (20000 per measurement), CONCURRENCY (8, the runner's default), ONLY=floor|runner.
 * Mirrors go out 200 at a time, so this is the cost at load; spread thin over time each costs
 * more (an event-loop wake-up of its own), as the fixed-rate rows of bench:proxy show.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { Pool } from 'undici';
import type { CapturedExchange, Route, RouteTable } from '../../proxy/model.ts';
import { createShadow } from '../../proxy/shadow/index.ts';

const MIRRORS = Number(process.env.MIRRORS ?? 20000);
const BATCH = 200;
const here = new URL('.', import.meta.url).pathname;

const upstreamProcess = spawn(process.execPath, ['--import', 'tsx', join(here, 'upstream.ts')], {
  stdio: ['ignore', 'pipe', 'inherit'],
});
// Also when this process dies early (e.g. its stdout piped into `head`): no orphaned upstream.
process.on('exit', () => upstreamProcess.kill());
const upstream = await new Promise<string>((resolve) =>
  createInterface({ input: upstreamProcess.stdout! }).once('line', (line) => resolve(line.trim())),
);

const route: Route = {
  id: 'orders',
  key: '* /api/orders/:id',
  methods: ['*'],
  path: '/api/orders/:id',
  mode: 'shadow',
  percent: 0,
  service: 'orders',
};
const table: RouteTable = {
  revision: 1,
  monolith: { name: 'monolith', url: upstream },
  services: [{ name: 'orders', url: upstream }],
  routes: [route],
};
// What the request path hands over: the outbound headers and the monolith's exact answer.
const probe = new Pool(upstream, { connections: 16 });
const first = await probe.request({ method: 'GET', path: '/api/orders/42' });
const primaryBody = Buffer.from(await first.body.arrayBuffer());
const exchange: CapturedExchange = {
  route,
  request: {
    method: 'GET',
    url: '/api/orders/42',
    headers: {
      host: upstream.slice(7),
      'user-agent': 'wrk',
      accept: '*/*',
      'x-forwarded-for': '127.0.0.1',
      'x-forwarded-proto': 'http',
      'x-forwarded-host': upstream.slice(7),
    },
    body: Buffer.alloc(0),
  },
  primary: {
    status: first.statusCode,
    headers: first.headers as Record<string, string | string[]>,
    body: primaryBody,
    durationMs: 1,
  },
};

async function measure(label: string, run: () => Promise<void>) {
  await run(); // warm-up
  const before = process.cpuUsage();
  const started = performance.now();
  await run();
  const cpu = process.cpuUsage(before);
  const seconds = (performance.now() - started) / 1000;
  process.stdout.write(
    `${label.padEnd(34)} ${((cpu.user + cpu.system) / MIRRORS).toFixed(1).padStart(7)} µs CPU/mirror  ${(MIRRORS / seconds).toFixed(0).padStart(6)} mirrors/s\n`,
  );
}

const only = process.env.ONLY;
// The floor runs as many requests at once as the runner's default concurrency (8).
const floorConcurrency = Number(process.env.CONCURRENCY ?? 8);
if (only !== 'runner')
  await measure('bare undici Pool (floor)', async () => {
    for (let done = 0; done < MIRRORS; done += BATCH) {
      let next = 0;
      await Promise.all(
        Array.from({ length: floorConcurrency }, async () => {
          while (next++ < BATCH) {
            const response = await probe.request({
              method: 'GET',
              path: '/api/orders/42',
              headers: exchange.request.headers,
            });
            await response.body.arrayBuffer();
          }
        }),
      );
    }
  });

const dir = mkdtempSync(join(tmpdir(), 'strangler-mirror-cpu-'));
const shadow = createShadow({
  dbFile: join(dir, 'p.db'),
  getTable: () => table,
  rollback: () => {},
  settings: process.env.CONCURRENCY ? { concurrency: Number(process.env.CONCURRENCY) } : {},
});
if (only !== 'floor')
  await measure('shadow runner (mirror, compare, store)', async () => {
    for (let done = 0; done < MIRRORS; done += BATCH) {
      for (let i = 0; i < BATCH; i++) shadow.onShadow(exchange);
      await shadow.runner.settle();
    }
  });
const [report] = shadow.runner.report().routes;
if (only !== 'floor') {
  // A runner whose mirrors fail is cheap for the wrong reason: say so.
  const counters = report?.counters;
  process.stdout.write(`counters ${JSON.stringify(counters)} dropped ${shadow.runner.dropped}\n`);
  if (!counters || counters.matched !== 2 * MIRRORS)
    process.stdout.write('WARNING: not every mirror matched\n');
}
await shadow.close();
await probe.close();
rmSync(dir, { recursive: true, force: true });
upstreamProcess.kill();
