/**
 * A service that dies while the proxy is connecting to it: the handshake completed in the
 * service's kernel (our SYN sat in its accept queue), then the listener closed and reset
 * the connection before the proxy wrote a byte (`connect ECONNRESET`). The request is
 * provably unsent, so even a POST falls back to the monolith, and reaches it once. Found by
 * load-faults.test.ts: these were 502s before `classifyError` looked at the syscall.
 */
import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordFigure } from './figures.ts';
import { type ProxyUnderTest, startProxy } from './harness.ts';
import { type RecordingServer, startRecordingServer } from './recording-server.ts';

describe('service dying during the connect', () => {
  let monolith: RecordingServer;
  let orders: RecordingServer;
  let p: ProxyUnderTest;

  beforeAll(async () => {
    monolith = await startRecordingServer('monolith');
    orders = await startRecordingServer('orders');
    p = await startProxy(`monolith: ${monolith.url}
services: { orders: ${orders.url} }
routes:
  - { method: POST, path: /api/orders, service: orders, mode: service }
`);
  });
  afterAll(async () => {
    await p.close();
    await monolith.close();
  });

  it('a POST whose connection is reset before it was written falls back to the monolith once', async () => {
    const port = new URL(orders.url).port;
    const resets: string[] = [];
    // undici publishes this just before it opens the socket; net.connect sends the SYN on
    // the next tick, so a tick after that the kernel has completed the handshake and the
    // listener's close resets it before the proxy sees the connection as open.
    const onBeforeConnect = (message: unknown) => {
      const { connectParams } = message as { connectParams: { port: string } };
      if (String(connectParams.port) !== port) return;
      process.nextTick(() => process.nextTick(() => void orders.kill()));
    };
    const onConnectError = (message: unknown) => {
      const { error } = message as { error: { code?: string; syscall?: string } };
      resets.push(`${error.syscall} ${error.code}`);
    };
    subscribe('undici:client:beforeConnect', onBeforeConnect);
    subscribe('undici:client:connectError', onConnectError);
    let response: Response;
    try {
      response = await fetch(`${p.base}/api/orders`, {
        method: 'POST',
        headers: { 'x-request-id': 'dying-service-post', 'content-type': 'application/json' },
        body: JSON.stringify({ tea: 'sencha' }),
      });
    } finally {
      unsubscribe('undici:client:beforeConnect', onBeforeConnect);
      unsubscribe('undici:client:connectError', onConnectError);
    }
    const body = await response.text();
    const servedBy = /"servedBy":"(\w+)"/.exec(body)?.[1] ?? `${response.status} ${body.slice(0, 40)}`;
    const copies = [...monolith.received, ...orders.received].filter((r) => r.id === 'dying-service-post');
    recordFigure({
      tried: 'POST meeting a connect reset (service died mid-handshake)',
      times: 1,
      failed: response.status === 200 ? 0 : 1,
      goal: '0, sent once',
      met: response.status === 200 && copies.length === 1,
      note: `connect error seen: ${resets.join(', ') || 'none'}; answered by ${servedBy}`,
    });
    expect(resets).toContain('connect ECONNRESET');
    expect(response.status).toBe(200);
    expect(servedBy).toBe('monolith');
    expect(copies).toHaveLength(1);
  });
});
