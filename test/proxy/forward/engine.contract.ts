/**
 * The forwarding contract: everything a user of the proxy relies on, run against one engine
 * through the whole request handler (real upstreams, real sockets). Each engine's test file
 * calls `describeEngineContract(name)`; a new engine is done when this passes.
 */
import { randomBytes } from 'node:crypto';
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { EngineName } from '../../../proxy/forward/engine.ts';
import type { RouteMode, RouteTable } from '../../../proxy/model.ts';
import {
  dataPlaneConfig,
  type ProxyUnderTest,
  rawRequest,
  route,
  sha256,
  startProxy,
  startUpstream,
  table,
  type Upstream,
} from './harness.ts';

const SERVED_BY = 'x-strangler-served-by';

export function describeEngineContract(engine: EngineName): void {
  describe(`forwarding contract: ${engine}`, () => {
    let monolith: Upstream;
    let orders: Upstream;
    let proxy: ProxyUnderTest;
    const tableWith = (mode: RouteMode, percent = 0): RouteTable =>
      table(monolith, { orders: orders.url }, [
        route('orders', ['*'], '/api/orders/*', mode, 'orders', percent),
      ]);

    beforeAll(async () => {
      monolith = await startUpstream('monolith');
      orders = await startUpstream('orders');
      proxy = await startProxy(tableWith('service'), dataPlaneConfig(engine));
    });
    afterAll(async () => {
      await proxy.close();
      await orders.close();
      await monolith.close();
    });

    const bodies: Array<[string, () => { body?: Buffer; chunks?: Buffer[] }]> = [
      ['binary', () => ({ body: Buffer.from(Array.from({ length: 70_000 }, (_, i) => (i * 7919) % 256)) })],
      ['empty', () => ({ body: Buffer.alloc(0) })],
      ['8 MiB', () => ({ body: randomBytes(8 * 1024 * 1024) })],
      ['chunked', () => ({ chunks: [randomBytes(10_000), randomBytes(1), randomBytes(300_000)] })],
    ];
    const modes: Array<[RouteMode, number, string]> = [
      ['monolith', 0, 'monolith'],
      ['service', 0, 'orders'],
      ['canary', 100, 'orders'],
      ['shadow', 0, 'monolith'],
    ];

    for (const [mode, percent, servedBy] of modes) {
      for (const [kind, make] of bodies) {
        it(`${mode} mode: a ${kind} body arrives and returns byte for byte`, async () => {
          proxy.setTable(tableWith(mode, percent));
          const input = make();
          const sent = input.body ?? Buffer.concat(input.chunks ?? []);
          const res = await rawRequest(proxy.url, { method: 'POST', path: '/api/orders/7?x=1', ...input });
          expect(res.status).toBe(200);
          expect(res.headers[SERVED_BY]).toBe(servedBy);
          expect(res.headers['x-echo-by']).toBe(servedBy);
          expect(res.headers['x-echo-length']).toBe(String(sent.length));
          expect(res.headers['x-echo-sha256']).toBe(sha256(sent));
          expect(res.body.equals(sent)).toBe(true);
        });
      }
    }

    it('unmatched paths go to the monolith unchanged, query included', async () => {
      proxy.setTable(tableWith('service'));
      const res = await rawRequest(proxy.url, { path: '/catalog/items?page=2&sort=name' });
      expect(res.headers[SERVED_BY]).toBe('monolith');
      expect(res.headers['x-echo-url']).toBe('/catalog/items?page=2&sort=name');
    });

    it('sets X-Forwarded-*, keeps Host, drops hop-by-hop headers both ways, keeps repeated Set-Cookie', async () => {
      proxy.setTable(tableWith('service'));
      const before = orders.seen.length;
      const res = await rawRequest(proxy.url, {
        path: '/api/orders/1',
        headers: {
          host: 'shop.example',
          connection: 'keep-alive, x-client-secret',
          'x-client-secret': 's3',
          te: 'trailers',
          'x-kept': 'yes',
        },
      });
      const seen = orders.seen[before]!;
      expect(seen.headers['x-forwarded-for']).toBe('127.0.0.1');
      expect(seen.headers['x-forwarded-proto']).toBe('http');
      expect(seen.headers['x-forwarded-host']).toBe('shop.example');
      expect(seen.headers.host).toBe('shop.example');
      expect(seen.headers['x-kept']).toBe('yes');
      expect(seen.headers['x-client-secret']).toBeUndefined();
      expect(seen.headers.te).toBeUndefined();
      expect(res.headers['x-upstream-secret']).toBeUndefined();
      expect(res.headers['set-cookie']).toEqual(['a=1; Path=/', 'b=2; Path=/']);
    });

    it('canary routes are sticky per key: one user always lands on the same side', async () => {
      proxy.setTable(tableWith('canary', 50));
      const sides = new Map<string, Set<string>>();
      for (let round = 0; round < 3; round++) {
        for (let user = 0; user < 20; user++) {
          const res = await rawRequest(proxy.url, {
            path: '/api/orders/1',
            headers: { 'x-user-id': `user-${user}` },
          });
          const set = sides.get(`user-${user}`) ?? new Set<string>();
          set.add(String(res.headers[SERVED_BY]));
          sides.set(`user-${user}`, set);
        }
      }
      expect([...sides.values()].every((s) => s.size === 1)).toBe(true);
      const onService = [...sides.values()].filter((s) => s.has('orders')).length;
      expect(onService).toBeGreaterThan(0);
      expect(onService).toBeLessThan(20);
    });

    it('shadow mode: the monolith answers, then the exchange is handed over with both bodies', async () => {
      const optedIn = tableWith('shadow');
      optedIn.routes[0]!.shadow = { methods: ['POST'] };
      proxy.setTable(optedIn);
      proxy.shadows.length = 0;
      const body = Buffer.from('{"sku":"tea","qty":2}');
      const res = await rawRequest(proxy.url, {
        method: 'POST',
        path: '/api/orders/9?src=test',
        body,
        headers: { 'content-type': 'application/json' },
      });
      expect(res.headers[SERVED_BY]).toBe('monolith');
      await expect.poll(() => proxy.shadows.length).toBe(1);
      const exchange = proxy.shadows[0]!;
      expect(exchange.route.id).toBe('orders');
      expect(exchange.request.url).toBe('/api/orders/9?src=test');
      expect(exchange.request.body?.equals(body)).toBe(true);
      expect(exchange.primary.status).toBe(200);
      expect(exchange.primary.body?.equals(body)).toBe(true);
    });

    it('shadow mode: a POST the route does not mirror is handed over without capturing bodies', async () => {
      proxy.setTable(tableWith('shadow'));
      proxy.shadows.length = 0;
      const body = Buffer.from('{"sku":"tea"}');
      const res = await rawRequest(proxy.url, { method: 'POST', path: '/api/orders', body });
      expect(res.body.equals(body)).toBe(true);
      await expect.poll(() => proxy.shadows.length).toBe(1);
      expect(proxy.shadows[0]!.request.body).toBeNull();
      expect(proxy.shadows[0]!.primary.body).toBeNull();
      const get = await rawRequest(proxy.url, { path: '/api/orders/3' });
      await expect.poll(() => proxy.shadows.length).toBe(2);
      expect(proxy.shadows[1]!.request.body?.length).toBe(0);
      expect(proxy.shadows[1]!.primary.body?.equals(get.body)).toBe(true);
    });

    it('server-sent events stream through as they are sent', async () => {
      proxy.setTable(tableWith('service'));
      const sse = await rawRequest(proxy.url, { path: '/sse' });
      expect(sse.headers['content-type']).toBe('text/event-stream');
      expect(sse.body.toString()).toBe('data: monolith 1\n\ndata: monolith 2\n\ndata: monolith 3\n\n');
      proxy.setTable(
        table(monolith, { orders: orders.url }, [route('sse', ['GET'], '/sse', 'service', 'orders')]),
      );
      const events: string[] = [];
      const stream = await fetch(`${proxy.url}/sse`);
      const reader = stream.body!.getReader();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        events.push(Buffer.from(value).toString());
      }
      expect(events.join('')).toBe('data: orders 1\n\ndata: orders 2\n\ndata: orders 3\n\n');
      expect(events.length).toBeGreaterThan(1);
    });

    it('WebSockets pass through to the routed target, both directions', async () => {
      proxy.setTable(tableWith('service'));
      const talk = (path: string) =>
        new Promise<string[]>((resolve, reject) => {
          const socket = new WebSocket(`${proxy.url.replace('http', 'ws')}${path}`);
          const got: string[] = [];
          socket.on('message', (data) => {
            got.push(data.toString());
            if (got.length === 1) socket.send('ping');
            else {
              socket.close();
              resolve(got);
            }
          });
          socket.on('error', reject);
        });
      expect(await talk('/api/orders/live')).toEqual([
        'hello from orders at /api/orders/live',
        'orders echo: ping',
      ]);
      expect(await talk('/ws')).toEqual(['hello from monolith at /ws', 'monolith echo: ping']);
    });

    describe('fallback to the monolith', () => {
      const down = 'http://127.0.0.1:9'; // discard port: nothing listens, connection refused
      it('service unreachable: any method is retried on the monolith, body intact', async () => {
        proxy.setTable(
          table(monolith, { orders: down }, [route('orders', ['*'], '/api/orders/*', 'service', 'orders')]),
        );
        const get = await rawRequest(proxy.url, { path: '/api/orders/1' });
        expect(get.headers[SERVED_BY]).toBe('monolith');
        const body = randomBytes(5000);
        const post = await rawRequest(proxy.url, { method: 'POST', path: '/api/orders', body });
        expect(post.status).toBe(200);
        expect(post.headers[SERVED_BY]).toBe('monolith');
        expect(post.body.equals(body)).toBe(true);
        const chunked = await rawRequest(proxy.url, {
          method: 'PUT',
          path: '/api/orders/2',
          chunks: [body, body],
        });
        expect(chunked.body.equals(Buffer.concat([body, body]))).toBe(true);
        expect(monolith.seen.at(-1)?.headers['x-forwarded-for']).toBe('127.0.0.1');
        const socket = new WebSocket(`${proxy.url.replace('http', 'ws')}/api/orders/live`);
        const hello = await new Promise<string>((resolve, reject) => {
          socket.once('message', (data) => resolve(data.toString()));
          socket.once('error', reject);
        });
        socket.close();
        expect(hello).toBe('hello from monolith at /api/orders/live');
        proxy.handler.breakers.success('orders');
      });

      for (const [behaviour, reason, unsafeStatus] of [
        ['status-503', 'status-5xx', 503],
        ['slow', 'timeout', 504],
        ['drop', 'reset', 502],
      ] as const) {
        it(`service ${behaviour}: GET/HEAD/OPTIONS fall back, POST/DELETE get ${unsafeStatus}`, async () => {
          proxy.setTable(tableWith('service'));
          orders.behave(behaviour);
          try {
            for (const method of ['GET', 'HEAD', 'OPTIONS']) {
              proxy.handler.breakers.success('orders');
              const res = await rawRequest(proxy.url, { method, path: '/api/orders/1' });
              expect(res.status).toBe(200);
              expect(res.headers[SERVED_BY]).toBe('monolith');
            }
            for (const method of ['POST', 'DELETE']) {
              proxy.handler.breakers.success('orders');
              const res = await rawRequest(proxy.url, {
                method,
                path: '/api/orders/1',
                body: Buffer.from('x'),
              });
              expect(res.status).toBe(unsafeStatus);
            }
          } finally {
            orders.behave('normal');
            proxy.handler.breakers.success('orders');
          }
          const entry = proxy.stats
            .getStatsSnapshot()
            .routes.find((r) => r.route === 'orders' && r.target === 'orders');
          expect(entry?.fallbacksByReason[reason]).toBeGreaterThanOrEqual(3);
        });
      }
    });

    it('circuit breaker: opens after N failures, probes when half-open, closes on success', async () => {
      proxy.setTable(tableWith('service'));
      proxy.handler.breakers.success('orders');
      orders.behave('status-503');
      try {
        for (let i = 0; i < 3; i++) await rawRequest(proxy.url, { path: '/api/orders/1' });
        expect(proxy.handler.breakers.state('orders')).toBe('open');
        const seenBefore = orders.seen.length;
        const whileOpen = await rawRequest(proxy.url, { path: '/api/orders/1' });
        expect(whileOpen.headers[SERVED_BY]).toBe('monolith');
        expect(orders.seen.length).toBe(seenBefore);
        await new Promise((r) => setTimeout(r, 350));
        orders.behave('normal');
        const probe = await rawRequest(proxy.url, { path: '/api/orders/1' });
        expect(probe.headers[SERVED_BY]).toBe('orders');
        expect(proxy.handler.breakers.state('orders')).toBe('closed');
      } finally {
        orders.behave('normal');
      }
      const breaker = proxy.stats.getStatsSnapshot().breakers.find((b) => b.service === 'orders')!;
      expect(breaker.transitions.open).toBeGreaterThanOrEqual(1);
      expect(breaker.transitions['half-open']).toBeGreaterThanOrEqual(1);
      expect(breaker.state).toBe('closed');
    });

    it('a client that leaves cancels its upstream request at once', async () => {
      const patient = await startProxy(
        tableWith('service'),
        dataPlaneConfig(engine, { forward: { engine, timeoutMs: 30_000, servedByHeader: false } }),
      );
      orders.behave('slow');
      try {
        const before = orders.abandoned();
        const seenBefore = orders.seen.length;
        const target = new URL(patient.url);
        const client = connect(Number(target.port), target.hostname, () => {
          client.write('GET /api/orders/1 HTTP/1.1\r\nHost: shop.example\r\n\r\n');
        });
        await expect.poll(() => orders.seen.length).toBe(seenBefore + 1);
        client.destroy();
        await expect.poll(() => orders.abandoned()).toBe(before + 1);
      } finally {
        orders.behave('normal');
        await patient.close();
      }
    });

    it('hot table swaps under concurrent load fail no request', async () => {
      let revision = 10;
      const swapper = setInterval(() => {
        revision++;
        proxy.setTable(
          table(
            monolith,
            { orders: orders.url },
            [route('orders', ['*'], '/api/orders/*', revision % 2 ? 'service' : 'monolith', 'orders')],
            revision,
          ),
        );
      }, 2);
      const results: number[] = [];
      const body = randomBytes(2048);
      await Promise.all(
        Array.from({ length: 16 }, async () => {
          for (let i = 0; i < 25; i++) {
            const res = await rawRequest(proxy.url, { method: 'POST', path: '/api/orders/1', body });
            results.push(res.status === 200 && res.body.equals(body) ? 1 : 0);
          }
        }),
      );
      clearInterval(swapper);
      expect(results.length).toBe(400);
      expect(results.every((ok) => ok === 1)).toBe(true);
      expect(revision).toBeGreaterThan(12);
    });

    describe('path normalisation: what is matched is what the upstream sees', () => {
      const toService = [
        '/API/Orders/1',
        '//api//orders/1',
        '/api/./orders/1',
        '/catalog/../api/orders/1',
        '/%61pi/orders/1',
        '/api/%6Frders/1',
        '/api/orders/1/',
      ];
      for (const path of toService) {
        it(`${path} reaches the service, as a normalised path`, async () => {
          proxy.setTable(tableWith('service'));
          const res = await rawRequest(proxy.url, { path });
          expect(res.headers[SERVED_BY]).toBe('orders');
          expect(res.headers['x-echo-url']?.toString().toLowerCase()).toMatch(/^\/api\/orders\/1\/?$/);
        });
      }
      for (const [path, seen] of [
        ['/api/orders/../admin', '/api/admin'],
        ['/api/orders/%2e%2e/admin', '/api/admin'],
        ['/api/orders/%2E%2e/%2e%2E/admin', '/admin'],
        ['/api/orders/1/../../../../etc/passwd', '/etc/passwd'],
      ] as const) {
        it(`${path} leaves the service's prefix, so the monolith serves ${seen}`, async () => {
          proxy.setTable(tableWith('service'));
          const res = await rawRequest(proxy.url, { path });
          expect(res.headers[SERVED_BY]).toBe('monolith');
          expect(res.headers['x-echo-url']).toBe(seen);
        });
      }
      for (const path of [
        '/api/orders%2F1',
        '/api%2forders/1',
        '/api/orders/%5C..%5Cadmin',
        '/api/orders/%00',
        '/api/orders/%zz',
        '/api\\orders/1',
      ]) {
        it(`${path} is ambiguous and rejected with 400`, async () => {
          proxy.setTable(tableWith('service'));
          const before = orders.seen.length + monolith.seen.length;
          const res = await rawRequest(proxy.url, { path });
          expect(res.status).toBe(400);
          expect(orders.seen.length + monolith.seen.length).toBe(before);
        });
      }
    });
  });
}
