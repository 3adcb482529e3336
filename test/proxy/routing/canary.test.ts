import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import type { RouteTable } from '../../../proxy/model.ts';
import { BUCKETS, isInCanary, toBucket } from '../../../proxy/routing/canary-bucket.ts';
import { createRouter } from '../../../proxy/routing/create-router.ts';

const keys = Array.from({ length: 10_000 }, (_, i) => `customer-${i}`);

describe('sticky canary buckets', () => {
  it('puts the measured share within ±1 point of the percentage, over 10,000 keys', () => {
    for (const percent of [1, 5, 10, 25, 50, 75, 99]) {
      const inside = keys.filter((k) => isInCanary(toBucket(k), percent)).length;
      expect(Math.abs((inside / keys.length) * 100 - percent)).toBeLessThanOrEqual(1);
    }
  });

  it('is monotonic: everyone inside 5% is inside 10%, 25% and 50%', () => {
    const ladder = [5, 10, 25, 50, 100];
    for (let step = 1; step < ladder.length; step++) {
      const smaller = keys.filter((k) => isInCanary(toBucket(k), ladder[step - 1]!));
      expect(smaller.every((k) => isInCanary(toBucket(k), ladder[step]!))).toBe(true);
    }
    expect(keys.some((k) => isInCanary(toBucket(k), 0))).toBe(false);
  });

  it('gives a key the same bucket every time, inside 0..9999', () => {
    expect(toBucket('customer-42')).toBe(toBucket('customer-42'));
    expect(keys.every((k) => toBucket(k) >= 0 && toBucket(k) < BUCKETS)).toBe(true);
  });
});

describe('routing decisions', () => {
  const table: RouteTable = {
    revision: 1,
    monolith: { name: 'monolith', url: 'http://127.0.0.1:3000' },
    services: [{ name: 'orders', url: 'http://127.0.0.1:4001' }],
    routes: [
      {
        id: 'orders',
        key: '* /api/orders/*',
        methods: ['*'],
        path: '/api/orders/*',
        mode: 'canary',
        percent: 10,
        service: 'orders',
      },
      {
        id: 'ghost',
        key: '* /api/ghost',
        methods: ['*'],
        path: '/api/ghost',
        mode: 'service',
        percent: 0,
        service: 'nowhere',
      },
    ],
  };
  const request = (headers: Record<string, string>, address = '10.0.0.1') =>
    ({ method: 'GET', headers, socket: { remoteAddress: address } }) as unknown as IncomingMessage;

  it('reads the canary key from a cookie, falling back to the client address', () => {
    const route = createRouter({ canary: { key: { cookie: 'sid' } } });
    const inside = keys.find((k) => isInCanary(toBucket(`c:${k}`), 10))!;
    const outside = keys.find((k) => !isInCanary(toBucket(`c:${k}`), 10))!;
    expect(route(table, request({ cookie: `theme=dark; sid=${inside}` }), '/api/orders/1').destination).toBe(
      'service',
    );
    expect(route(table, request({ cookie: `sid=${outside}` }), '/api/orders/1').reason).toBe('canary-out');
    const byAddress = route(table, request({}, '10.0.0.9'), '/api/orders/1');
    expect(byAddress.reason).toBe(isInCanary(toBucket('10.0.0.9'), 10) ? 'canary-in' : 'canary-out');
  });

  it('honours the override header only with the configured secret', () => {
    const route = createRouter({
      canary: { key: 'client-address' },
      override: { header: 'x-strangler-target', secret: 'a-long-enough-secret' },
    });
    const forced = route(
      table,
      request({ 'x-strangler-target': 'service;a-long-enough-secret' }),
      '/api/orders/1',
    );
    expect(forced).toMatchObject({ destination: 'service', reason: 'override' });
    const wrong = route(
      table,
      request({ 'x-strangler-target': 'service;not-the-secret-at-all' }),
      '/api/orders/1',
    );
    expect(wrong.reason).not.toBe('override');
    const off = createRouter({ canary: { key: 'client-address' } });
    expect(
      off(table, request({ 'x-strangler-target': 'service;a-long-enough-secret' }), '/api/orders/1').reason,
    ).not.toBe('override');
  });

  it('sends a route whose service is unknown to the monolith', () => {
    const route = createRouter({ canary: { key: 'client-address' } });
    expect(route(table, request({}), '/api/ghost')).toMatchObject({
      destination: 'monolith',
      reason: 'no-service',
    });
  });
});
