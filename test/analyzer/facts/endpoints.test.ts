import { describe, expect, it } from 'vitest';
import { joinPaths } from '../../../analyzer/facts/endpoints.ts';
import { describeEndpoints, readFixture } from '../scan/read-fixture.ts';

describe('endpoints', () => {
  it('composes Express mount prefixes across files and nested routers, owned by the handler module', async () => {
    const facts = await readFixture('express-nested');
    expect(describeEndpoints(facts)).toEqual([
      'ALL /api/orders/legacy/export src/orders/orders.routes.ts:11',
      // asyncHandler(controller.listOrders): the wrapper is looked through to the controller.
      'DELETE /api/users/:userId src/users/users.routes.ts:8',
      'GET /api/orders src/orders/orders.controller.ts:3',
      'GET /api/orders/:orderId src/orders/orders.controller.ts:7',
      // makeListItems({ limit }): a handler factory belongs to the module that builds it.
      'GET /api/orders/:orderId/items src/orders/items.handlers.ts:3',
      'GET /api/users src/users/users.controller.ts:4',
      // registerHealth(app): routes added to a router passed as an argument.
      'GET /healthz src/health/health.routes.ts:4',
      'POST /api/users src/users/users.controller.ts:7',
      'PUT /api/orders/:orderId src/orders/orders.controller.ts:11',
    ]);
    expect(new Set(facts.endpoints.map((e) => e.framework))).toEqual(new Set(['express']));
  });

  it('warns about a route whose path is built at run time, naming file and line', async () => {
    const facts = await readFixture('express-nested');
    expect(facts.warnings).toEqual([
      {
        code: 'DYNAMIC_ROUTE',
        file: 'src/orders/orders.routes.ts',
        line: 14,
        message: 'Route path of GET is built at run time',
      },
    ]);
  });

  it('reads NestJS controllers with the static global prefix', async () => {
    const facts = await readFixture('nestjs');
    expect(describeEndpoints(facts)).toEqual([
      'DELETE /api/orders/:id/lines/:lineId src/orders/orders.controller.ts:20',
      'GET /api/health src/health/health.controller.ts:5',
      'GET /api/health/alive src/health/health.controller.ts:10',
      'GET /api/health/live src/health/health.controller.ts:10',
      'GET /api/orders src/orders/orders.controller.ts:5',
      'GET /api/orders/:id src/orders/orders.controller.ts:10',
      'POST /api/orders src/orders/orders.controller.ts:15',
    ]);
    expect(new Set(facts.endpoints.map((e) => e.framework))).toEqual(new Set(['nestjs']));
  });

  it('reads Fastify shorthand routes, route({...}) and plugins registered with a prefix', async () => {
    const facts = await readFixture('fastify');
    expect(describeEndpoints(facts)).toEqual([
      'GET /health src/server.ts:7',
      'GET /orders src/routes/orders.ts:4',
      'GET /orders/:id src/routes/orders.ts:5',
      'GET /version src/routes/version.ts:1',
      'HEAD /version src/routes/version.ts:1',
      'POST /admin/reindex src/server.ts:12',
      'POST /orders src/routes/orders.ts:6',
    ]);
    expect(new Set(facts.endpoints.map((e) => e.framework))).toEqual(new Set(['fastify']));
  });

  it('reads Koa routers with their prefix, named routes and nested routers', async () => {
    const facts = await readFixture('koa');
    expect(describeEndpoints(facts)).toEqual([
      'DELETE /api/orders/:id src/app.ts:11',
      'GET /api/carts/:cartId src/carts.ts:10',
      'GET /api/orders src/app.ts:8',
      'POST /api/carts/:cartId/items src/carts.ts:6',
    ]);
    expect(new Set(facts.endpoints.map((e) => e.framework))).toEqual(new Set(['koa']));
  });

  it('joins prefixes the way Express does', () => {
    expect(joinPaths('/api/', '/orders', '/')).toBe('/api/orders');
    expect(joinPaths('', '/')).toBe('/');
    expect(joinPaths('/', 'healthz')).toBe('/healthz');
  });
});
