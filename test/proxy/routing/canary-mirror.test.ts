/**
 * Which canary requests are mirrored: only the monolith's share, and only when the route keeps
 * shadowing during the canary (`shadow.duringCanary`).
 */
import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import type { Route, RouteTable } from '../../../proxy/model.ts';
import { isInCanary, toBucket } from '../../../proxy/routing/canary-bucket.ts';
import { createRouter } from '../../../proxy/routing/create-router.ts';

const orders = (shadow?: Route['shadow']): Route => ({
  id: 'get-api-orders-id',
  key: 'GET /api/orders/:id',
  methods: ['GET'],
  path: '/api/orders/:id',
  mode: 'canary',
  percent: 25,
  service: 'orders',
  ...(shadow ? { shadow } : {}),
});

const tableWith = (route: Route): RouteTable => ({
  revision: 3,
  monolith: { name: 'monolith', url: 'http://127.0.0.1:3000' },
  services: [{ name: 'orders', url: 'http://127.0.0.1:4001' }],
  routes: [route],
});

const customers = Array.from({ length: 200 }, (_, i) => `customer-${i}`);
const inside = customers.find((c) => isInCanary(toBucket(`h:${c}`), 25))!;
const outside = customers.find((c) => !isInCanary(toBucket(`h:${c}`), 25))!;
const request = (user: string) =>
  ({ method: 'GET', headers: { 'x-user-id': user }, socket: {} }) as unknown as IncomingMessage;
const route = createRouter({ canary: { key: { header: 'x-user-id' } } });

describe('mirroring during a canary', () => {
  it('mirrors the share the monolith serves when the route keeps shadowing', () => {
    const table = tableWith(orders({ duringCanary: true }));
    expect(route(table, request(outside), '/api/orders/7')).toMatchObject({
      destination: 'monolith',
      reason: 'canary-out',
      shadow: true,
    });
    // The service already answers this one for real: no copy.
    expect(route(table, request(inside), '/api/orders/7')).toMatchObject({
      destination: 'service',
      reason: 'canary-in',
      shadow: false,
    });
  });

  it('mirrors nothing for a canary that did not opt in', () => {
    for (const shadow of [undefined, { sample: 50 }, { duringCanary: false }]) {
      const decision = route(tableWith(orders(shadow)), request(outside), '/api/orders/7');
      expect(decision).toMatchObject({ reason: 'canary-out', shadow: false });
    }
  });
});
