import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { joinPaths } from '../../analyzer/facts/endpoints.ts';
import type { ProjectFacts } from '../../analyzer/facts/types.ts';
import { readProjectFacts } from '../../analyzer/scan/index.ts';

/**
 * The analyzer against the sample monolith's own truth: the endpoints come from the routers the
 * running app builds (every `route()` and `use()` recorded while `createApp` runs), the tables
 * from the database its migrations create. Nothing here is a hand-copied list.
 */

const root = fileURLToPath(new URL('../../sample-monolith', import.meta.url));
const require = createRequire(import.meta.url);

interface RouterLike {
  stack: unknown[];
}
interface RouteLike {
  methods: Record<string, boolean>;
}
type Recorded = {
  routes: Array<{ path: string; route: RouteLike }>;
  mounts: Array<{ path: string; child: RouterLike }>;
};

/** Wraps Express's Router so every registration is recorded with the router it was made on. */
function recordRegistrations() {
  const Router = require('router') as { prototype: Record<string, (...args: unknown[]) => unknown> };
  const proto = Router.prototype;
  const originalRoute = proto.route!;
  const originalUse = proto.use!;
  const byRouter = new Map<RouterLike, Recorded>();
  const entry = (router: RouterLike) => {
    const found = byRouter.get(router) ?? { routes: [], mounts: [] };
    byRouter.set(router, found);
    return found;
  };
  proto.route = function (this: RouterLike, path: unknown) {
    const route = originalRoute.call(this, path) as RouteLike;
    entry(this).routes.push({ path: String(path), route });
    return route;
  };
  proto.use = function (this: RouterLike, ...args: unknown[]) {
    const path = typeof args[0] === 'string' ? (args[0] as string) : '/';
    for (const handler of args.flat(Infinity)) {
      if (typeof handler === 'function' && Array.isArray((handler as unknown as RouterLike).stack)) {
        entry(this).mounts.push({ path, child: handler as unknown as RouterLike });
      }
    }
    return originalUse.apply(this, args);
  };
  return {
    byRouter,
    restore: () => {
      proto.route = originalRoute;
      proto.use = originalUse;
    },
  };
}

function endpointsOf(
  byRouter: Map<RouterLike, Recorded>,
  router: RouterLike,
  prefix: string,
  out: Set<string>,
): Set<string> {
  const recorded = byRouter.get(router);
  if (!recorded) return out;
  for (const { path, route } of recorded.routes) {
    for (const method of Object.keys(route.methods)) {
      out.add(`${method === '_all' ? 'ALL' : method.toUpperCase()} ${joinPaths(prefix, path)}`);
    }
  }
  for (const { path, child } of recorded.mounts) endpointsOf(byRouter, child, joinPaths(prefix, path), out);
  return out;
}

interface ShopDatabase {
  prepare(sql: string): { pluck(): { all(): unknown[] } };
  close(): void;
}
const SHOP_DB = '@shop/shared/db.ts';
const SHOP_MIGRATE = '@shop/shared/migrate.ts';
const SHOP_APP = '@shop/app.ts';

describe('the sample monolith, read by the analyzer', () => {
  let facts: ProjectFacts;
  let runtimeEndpoints: Set<string>;
  let runtimeTables: string[];
  let recorder: ReturnType<typeof recordRegistrations>;

  const logLevel = process.env.LOG_LEVEL;

  beforeAll(async () => {
    // The shop logs each migration; the test output has no use for it.
    process.env.LOG_LEVEL = 'warn';
    recorder = recordRegistrations();
    // Loaded by name through vitest's `@shop` alias: the shop resolves `@shop/*` through its own
    // tsconfig, which the root type-check does not know (see test/sample-monolith/in-process.test.ts).
    const { openDatabase } = (await import(/* @vite-ignore */ SHOP_DB)) as {
      openDatabase(file: string): ShopDatabase;
    };
    const { migrate } = (await import(/* @vite-ignore */ SHOP_MIGRATE)) as {
      migrate(db: ShopDatabase): void;
    };
    const { createApp } = (await import(/* @vite-ignore */ SHOP_APP)) as {
      createApp(options: { db: ShopDatabase }): unknown;
    };
    const db = openDatabase(':memory:');
    migrate(db);
    const app = createApp({ db }) as unknown as { router: RouterLike };
    runtimeEndpoints = endpointsOf(recorder.byRouter, app.router, '', new Set());
    runtimeTables = (
      db
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
        .pluck()
        .all() as string[]
    ).sort();
    db.close();
    facts = await readProjectFacts({ root });
  });

  afterAll(() => {
    recorder?.restore();
    if (logLevel === undefined) delete process.env.LOG_LEVEL;
    else process.env.LOG_LEVEL = logLevel;
  });

  it('finds exactly the endpoints the running app registers', () => {
    expect(runtimeEndpoints.size).toBeGreaterThan(20);
    expect(facts.endpoints.map((e) => e.id).sort()).toEqual([...runtimeEndpoints].sort());
  });

  it('places each endpoint in a module of the area that handles it, not in the wiring', () => {
    const wiring = facts.endpoints.filter((e) => /^src\/(app|routes|server)\.ts$/.test(e.file));
    expect(wiring).toEqual([]);
    const ordersApi = facts.endpoints.filter((e) => e.path.startsWith('/api/orders'));
    expect(new Set(ordersApi.map((e) => e.file.split('/')[1]))).toEqual(new Set(['orders']));
  });

  it('finds every table the migrations create, and no other', () => {
    const found = [...new Set(facts.tableAccesses.map((a) => a.table))].sort();
    expect(found).toEqual(runtimeTables);
  });

  it('puts reads and writes on the right side', () => {
    const sides = (table: string, access: 'read' | 'write') =>
      [
        ...new Set(
          facts.tableAccesses.filter((a) => a.table === table && a.access === access).map((a) => a.file),
        ),
      ].sort();
    // Every table the app changes at run time has a writer among the repositories.
    for (const table of runtimeTables.filter((t) => t !== 'warehouses')) {
      expect(sides(table, 'write').length, table).toBeGreaterThan(0);
    }
    // Reports only read: the admin reporting module never writes a table.
    expect(
      facts.tableAccesses.filter((a) => a.file === 'src/admin/reports.repository.ts' && a.access === 'write'),
    ).toEqual([]);
    expect(sides('orders', 'write')).toEqual(['src/orders/orders.repository.ts']);
    expect(sides('orders', 'read')).toContain('src/admin/reports.repository.ts');
  });

  it('sees that placing an order writes the tables of several areas in one transaction', () => {
    const checkout = facts.transactions.find(
      (t) => t.file === 'src/orders/orders.service.ts' && t.tables.includes('payments'),
    );
    const areas = new Set(checkout?.modules.map((m) => m.split('/')[1]));
    for (const area of ['orders', 'inventory', 'payments', 'shipping', 'notifications'])
      expect(areas).toContain(area);
  });

  it('reads the code without warnings', () => {
    expect(facts.warnings).toEqual([]);
  });
});
