import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  createMirrorPools,
  type MirrorPools,
  mirrorHeaders,
  sendMirror,
} from '../../../proxy/shadow/send-mirror.ts';

/** An orders service that answers by path: small, large (declared or chunked), reset, or never. */
let service: Server;
let serviceUrl: string;
const received: { method: string; url: string; headers: IncomingMessage['headers']; body: string }[] = [];
const ORDER = JSON.stringify({ id: 1042, status: 'paid', total: 129.3 });
const LARGE = 'x'.repeat(4096);

beforeAll(async () => {
  service = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => {
      body += chunk;
    });
    req.on('end', () => {
      received.push({ method: req.method!, url: req.url!, headers: req.headers, body });
      if (req.url === '/api/orders/1042') {
        res.writeHead(201, { 'content-type': 'application/json', 'x-order': '1042' }).end(ORDER);
      } else if (req.url === '/api/report/declared') {
        res.writeHead(200, { 'content-length': LARGE.length }).end(LARGE);
      } else if (req.url === '/api/report/chunked') {
        res.writeHead(200, { 'content-type': 'text/plain' });
        for (let i = 0; i < 8; i++) res.write(LARGE.slice(0, 512));
        res.end();
      } else if (req.url === '/api/report/reset') {
        res.writeHead(200, { 'content-length': 100 });
        res.write('half of it');
        setTimeout(() => res.socket?.destroy(), 20);
      }
      // anything else: never answered
    });
  });
  await new Promise<void>((resolve) => service.listen(0, '127.0.0.1', resolve));
  serviceUrl = `http://127.0.0.1:${(service.address() as AddressInfo).port}`;
});
afterAll(async () => {
  service.closeAllConnections();
  await new Promise((resolve) => service.close(resolve));
});

let pools: MirrorPools;
afterEach(async () => {
  await pools?.destroy();
});

const limits = { timeoutMs: 2000, captureBytes: 1024 };
const get = (url: string, baseUrl = serviceUrl) => ({
  baseUrl,
  method: 'GET',
  url,
  headers: mirrorHeaders({ accept: 'application/json' }),
  body: null,
});

describe('sendMirror', () => {
  it('returns the service answer byte for byte, marked and without hop-by-hop headers', async () => {
    pools = createMirrorPools(2);
    const headers = mirrorHeaders({
      'content-type': 'application/json',
      connection: 'keep-alive',
      'transfer-encoding': 'chunked',
      host: 'shop.example',
      'x-user-id': 'ada',
    });
    const result = await sendMirror(
      pools,
      {
        baseUrl: serviceUrl,
        method: 'POST',
        url: '/api/orders/1042',
        headers,
        body: Buffer.from('{"qty":2}'),
      },
      limits,
    );
    expect(result).toMatchObject({ ok: true, response: { status: 201 } });
    if (!result.ok) return;
    expect(result.response.body!.toString()).toBe(ORDER);
    expect(result.response.headers['x-order']).toBe('1042');
    const seen = received.at(-1)!;
    expect(seen).toMatchObject({ method: 'POST', url: '/api/orders/1042', body: '{"qty":2}' });
    expect(seen.headers['x-strangler-shadow']).toBe('1');
    expect(seen.headers['x-user-id']).toBe('ada');
    expect(seen.headers.host).not.toBe('shop.example');
    expect(seen.headers['transfer-encoding']).toBeUndefined();
  });

  it('keeps an answer over the capture cap without its body, declared or chunked', async () => {
    pools = createMirrorPools(2);
    for (const url of ['/api/report/declared', '/api/report/chunked']) {
      const result = await sendMirror(pools, get(url), limits);
      expect(result).toMatchObject({ ok: true, response: { status: 200, body: null } });
    }
    // The pool is still usable after dropping those connections.
    const after = await sendMirror(pools, get('/api/orders/1042'), limits);
    expect(after.ok && after.response.body!.toString()).toBe(ORDER);
  });

  it('names failures: a reset mid-body, a timeout, a refused connection', async () => {
    pools = createMirrorPools(2);
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const closedUrl = `http://127.0.0.1:${(closed.address() as AddressInfo).port}`;
    await new Promise((resolve) => closed.close(resolve));

    const [reset, timeout, refused] = await Promise.all([
      sendMirror(pools, get('/api/report/reset'), limits),
      sendMirror(pools, get('/api/hangs'), { ...limits, timeoutMs: 200 }),
      sendMirror(pools, get('/api/orders/1042', closedUrl), limits),
    ]);
    expect(reset).toMatchObject({ ok: false, reason: 'reset' });
    expect(timeout).toMatchObject({ ok: false, reason: 'timeout' });
    expect(refused).toMatchObject({ ok: false, reason: 'refused' });
  });

  it('aborts what is in flight when the pools are destroyed (shutdown)', async () => {
    pools = createMirrorPools(2);
    const pending = sendMirror(pools, get('/api/hangs'), { ...limits, timeoutMs: 600_000 });
    await new Promise((resolve) => setTimeout(resolve, 50));
    await pools.destroy();
    expect(await pending).toMatchObject({ ok: false });
  });
});
