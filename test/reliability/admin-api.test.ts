/**
 * The admin API refuses changes without a valid bearer token, tokens in query strings,
 * connections from another interface when bound to loopback, and oversized or malformed bodies.
 */
import { request } from 'node:http';
import { networkInterfaces } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordFigure } from './figures.ts';
import { type ProxyUnderTest, startProxy, TOKEN } from './harness.ts';
import { type RecordingServer, startRecordingServer } from './recording-server.ts';

const ROUTE = encodeURIComponent('GET /api/orders/:id');
const CHANGE = JSON.stringify({ mode: 'service', reason: 'attack' });

describe('admin API hostile clients', () => {
  let monolith: RecordingServer;
  let p: ProxyUnderTest;
  beforeAll(async () => {
    monolith = await startRecordingServer('monolith');
    p = await startProxy(`monolith: ${monolith.url}
services: { orders: ${monolith.url} }
routes:
  - { method: GET, path: /api/orders/:id, service: orders, mode: monolith }
`);
  });
  afterAll(async () => {
    await p.close();
    await monolith.close();
  });

  const attempt = (
    path: string,
    init: { method?: string; headers?: Record<string, string>; body?: string | Buffer } = {},
  ) =>
    fetch(`${p.admin}${path}`, {
      method: init.method ?? 'PUT',
      headers: { 'content-type': 'application/json', ...init.headers },
      body: (init.body ?? CHANGE) as BodyInit,
    })
      .then((response) => response.status)
      .catch(() => 0);

  it('accepts no unauthenticated change', async () => {
    const bearer = { authorization: `Bearer ${TOKEN}` };
    const unauthenticated: Array<[string, () => Promise<number>]> = [
      ['no token', () => attempt(`/routes/${ROUTE}`)],
      [
        'wrong token',
        () => attempt(`/routes/${ROUTE}`, { headers: { authorization: 'Bearer wrong-token-0123456789xx' } }),
      ],
      [
        'token prefix only',
        () => attempt(`/routes/${ROUTE}`, { headers: { authorization: `Bearer ${TOKEN.slice(0, 10)}` } }),
      ],
      [
        'token plus suffix',
        () => attempt(`/routes/${ROUTE}`, { headers: { authorization: `Bearer ${TOKEN}x` } }),
      ],
      [
        'upper-cased token',
        () => attempt(`/routes/${ROUTE}`, { headers: { authorization: `Bearer ${TOKEN.toUpperCase()}` } }),
      ],
      ['token without Bearer', () => attempt(`/routes/${ROUTE}`, { headers: { authorization: TOKEN } })],
      [
        'Basic auth',
        () =>
          attempt(`/routes/${ROUTE}`, {
            headers: { authorization: `Basic ${Buffer.from(`operator:${TOKEN}`).toString('base64')}` },
          }),
      ],
      ['?token=', () => attempt(`/routes/${ROUTE}?token=${TOKEN}`)],
      ['?access_token=', () => attempt(`/routes/${ROUTE}?access_token=${TOKEN}`)],
      ['token in X-Token header', () => attempt(`/routes/${ROUTE}`, { headers: { 'x-token': TOKEN } })],
      ['token as cookie', () => attempt(`/routes/${ROUTE}`, { headers: { cookie: `token=${TOKEN}` } })],
      [
        'method override',
        () => attempt(`/routes/${ROUTE}`, { method: 'POST', headers: { 'x-http-method-override': 'PUT' } }),
      ],
      ['rollback, no token', () => attempt(`/routes/${ROUTE}/rollback`, { method: 'POST', body: '{}' })],
      [
        'import, no token',
        () =>
          attempt('/routes/import', {
            method: 'POST',
            body: JSON.stringify({
              version: 1,
              services: [],
              routes: [{ method: 'GET', path: '/x', service: 'orders', mode: 'service', percent: 0 }],
            }),
          }),
      ],
      ['reload, no token', () => attempt('/reload', { method: 'POST', body: '{}' })],
      ['encoded path, no token', () => attempt(`/%72outes/${ROUTE}`)],
      ['double slash, no token', () => attempt(`//routes/${ROUTE}`)],
    ];
    const authenticatedBad: Array<[string, () => Promise<number>]> = [
      [
        '2 MiB body',
        () =>
          attempt(`/routes/${ROUTE}`, {
            headers: bearer,
            body: JSON.stringify({ mode: 'service', reason: 'x'.repeat(2 * 1024 * 1024) }),
          }),
      ],
      ['malformed JSON', () => attempt(`/routes/${ROUTE}`, { headers: bearer, body: '{"mode": "service",' })],
      ['JSON array', () => attempt(`/routes/${ROUTE}`, { headers: bearer, body: '["service"]' })],
      ['unknown mode', () => attempt(`/routes/${ROUTE}`, { headers: bearer, body: '{"mode":"everything"}' })],
      [
        'percent 1000',
        () => attempt(`/routes/${ROUTE}`, { headers: bearer, body: '{"mode":"canary","percent":1000}' }),
      ],
      [
        'prototype pollution',
        () => attempt(`/routes/${ROUTE}`, { headers: bearer, body: '{"__proto__":{"mode":"service"}}' }),
      ],
      [
        'binary body',
        () => attempt(`/routes/${ROUTE}`, { headers: bearer, body: Buffer.from([0xff, 0, 1, 2]) }),
      ],
      [
        'unknown service target',
        () => attempt(`/routes/${ROUTE}`, { headers: bearer, body: '{"mode":"service","target":"evil"}' }),
      ],
    ];
    const accepted: string[] = [];
    for (const [name, run] of unauthenticated) {
      const status = await run();
      if (status >= 200 && status < 300) accepted.push(`${name}: ${status}`);
    }
    const badAccepted: string[] = [];
    for (const [name, run] of authenticatedBad) {
      const status = await run();
      if (status >= 200 && status < 300) badAccepted.push(`${name}: ${status}`);
    }

    // From another interface: the admin API listens on loopback only.
    const other = Object.values(networkInterfaces())
      .flat()
      .find((address) => address && address.family === 'IPv4' && !address.internal);
    let otherInterface = 'no non-loopback address on this machine';
    if (other) {
      const status = await new Promise<string>((resolve) => {
        const req = request(
          {
            host: other.address,
            port: p.adminPort,
            path: `/routes/${ROUTE}`,
            method: 'PUT',
            headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
            timeout: 2000,
          },
          (res) => resolve(String(res.statusCode)),
        );
        req.on('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? 'error'));
        req.on('timeout', () => req.destroy());
        req.end(CHANGE);
      });
      otherInterface = `${other.address}: ${status}`;
      if (/^2/.test(status)) accepted.push(`from ${other.address}: ${status}`);
    }

    // The store is the judge: nothing but the config seed in the history, the route untouched.
    const changes = p.proxy.store.history({ limit: 100 }).filter((change) => change.actor !== 'config');
    const mode = p.proxy.getTable().routes.find((route) => route.key === 'GET /api/orders/:id')?.mode;
    recordFigure({
      tried: 'admin: unauthenticated changes accepted',
      times: unauthenticated.length + (other ? 1 : 0),
      failed: accepted.length + changes.length,
      goal: '0',
      met: accepted.length + changes.length === 0,
      note: `other interface ${otherInterface}`,
    });
    recordFigure({
      tried: 'admin: oversized/malformed bodies accepted',
      times: authenticatedBad.length,
      failed: badAccepted.length,
      goal: '0',
      met: badAccepted.length === 0,
    });
    expect({ accepted, badAccepted, changes, mode }).toEqual({
      accepted: [],
      badAccepted: [],
      changes: [],
      mode: 'monolith',
    });
  });
});
