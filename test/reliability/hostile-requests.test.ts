/**
 * Malformed and hostile requests over raw sockets against the standalone proxy. A sentinel
 * server plays an unconfigured host and must receive nothing; the monolith and the service
 * record every path they get, so a request that reached the wrong side is a route bypass.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordFigure } from './figures.ts';
import { configText } from './harness.ts';
import { sendRaw, slowloris } from './raw-http.ts';
import { type RecordingServer, startRecordingServer } from './recording-server.ts';
import { type Standalone, startStandalone } from './standalone.ts';

/** How an upstream (Express-like) reads a path: decoded, dot segments resolved, case-insensitive. */
function segments(url: string): string[] {
  let path = new URL(url, 'http://upstream').pathname;
  try {
    path = decodeURIComponent(path);
  } catch {
    // Undecodable: read as is.
  }
  return path.toLowerCase().split('/').filter(Boolean);
}
/** `/api/orders/*` belongs to the service, except `/api/orders/internal/*`, which stays on the monolith. */
const isService = (url: string) => {
  const [a, b, c] = segments(url);
  return a === 'api' && b === 'orders' && c !== 'internal';
};
const isMonolithOnly = (url: string) => {
  const [a, b, c] = segments(url);
  return a === 'api' && b === 'orders' && c === 'internal';
};

describe('malformed and hostile requests', () => {
  let dir: string;
  let monolith: RecordingServer;
  let orders: RecordingServer;
  let sentinel: RecordingServer;
  let proxy: Standalone;
  let port: number;
  let S: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'strangler-hostile-'));
    monolith = await startRecordingServer('monolith');
    orders = await startRecordingServer('orders');
    sentinel = await startRecordingServer('sentinel');
    S = new URL(sentinel.url).host;
    const file = join(dir, 'proxy.yaml');
    writeFileSync(
      file,
      configText(`monolith: ${monolith.url}
services: { orders: ${orders.url} }
routes:
  - { method: '*', path: /api/orders/*, service: orders, mode: service }
  - { method: '*', path: /api/orders/internal/*, service: orders, mode: monolith }
`),
    );
    proxy = startStandalone(file);
    port = Number(new URL((await proxy.ready).base).port);
  });
  afterAll(async () => {
    proxy.child.kill('SIGKILL');
    await monolith.close();
    await orders.close();
    await sentinel.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const get = (target: string, headers = 'Host: 127.0.0.1\r\n') =>
    `GET ${target} HTTP/1.1\r\n${headers}Connection: close\r\n\r\n`;
  const cases = (): Array<[string, string | Buffer]> => [
    // Bad request lines
    ['garbage line', 'GARBAGE\r\n\r\n'],
    ['method only', 'GET\r\n\r\n'],
    ['HTTP/9.9', 'GET /api/orders/1 HTTP/9.9\r\nHost: a\r\n\r\n'],
    ['extra token in request line', 'GET /api/orders/1 HTTP/1.1 extra\r\nHost: a\r\n\r\n'],
    ['binary request line', Buffer.from([0, 1, 2, 255, 13, 10, 13, 10])],
    ['HTTP/0.9 style', 'GET /api/orders/1\r\n\r\n'],
    ['lower-case method', get('/api/orders/1').replace('GET', 'get')],
    ['space inside method', 'G ET /api/orders/1 HTTP/1.1\r\nHost: a\r\n\r\n'],
    ['bare LF line ends', 'GET /api/orders/1 HTTP/1.1\nHost: a\nConnection: close\n\n'],
    ['64 KiB URL', get(`/api/orders/${'a'.repeat(64 * 1024)}`)],
    // Content-Length / Transfer-Encoding conflicts (smuggling attempts aim at the monolith-only route)
    [
      'CL and TE: smuggled request',
      `POST /api/orders/1 HTTP/1.1\r\nHost: a\r\nContent-Length: 4\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\nGET /api/orders/internal/smuggled HTTP/1.1\r\nHost: a\r\n\r\n`,
    ],
    [
      'TE then CL: smuggled request',
      `POST /api/orders/internal/x HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\nContent-Length: 60\r\n\r\n0\r\n\r\nGET /api/orders/2 HTTP/1.1\r\nHost: a\r\n\r\n`,
    ],
    [
      'two different Content-Lengths',
      'POST /api/orders/1 HTTP/1.1\r\nHost: a\r\nContent-Length: 3\r\nContent-Length: 5\r\n\r\nabcde',
    ],
    [
      'TE chunked, identity',
      'POST /api/orders/1 HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked, identity\r\n\r\n0\r\n\r\n',
    ],
    ['TE xchunked', 'POST /api/orders/1 HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: xchunked\r\n\r\n0\r\n\r\n'],
    ['negative Content-Length', 'POST /api/orders/1 HTTP/1.1\r\nHost: a\r\nContent-Length: -1\r\n\r\n'],
    ['Content-Length 1e3', 'POST /api/orders/1 HTTP/1.1\r\nHost: a\r\nContent-Length: 1e3\r\n\r\n'],
    [
      'Content-Length longer than body',
      'POST /api/orders/1 HTTP/1.1\r\nHost: a\r\nContent-Length: 100\r\n\r\nshort',
    ],
    [
      'bad chunk size',
      'POST /api/orders/1 HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nabc\r\n0\r\n\r\n',
    ],
    [
      'space before colon in TE',
      'POST /api/orders/1 HTTP/1.1\r\nHost: a\r\nTransfer-Encoding : chunked\r\n\r\n0\r\n\r\n',
    ],
    // Huge and broken headers
    ['100 KiB header', get('/api/orders/1', `Host: a\r\nX-Big: ${'b'.repeat(100 * 1024)}\r\n`)],
    [
      '2,000 headers',
      get('/api/orders/1', `Host: a\r\n${Array.from({ length: 2000 }, (_, i) => `X-H${i}: v\r\n`).join('')}`),
    ],
    ['NUL in a header', get('/api/orders/1', 'Host: a\r\nX-Nul: a\u0000b\r\n')],
    ['obs-fold header', get('/api/orders/1', 'Host: a\r\nX-Fold: a\r\n b\r\n')],
    // Invalid UTF-8 in paths
    ['%ff%fe in path', get('/api/orders/%ff%fe')],
    [
      'raw 0xff bytes in path',
      Buffer.concat([
        Buffer.from('GET /api/orders/'),
        Buffer.from([0xff, 0xfe]),
        Buffer.from(' HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n'),
      ]),
    ],
    ['overlong UTF-8 dots', get('/api/orders/%c0%ae%c0%ae/orders/internal/a')],
    // Absolute-form URIs and Host header tricks naming the sentinel
    ['absolute-form to sentinel', get(`http://${S}/api/orders/1`)],
    ['absolute-form to sentinel root', get(`http://${S}/`)],
    ['absolute-form https to sentinel', get(`https://${S}/api/x`)],
    ['CONNECT to sentinel', `CONNECT ${S} HTTP/1.1\r\nHost: ${S}\r\n\r\n`],
    ['protocol-relative target', get(`//${S}/api/x`)],
    ['Host: sentinel', get('/api/x', `Host: ${S}\r\n`)],
    ['two Host headers', get('/api/x', `Host: 127.0.0.1\r\nHost: ${S}\r\n`)],
    ['Host with userinfo', get('/api/x', `Host: ${S}@127.0.0.1\r\n`)],
    ['X-Forwarded-Host: sentinel', get('/api/x', `Host: a\r\nX-Forwarded-Host: ${S}\r\n`)],
    ['empty Host', get('/api/x', 'Host: \r\n')],
    ['absolute-form with @', get(`http://127.0.0.1@${S}/api/orders/1`)],
    // Path encoding: reach the monolith-only route through the service prefix, or the reverse
    ['%2e%2e into internal', get('/api/orders/%2e%2e/orders/internal/a')],
    ['%2f into internal', get('/api/orders/internal%2fa')],
    ['// before internal', get('/api/orders//internal/a')],
    ['/./ before internal', get('/api/orders/./internal/a')],
    ['upper-case internal', get('/API/ORDERS/INTERNAL/a')],
    ['trailing slash internal', get('/api/orders/internal/')],
    [';params on orders', get('/api/orders;x=1/internal/a')],
    [';params on internal', get('/api/orders/internal;x/a')],
    ['%69nternal', get('/api/orders/%69nternal/a')],
    ['..%2f internal', get('/api/orders/..%2finternal')],
    ['backslash dots', get('/api/orders/x/..\\internal/a')],
    ['%5c dots', get('/api/orders/x/..%5cinternal/a')],
    ['double-encoded dots', get('/api/orders/%252e%252e/internal/a')],
    ['%00 in path', get('/api/orders/internal%00/a')],
    ['query with dots', get('/api/orders/1?x=../internal/a')],
    ['reverse: %2f to service', get('/api%2forders/1')],
    ['reverse: dots to service', get('/api/x/../orders/1')],
    ['reverse: leading %2e%2e', get('/%2e%2e/api/orders/1')],
    ['reverse: internal/.. back to service', get('/api/orders/internal/../1')],
    ['reverse: %2e%2e from internal', get('/api/orders/internal/%2e%2e/1')],
  ];

  it('neither crashes, forwards to an unconfigured host, nor lets a request reach the wrong side', async () => {
    const list = cases();
    const statuses: string[] = [];
    let crashes = 0;
    for (const [name, data] of list) {
      const answer = await sendRaw(port, data);
      statuses.push(`${name}: ${answer.status ?? (answer.closed ? 'closed' : 'no answer')}`);
      if (proxy.child.exitCode !== null || proxy.child.signalCode !== null) {
        crashes++;
        break;
      }
    }
    // Still serving normally afterwards.
    const alive = (await fetch(`http://127.0.0.1:${port}/api/orders/9`).catch(() => null))?.status === 200;
    if (!alive) crashes++;

    const bypasses = [
      ...orders.received.filter((r) => !isService(r.url)).map((r) => `service got ${r.url}`),
      ...monolith.received
        .filter((r) => isService(r.url) && !isMonolithOnly(r.url))
        .map((r) => `monolith got ${r.url}`),
    ];
    recordFigure({
      tried: 'hostile requests: proxy crashes',
      times: list.length,
      failed: crashes,
      goal: '0',
      met: crashes === 0,
    });
    recordFigure({
      tried: 'hostile requests: forwarded to unconfigured host',
      times: list.length,
      failed: sentinel.received.length,
      goal: '0',
      met: sentinel.received.length === 0,
    });
    recordFigure({
      tried: 'hostile requests: route bypasses',
      times: list.length,
      failed: bypasses.length,
      goal: '0',
      met: bypasses.length === 0,
      note: `${orders.received.length} reached the service, ${monolith.received.length} the monolith`,
    });
    expect(list.length).toBeGreaterThanOrEqual(50);
    expect({ crashes, sentinel: sentinel.received, bypasses }).toEqual({
      crashes: 0,
      sentinel: [],
      bypasses: [],
    });
    // Every hostile request got an answer or a closed connection, none hung.
    // A body shorter than its Content-Length is waited for, as by any HTTP server.
    expect(statuses.filter((s) => s.endsWith('no answer'))).toEqual([
      'Content-Length longer than body: no answer',
    ]);
  });

  it('keeps serving while 50 slowloris connections trickle headers', async () => {
    const slow = Array.from({ length: 50 }, () => slowloris(port, 100));
    let failed = 0;
    let tried = 0;
    for (let i = 0; i < 20; i++) {
      tried++;
      const response = await fetch(`http://127.0.0.1:${port}/api/orders/${i}`).catch(() => null);
      if (response?.status !== 200) failed++;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    for (const connection of slow) connection.stop();
    const stillAlive = proxy.child.exitCode === null;
    recordFigure({
      tried: 'slowloris ×50: normal requests failed',
      times: tried,
      failed: failed + (stillAlive ? 0 : 1),
      goal: '0',
      met: failed === 0 && stillAlive,
    });
    expect(failed).toBe(0);
    expect(stillAlive).toBe(true);
  });
});
