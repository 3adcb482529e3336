/**
 * Random binary bodies through every route mode, fixed-length and chunked: the bytes the
 * upstream received and the bytes the client got back (the upstreams echo) must be the sent ones.
 */
import { createHash, randomBytes } from 'node:crypto';
import { Agent, request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordFigure } from './figures.ts';
import { type ProxyUnderTest, startProxy } from './harness.ts';
import { type RecordingServer, startRecordingServer } from './recording-server.ts';

const COUNT = 1000;
const MiB = 1024 * 1024;
const MODES = ['monolith', 'service', 'canary', 'shadow'] as const;

/** Weighted to small bodies: 70% under 4 KiB, 20% under 256 KiB, 8% under 1 MiB, 2% up to 8 MiB. */
function sizeFor(i: number): number {
  if (i === 0) return 0;
  if (i === 1) return 8 * MiB;
  const r = (i * 7919) % 100;
  const within = (max: number) => Math.floor(Math.random() * max);
  if (r < 70) return within(4096);
  if (r < 90) return 4096 + within(252 * 1024);
  if (r < 98) return 256 * 1024 + within(768 * 1024);
  return MiB + within(7 * MiB);
}

const sha = (data: Buffer) => createHash('sha256').update(data).digest('hex');

describe('bodies in every mode', () => {
  let monolith: RecordingServer;
  let orders: RecordingServer;
  let p: ProxyUnderTest;
  const agent = new Agent({ keepAlive: true, maxSockets: 4 });

  beforeAll(async () => {
    monolith = await startRecordingServer('monolith', { echo: true });
    orders = await startRecordingServer('orders', { echo: true });
    p = await startProxy(`monolith: ${monolith.url}
services: { orders: ${orders.url} }
canary: { key: { header: x-user } }
routes:
  - { method: POST, path: /monolith/*, service: orders, mode: monolith }
  - { method: POST, path: /service/*, service: orders, mode: service }
  - { method: POST, path: /canary/*, service: orders, mode: canary, percent: 50 }
  - { method: POST, path: /shadow/*, service: orders, mode: shadow, shadow: { methods: [POST] } }
`);
  });
  afterAll(async () => {
    agent.destroy();
    await p.close();
    await monolith.close();
    await orders.close();
  });

  function send(
    path: string,
    id: string,
    body: Buffer,
    chunked: boolean,
  ): Promise<{ status: number; body: Buffer }> {
    return new Promise((resolve, reject) => {
      const headers: Record<string, string | number> = {
        'x-request-id': id,
        'x-user': id,
        'content-type': 'application/octet-stream',
      };
      if (!chunked) headers['content-length'] = body.length;
      const req = request(`${p.base}${path}`, { method: 'POST', agent, headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks) }));
        res.on('error', reject);
      });
      req.on('error', reject);
      if (chunked) {
        // Uneven chunks, so chunk boundaries fall anywhere.
        for (let at = 0; at < body.length; ) {
          const size = 1 + Math.floor(Math.random() * 256 * 1024);
          req.write(body.subarray(at, at + size));
          at += size;
        }
      }
      req.end(chunked ? undefined : body);
    });
  }

  it(`${COUNT} bodies (0 to 8 MiB) arrive and come back unaltered`, async () => {
    const altered: string[] = [];
    const sent = new Map<string, { sha: string; mode: string; size: number }>();
    let next = 0;
    let totalBytes = 0;
    const worker = async () => {
      while (next < COUNT) {
        const i = next++;
        const mode = MODES[i % MODES.length]!;
        const chunked = i % 8 >= 4;
        const body = randomBytes(sizeFor(i));
        totalBytes += body.length;
        const id = `body-${i}`;
        sent.set(id, { sha: sha(body), mode, size: body.length });
        try {
          const answer = await send(`/${mode}/${i}`, id, body, chunked);
          if (answer.status !== 200 || sha(answer.body) !== sha(body)) {
            altered.push(
              `${id} (${mode}, ${body.length} B, ${chunked ? 'chunked' : 'fixed'}): client got ${answer.status}, ${answer.body.length} B`,
            );
          }
        } catch (error) {
          altered.push(`${id} (${mode}): ${String(error)}`);
        }
      }
    };
    await Promise.all(Array.from({ length: 4 }, worker));
    // Mirrors are sent after the primary answered; give the shadow queue a moment to drain.
    await new Promise((resolve) => setTimeout(resolve, 1500));

    let mirrors = 0;
    for (const [id, expected] of sent) {
      const primary = [...monolith.received, ...orders.received].filter(
        (r) => r.id === id && !(expected.mode === 'shadow' && r.host && r.host === new URL(orders.url).host),
      );
      const landed = expected.mode === 'shadow' ? monolith.received.filter((r) => r.id === id) : primary;
      if (landed.length !== 1 || landed[0]!.sha256 !== expected.sha) {
        altered.push(
          `${id} (${expected.mode}, ${expected.size} B): upstream received ${landed.map((r) => r.bytes).join(',') || 'nothing'}`,
        );
      }
      if (expected.mode === 'shadow') {
        for (const mirror of orders.received.filter((r) => r.id === id)) {
          mirrors++;
          if (mirror.sha256 !== expected.sha)
            altered.push(`${id}: the mirror to the service carried other bytes (${mirror.bytes} B)`);
        }
      }
    }
    recordFigure({
      tried: 'bodies: altered (request, response, mirror)',
      times: COUNT,
      failed: altered.length,
      goal: '0',
      met: altered.length === 0,
      note: `${(totalBytes / MiB).toFixed(0)} MiB, 4 modes, half chunked; ${mirrors} shadow mirrors compared`,
    });
    expect(altered.slice(0, 10)).toEqual([]);
    expect(mirrors).toBeGreaterThan(0);
  });
});
