/**
 * No leak: the standalone proxy's RSS after 10N requests stays within 1.5× of its RSS after N.
 * The issue asks for 100,000 vs 1,000,000; the CI budget (4 minutes on 2 cores) scales it to 4,000 vs 40,000.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Pool } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordFigure } from './figures.ts';
import { configText } from './harness.ts';
import { type RecordingServer, startRecordingServer } from './recording-server.ts';
import { type Standalone, startStandalone } from './standalone.ts';

const N = 4_000;

function rssMiB(pid: number): number {
  const kib = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]!;
  return Number(kib) / 1024;
}

describe('proxy memory under sustained load', () => {
  let dir: string;
  let monolith: RecordingServer;
  let orders: RecordingServer;
  let proxy: Standalone;
  let pool: Pool;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'strangler-memory-'));
    // Recording every request would itself grow; these upstreams only answer.
    monolith = await startRecordingServer('monolith');
    orders = await startRecordingServer('orders');
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
    pool = new Pool((await proxy.ready).base, { connections: 16 });
  });
  afterAll(async () => {
    await pool.close();
    proxy.child.kill('SIGKILL');
    await monolith.close();
    await orders.close();
    rmSync(dir, { recursive: true, force: true });
  });

  let sent = 0;
  let failed = 0;
  async function load(count: number): Promise<void> {
    const paths = ['/api/orders/', '/api/carts/', '/api/products/', '/api/unrouted/'];
    let next = 0;
    const worker = async () => {
      while (next < count) {
        const i = next++;
        // Unique paths, users and queries: caches keyed on them would grow without bound.
        const path = `${paths[i % paths.length]}${sent + i}?q=${i}`;
        try {
          const response = await pool.request({ method: 'GET', path, headers: { 'x-user': String(i) } });
          await response.body.dump();
          if (response.statusCode !== 200) failed++;
        } catch {
          failed++;
        }
      }
    };
    await Promise.all(Array.from({ length: 32 }, worker));
    sent += count;
    monolith.received.length = 0;
    orders.received.length = 0;
  }

  it(`RSS after ${10 * N} requests is within 1.5x of RSS after ${N}`, async () => {
    await load(N);
    const first = rssMiB(proxy.child.pid!);
    await load(9 * N);
    const last = rssMiB(proxy.child.pid!);
    const ratio = last / first;
    recordFigure({
      tried: `memory: RSS after ${10 * N} / after ${N} requests`,
      times: 10 * N,
      failed,
      goal: 'ratio ≤ 1.5, 0 failed',
      met: ratio <= 1.5 && failed === 0,
      note: `${first.toFixed(0)} → ${last.toFixed(0)} MiB (×${ratio.toFixed(2)}); scaled from 100k/1M for the 4-minute CI budget`,
    });
    expect(failed).toBe(0);
    expect(ratio).toBeLessThanOrEqual(1.5);
  });
});
