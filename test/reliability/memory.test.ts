/**
 * No leak: the standalone proxy's RSS after 10N requests stays within 1.5× of its RSS after N.
 * The issue asks for N = 100,000 (1,000,000 in all); the suite runs N = 50,000 (500,000 in
 * all) to keep `npm run test:reliability` near 5 minutes on 2 shared cores, since the proxy
 * does ~3,100–3,400 requests a second there (docs/reliability.md has the 1M figure).
 * `RELIABILITY_MEMORY_N=100000` runs the counts; a smaller N gives a quick check.
 * The load is pipelined GETs on raw keep-alive sockets (`pipelined-load.ts`) against raw-TCP
 * upstreams (`cheap-upstream.ts`), so the two cores go to the proxy.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CheapUpstream, startCheapUpstream } from './cheap-upstream.ts';
import { recordFigure } from './figures.ts';
import { configText } from './harness.ts';
import { sendPipelined } from './pipelined-load.ts';
import { type Standalone, startStandalone } from './standalone.ts';

const N = Number(process.env.RELIABILITY_MEMORY_N ?? 50_000);

/** The process's own CPU time (user + system) in µs, from /proc (clock ticks of 10 ms). */
function cpuMicros(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10_000;
}

function rssMiB(pid: number): number {
  const kib = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]!;
  return Number(kib) / 1024;
}

describe('proxy memory under sustained load', () => {
  let dir: string;
  let monolith: CheapUpstream;
  let orders: CheapUpstream;
  let proxy: Standalone;
  let address: URL;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'strangler-memory-'));
    monolith = await startCheapUpstream('monolith');
    orders = await startCheapUpstream('orders');
    const file = join(dir, 'proxy.yaml');
    writeFileSync(
      file,
      configText(`monolith: ${monolith.url}
services: { orders: ${orders.url} }
canary: { key: { header: x-user } }
routes:
  - { method: GET, path: /api/orders/:id, service: orders, mode: service }
  - { method: GET, path: /api/carts/:id, service: orders, mode: canary, percent: 50 }
  - { method: GET, path: /api/products/*, service: orders, mode: shadow, shadow: { sample: 10 } }
`),
    );
    proxy = startStandalone(file);
    address = new URL((await proxy.ready).base);
  });
  afterAll(async () => {
    proxy.child.kill('SIGKILL');
    await monolith.close();
    await orders.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const paths = ['/api/orders/', '/api/carts/', '/api/products/', '/api/unrouted/'];
  let sent = 0;
  let failed = 0;
  async function load(count: number): Promise<void> {
    const offset = sent;
    const result = await sendPipelined({
      host: address.hostname,
      port: Number(address.port),
      count,
      connections: 16,
      depth: 4,
      // Unique paths, users and queries: caches keyed on them would grow without bound.
      head: (i) => {
        const n = offset + i;
        return `GET ${paths[n % paths.length]}${n}?q=${n} HTTP/1.1\r\nhost: shop.test\r\nx-user: u${n}\r\n\r\n`;
      },
    });
    sent += result.sent;
    failed += result.failed;
  }

  it(`RSS after ${10 * N} requests is within 1.5x of RSS after ${N}`, { timeout: 900_000 }, async () => {
    const started = performance.now();
    const cpuBefore = cpuMicros(proxy.child.pid!);
    await load(N);
    const first = rssMiB(proxy.child.pid!);
    await load(9 * N);
    const last = rssMiB(proxy.child.pid!);
    const seconds = (performance.now() - started) / 1000;
    const cpuPerRequest = (cpuMicros(proxy.child.pid!) - cpuBefore) / sent;
    const ratio = last / first;
    // Every request reached an upstream (shadowed ones twice, sampled): the load was real.
    const answered = monolith.answered() + orders.answered();
    recordFigure({
      tried: `memory: RSS after ${10 * N} / after ${N} requests`,
      times: sent,
      failed,
      goal: 'ratio ≤ 1.5, 0 failed',
      met: ratio <= 1.5 && failed === 0,
      note: `${first.toFixed(0)} → ${last.toFixed(0)} MiB (×${ratio.toFixed(2)}); ${seconds.toFixed(0)} s, ${(sent / seconds).toFixed(0)} req/s, proxy ${cpuPerRequest.toFixed(0)} µs CPU/req${N < 100_000 ? '; issue: 100k/1M, see docs' : ''}`,
    });
    expect(sent).toBe(10 * N);
    expect(failed).toBe(0);
    expect(answered).toBeGreaterThanOrEqual(sent);
    expect(ratio).toBeLessThanOrEqual(1.5);
  });
});
