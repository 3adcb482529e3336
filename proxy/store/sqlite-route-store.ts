/**
 * The route store on SQLite. Each change is one transaction that updates the route, bumps
 * the revision and appends the history row, so the history can never disagree with the
 * routes. Callers rebuild the in-memory table from `getTable()` after a change commits.
 */
import { StranglerError } from '../../errors/index.ts';
import { parseRouteKey, toRouteId } from '../config/route-key.ts';
import {
  ROUTE_MODES,
  type Route,
  type RouteChange,
  type RouteChangeKind,
  type RouteSetting,
} from '../model.ts';
import { PROXY_STORE_ERRORS } from './errors.ts';
import { openDatabase } from './open-database.ts';
import { parseRoutePlan, type RoutePlan } from './plan.ts';
import type {
  ChangeOrigin,
  RollbackOrigin,
  RouteSettingPatch,
  RouteStore,
  SeedInput,
  SeedResult,
} from './route-store.ts';
import { createTrafficTable } from './traffic.ts';

interface RouteRow {
  id: string;
  key: string;
  methods: string;
  path: string;
  mode: Route['mode'];
  percent: number;
  service: string | null;
  shadow: string | null;
}

interface HistoryRow {
  revision: number;
  at: string;
  actor: string;
  kind: RouteChangeKind;
  route_id: string;
  route_key: string;
  before: string | null;
  after: string | null;
  reason: string | null;
}

function toRoute(row: RouteRow): Route {
  const route: Route = {
    id: row.id,
    key: row.key,
    methods: JSON.parse(row.methods) as string[],
    path: row.path,
    mode: row.mode,
    percent: row.percent,
    service: row.service,
  };
  if (row.shadow) route.shadow = JSON.parse(row.shadow);
  return route;
}

function toChange(row: HistoryRow): RouteChange {
  return {
    revision: row.revision,
    at: row.at,
    actor: row.actor,
    kind: row.kind,
    routeId: row.route_id,
    routeKey: row.route_key,
    before: row.before ? (JSON.parse(row.before) as RouteSetting) : null,
    after: row.after ? (JSON.parse(row.after) as RouteSetting) : null,
    reason: row.reason,
  };
}

const settingOf = (r: RouteSetting): RouteSetting => ({
  mode: r.mode,
  percent: r.percent,
  service: r.service,
});
const sameSetting = (a: RouteSetting, b: RouteSetting) =>
  a.mode === b.mode && a.percent === b.percent && a.service === b.service;

function invalid(message: string, details: Record<string, unknown> = {}): StranglerError {
  return new StranglerError(PROXY_STORE_ERRORS.PROXY_STORE_INVALID_CHANGE, message, { details });
}

export function openRouteStore(file: string): RouteStore {
  const db = openDatabase(file);
  const traffic = createTrafficTable(db);
  const q = {
    meta: db.prepare('SELECT value FROM meta WHERE key = ?').pluck(),
    setMeta: db.prepare(
      'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
    ),
    services: db.prepare('SELECT name, url FROM services ORDER BY name'),
    service: db.prepare('SELECT url FROM services WHERE name = ?').pluck(),
    upsertService: db.prepare(
      'INSERT INTO services (name, url, updated_at) VALUES (?, ?, ?) ON CONFLICT (name) DO UPDATE SET url = excluded.url, updated_at = excluded.updated_at',
    ),
    routes: db.prepare('SELECT * FROM routes ORDER BY position'),
    routeById: db.prepare('SELECT * FROM routes WHERE id = ?'),
    routeByKey: db.prepare('SELECT * FROM routes WHERE key = ?'),
    nextPosition: db.prepare('SELECT COALESCE(MAX(position), 0) + 1 FROM routes').pluck(),
    insertRoute: db.prepare(
      `INSERT INTO routes (id, key, methods, path, mode, percent, service, shadow, position, updated_at)
       VALUES (@id, @key, @methods, @path, @mode, @percent, @service, @shadow, @position, @at)`,
    ),
    updateRoute: db.prepare(
      'UPDATE routes SET mode = @mode, percent = @percent, service = @service, updated_at = @at WHERE id = @id',
    ),
    updateShadow: db.prepare('UPDATE routes SET shadow = ?, updated_at = ? WHERE id = ?'),
    insertHistory: db.prepare(
      `INSERT INTO route_history (revision, at, actor, kind, route_id, route_key, before, after, reason)
       VALUES (@revision, @at, @actor, @kind, @routeId, @routeKey, @before, @after, @reason)`,
    ),
    history: db.prepare('SELECT * FROM route_history ORDER BY id DESC LIMIT ?'),
    routeHistory: db.prepare('SELECT * FROM route_history WHERE route_id = ? ORDER BY id DESC LIMIT ?'),
    changeAt: db.prepare(
      'SELECT * FROM route_history WHERE route_id = ? AND revision = ? ORDER BY id DESC LIMIT 1',
    ),
  };

  const getRevision = () => Number(q.meta.get('revision') ?? 0);
  const bumpRevision = () => {
    const next = getRevision() + 1;
    q.setMeta.run('revision', String(next));
    return next;
  };

  function findRoute(ref: string): Route | undefined {
    const byId = q.routeById.get(ref) as RouteRow | undefined;
    if (byId) return toRoute(byId);
    const parsed = parseRouteKey(ref);
    const byKey = parsed && (q.routeByKey.get(parsed.key) as RouteRow | undefined);
    return byKey ? toRoute(byKey) : undefined;
  }

  function requireRoute(ref: string): Route {
    const route = findRoute(ref);
    if (!route) {
      throw new StranglerError(PROXY_STORE_ERRORS.PROXY_STORE_ROUTE_NOT_FOUND, `No route \`${ref}\`.`, {
        details: { route: ref },
      });
    }
    return route;
  }

  function record(
    revision: number,
    route: Pick<Route, 'id' | 'key'>,
    before: RouteSetting | null,
    after: RouteSetting | null,
    origin: ChangeOrigin,
    kind: RouteChangeKind,
  ): RouteChange {
    const change: RouteChange = {
      revision,
      at: new Date().toISOString(),
      actor: origin.actor,
      kind,
      routeId: route.id,
      routeKey: route.key,
      before,
      after,
      reason: origin.reason ?? null,
    };
    q.insertHistory.run({
      ...change,
      before: before && JSON.stringify(before),
      after: after && JSON.stringify(after),
    });
    return change;
  }

  function assertSetting(setting: RouteSetting): void {
    if (!ROUTE_MODES.includes(setting.mode)) throw invalid(`Unknown mode \`${setting.mode}\`.`);
    if (!Number.isFinite(setting.percent) || setting.percent < 0 || setting.percent > 100)
      throw invalid(`percent must be 0-100, got ${setting.percent}.`);
    // A route may name its future service before that service has an address, as long as
    // no traffic goes there yet (plans from the analyzer arrive that way).
    if (
      setting.service !== null &&
      setting.mode !== 'monolith' &&
      q.service.get(setting.service) === undefined
    )
      throw invalid(
        `Service \`${setting.service}\` has no URL yet: add it under \`services:\` in the config (or in the plan) before moving traffic to it.`,
        { service: setting.service },
      );
    if (setting.mode !== 'monolith' && setting.service === null)
      throw invalid(`Mode \`${setting.mode}\` needs a target service.`);
  }

  /** Writes a new setting for an existing route and its history row, in the caller's transaction. */
  function apply(
    route: Route,
    after: RouteSetting,
    origin: ChangeOrigin,
    kind: RouteChangeKind,
  ): RouteChange {
    assertSetting(after);
    const revision = bumpRevision();
    q.updateRoute.run({ ...after, id: route.id, at: new Date().toISOString() });
    return record(revision, route, settingOf(route), after, origin, kind);
  }

  function uniqueId(wanted: string): string {
    let id = wanted;
    for (let n = 2; q.routeById.get(id); n++) id = `${wanted}-${n}`;
    return id;
  }

  const seed = db.transaction((input: SeedInput, origin: ChangeOrigin, kind: RouteChangeKind): SeedResult => {
    const at = new Date().toISOString();
    const result: SeedResult = { changes: [], kept: [], services: [] };
    let revision: number | null = null;
    const nextRevision = () => {
      revision ??= bumpRevision();
      return revision;
    };
    if (input.monolith !== undefined && q.meta.get('monolith') !== input.monolith) {
      q.setMeta.run('monolith', input.monolith);
      nextRevision();
    }
    for (const service of input.services) {
      if (q.service.get(service.name) === service.url) continue;
      q.upsertService.run(service.name, service.url, at);
      result.services.push(service.name);
      nextRevision();
    }
    for (const route of input.routes) {
      const parsed = parseRouteKey(`${route.methods.join(',')} ${route.path}`);
      const key = parsed?.key ?? route.key;
      const existing = q.routeByKey.get(key) as RouteRow | undefined;
      if (existing) {
        result.kept.push(existing.id);
        // Shadow options are configuration (noise rules), not migration state: the config wins.
        const shadow = route.shadow ? JSON.stringify(route.shadow) : null;
        if (route.shadow !== undefined && shadow !== existing.shadow) {
          q.updateShadow.run(shadow, at, existing.id);
          nextRevision();
        }
        continue;
      }
      const setting = settingOf(route);
      assertSetting(setting);
      const id = uniqueId(route.id ?? toRouteId(key));
      q.insertRoute.run({
        ...setting,
        id,
        key,
        methods: JSON.stringify(parsed?.methods ?? route.methods),
        path: route.path,
        shadow: route.shadow ? JSON.stringify(route.shadow) : null,
        position: q.nextPosition.get(),
        at,
      });
      result.changes.push(record(nextRevision(), { id, key }, null, setting, origin, kind));
    }
    return result;
  });

  return {
    getRevision,
    findRoute,
    listRoutes: () => (q.routes.all() as RouteRow[]).map(toRoute),
    getTable() {
      const table = {
        revision: getRevision(),
        monolith: { name: 'monolith', url: String(q.meta.get('monolith') ?? '') },
        services: q.services.all() as Array<{ name: string; url: string }>,
        routes: (q.routes.all() as RouteRow[]).map(toRoute),
      };
      return deepFreeze(table);
    },
    seed: (input, origin, kind = 'config') => seed(input, origin, kind),
    importPlan(plan: RoutePlan, origin) {
      const valid = parseRoutePlan(plan);
      return seed(
        {
          services: valid.services.flatMap((service) =>
            service.url ? [{ name: service.name, url: service.url }] : [],
          ),
          routes: valid.routes.map((r) => {
            const parsed = parseRouteKey(`${r.method} ${r.path}`);
            if (!parsed) throw invalid(`Invalid route \`${r.method} ${r.path}\`.`);
            return { ...parsed, mode: r.mode, percent: r.percent, service: r.service };
          }),
        },
        origin,
        'import',
      );
    },
    setRoute: db.transaction((ref: string, patch: RouteSettingPatch, origin: ChangeOrigin) => {
      const route = requireRoute(ref);
      const after: RouteSetting = {
        mode: patch.mode,
        percent: patch.percent ?? route.percent,
        service: patch.service ?? route.service,
      };
      if (sameSetting(route, after)) {
        assertSetting(after);
        return null;
      }
      return apply(route, after, origin, 'set');
    }),
    rollback: db.transaction((ref: string, origin: RollbackOrigin) => {
      const route = requireRoute(ref);
      const row = (
        origin.revision === undefined
          ? q.routeHistory.get(route.id, 1)
          : q.changeAt.get(route.id, origin.revision)
      ) as HistoryRow | undefined;
      const target = row && toChange(row);
      if (!target?.before) {
        const why = target ? `revision ${target.revision} created it` : 'it has no recorded change';
        throw new StranglerError(
          PROXY_STORE_ERRORS.PROXY_STORE_NOTHING_TO_ROLLBACK,
          `Cannot roll back \`${route.key}\`: ${why}.`,
          { details: { route: route.id, revision: origin.revision ?? null } },
        );
      }
      const reason = origin.reason ?? `rollback of revision ${target.revision}`;
      return apply(route, target.before, { actor: origin.actor, reason }, origin.kind ?? 'rollback');
    }),
    history(query = {}) {
      const limit = query.limit ?? 100;
      if (query.route === undefined) return (q.history.all(limit) as HistoryRow[]).map(toChange);
      const route = requireRoute(query.route);
      return (q.routeHistory.all(route.id, limit) as HistoryRow[]).map(toChange);
    },
    recordTraffic: (deltas, at) => traffic.record(deltas, at),
    readTraffic: (minutes, now) => traffic.read(minutes, now),
    close() {
      if (db.open) db.close();
    },
  };
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}
