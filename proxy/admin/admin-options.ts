import type { Express, RequestHandler } from 'express';
import type { Logger } from 'pino';
import type { RouteStore } from '../store/route-store.ts';
import type { NamedToken } from './auth.ts';

/** Fills `GET /diffs` (the shadow runner); until one is given the endpoint answers `[]`. */
export type DiffsProvider = (query: { route?: string }) => unknown[] | Promise<unknown[]>;

/** Which route's comparison results were forgotten. */
export interface DiffsReset {
  routeId: string;
  routeKey: string;
}

/** What a reload reports: the config's new routes added, the rest kept as stored. */
export interface ReloadResult {
  revision: number;
  added: string[];
  kept: string[];
  services: string[];
  /** Changed settings that only take effect on restart (`listen`, `admin`, `forward`...). */
  restartNeeded: string[];
}

export interface AdminOptions {
  store: RouteStore;
  tokens: readonly NamedToken[];
  logger: Logger;
  /** Called after every committed change, so the proxy swaps its in-memory route table. */
  afterChange: () => void;
  /** Live counters from the data plane (prom-client), for `GET /stats`. */
  getLiveStats: () => unknown;
  /** Prometheus exposition from the data plane's registry. */
  getMetrics: () => Promise<{ contentType: string; body: string }>;
  diffs?: DiffsProvider;
  /** `GET /diffs/:id`: one route's results with its kept mismatch samples (the shadow runner). */
  routeDiffs?: (route: string) => unknown | Promise<unknown>;
  /** `POST /diffs/:id/reset`: forgets a route's comparison results; throws for an unknown route. */
  resetDiffs?: (route: string) => DiffsReset | Promise<DiffsReset>;
  /** Extra fields per route in `GET /routes` (the shadow runner's readiness), keyed by route id. */
  routeInfo?: () => Map<string, Record<string, unknown>> | Promise<Map<string, Record<string, unknown>>>;
  /** Re-reads the config file; absent when the proxy runs from flags. */
  reload?: () => Promise<ReloadResult>;
  /** Mounts more endpoints (the dashboard); `protect` is the bearer-token check. */
  extend?: (app: Express, protect: RequestHandler) => void;
}
