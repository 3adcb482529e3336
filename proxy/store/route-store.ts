/**
 * What the proxy needs from its persistent state. The SQLite store implements it; the
 * contract suite in test/proxy/store/route-store.contract.ts pins its behaviour so another
 * backend could pass the same tests.
 */
import type { Route, RouteChange, RouteChangeKind, RouteMode, RouteTable, ServiceTarget } from '../model.ts';
import type { RoutePlan } from './plan.ts';

/** Who made a change and why; every change becomes a history row. */
export interface ChangeOrigin {
  actor: string;
  reason?: string | null;
}

export interface RollbackOrigin extends ChangeOrigin {
  revision?: number;
  kind?: Extract<RouteChangeKind, 'rollback' | 'auto-rollback'>;
}

/** What `PUT /routes/:id` and `strangler routes set` ask for; omitted fields keep their value. */
export interface RouteSettingPatch {
  mode: RouteMode;
  percent?: number;
  service?: string;
}

/** The declared state the store is seeded from (config file or plan): new routes only. */
export interface SeedInput {
  monolith?: string;
  services: ServiceTarget[];
  routes: Array<Omit<Route, 'id'> & { id?: string }>;
}

export interface SeedResult {
  /** One history row per route the store did not have. */
  changes: RouteChange[];
  /** Routes declared but already stored: they keep their stored setting. */
  kept: string[];
  /** Services added or whose URL changed. */
  services: string[];
}

/** Cumulative-free counts for one route and target over one flush interval. */
export interface TrafficDelta {
  /** null for requests no route matched (they went to the monolith). */
  routeId: string | null;
  target: string;
  requests: number;
  errors: number;
  fallbacks: number;
  latencyMsSum: number;
}

export interface TrafficRow extends TrafficDelta {
  /** ISO start of the minute. */
  minute: string;
}

export interface HistoryQuery {
  route?: string;
  limit?: number;
}

export interface RouteStore {
  /** The whole routing state as one frozen value. */
  getTable(): RouteTable;
  getRevision(): number;
  listRoutes(): Route[];
  /** By id (`get-api-orders-id`) or key (`GET /api/orders/:id`). */
  findRoute(ref: string): Route | undefined;
  seed(input: SeedInput, origin: ChangeOrigin, kind?: RouteChangeKind): SeedResult;
  importPlan(plan: RoutePlan, origin: ChangeOrigin): SeedResult;
  /** Returns null when the route already had that setting (nothing is recorded). */
  setRoute(ref: string, patch: RouteSettingPatch, origin: ChangeOrigin): RouteChange | null;
  /**
   * Restores the state before the route's last change, or before the change at `revision`.
   * `kind` is `auto-rollback` when a guardrail asks.
   */
  rollback(ref: string, origin: RollbackOrigin): RouteChange;
  /** Newest first. */
  history(query?: HistoryQuery): RouteChange[];
  recordTraffic(deltas: readonly TrafficDelta[], at?: Date): void;
  /** Rows for the last `minutes` minutes, oldest first. */
  readTraffic(minutes: number, now?: Date): TrafficRow[];
  close(): void;
}
