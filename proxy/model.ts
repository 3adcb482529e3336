/**
 * The proxy's domain, as plain data shared by every proxy folder: routing compiles a
 * `RouteTable` into a matcher, the store persists it and its history, the admin API and the
 * CLI change it, exports translate it. No behaviour lives here.
 */

export const ROUTE_MODES = ['monolith', 'shadow', 'canary', 'service'] as const;
/**
 * monolith: all traffic to the monolith. shadow: the monolith answers, the service gets a
 * copy. canary: `percent` of keys (sticky) go to the service. service: all to the service,
 * with fallback to the monolith for safe requests when it fails.
 */
export type RouteMode = (typeof ROUTE_MODES)[number];

/** The part of a route that changes over a migration; one history row records before and after. */
export interface RouteSetting {
  mode: RouteMode;
  /** Canary share 0..100; meaningful in `canary` mode, kept otherwise so a rollback restores it. */
  percent: number;
  /** Target service name; null only while the route has never been given one. */
  service: string | null;
}

export interface Route extends RouteSetting {
  /** Stable identifier used in URLs and history, e.g. `get-api-orders-id`. */
  id: string;
  /** `GET /api/orders/:id` (methods joined by `,`, `*` for any). Unique. */
  key: string;
  /** Upper-case methods, or `['*']` for any method. */
  methods: string[];
  /** Express-style pattern: `/api/orders/:id`, or a prefix `/api/orders/*`. */
  path: string;
  /** Per-route shadow options (issue "parallel run"); absent means the defaults. */
  shadow?: ShadowOptions;
}

export interface ShadowOptions {
  /** Share of matching requests mirrored, 0..100. */
  sample?: number;
  /** Methods mirrored besides GET and HEAD; unsafe methods mirror only when listed here. */
  methods?: string[];
  ignorePaths?: string[];
  ignoreHeaders?: string[];
  unorderedArrays?: string[];
  numericTolerance?: number;
  /**
   * In `canary` mode, keep mirroring the requests the monolith still serves (the share outside
   * the canary) and comparing them, so the mismatch guardrail can roll the canary back. Off
   * unless set: it sends the service a copy of the monolith's share on top of its canary share.
   */
  duringCanary?: boolean;
}

export interface ServiceTarget {
  name: string;
  /** Base URL, `http://127.0.0.1:4001`. The proxy forwards only to configured targets. */
  url: string;
}

/** Everything routing needs to decide, as one immutable value swapped atomically. */
export interface RouteTable {
  /** Increases with every committed change; exports name the revision they were made from. */
  revision: number;
  monolith: ServiceTarget;
  services: ServiceTarget[];
  routes: Route[];
}

export type RouteChangeKind = 'set' | 'rollback' | 'import' | 'auto-rollback' | 'config';

/** One row of the change history. */
export interface RouteChange {
  /** Monotonic change number (the table revision it produced). */
  revision: number;
  /** ISO-8601 time. */
  at: string;
  /** The admin token's name, `config`, or `guardrail` for automatic rollbacks. */
  actor: string;
  kind: RouteChangeKind;
  routeId: string;
  routeKey: string;
  /** null when the change created the route. */
  before: RouteSetting | null;
  /** null when the change removed the route. */
  after: RouteSetting | null;
  reason: string | null;
}

/** Where a request was sent, as recorded in stats, logs and the served-by header. */
export type Destination = 'monolith' | 'service';

/**
 * What the request path hands to the shadow runner after the primary (monolith) response
 * has been sent for a `shadow` route. Bodies are null when they exceeded the capture cap:
 * the comparison is then skipped and counted, the primary was never affected.
 */
export interface CapturedExchange {
  route: Route;
  request: {
    method: string;
    /** Normalised path plus query string, exactly as sent to the monolith. */
    url: string;
    headers: Record<string, string | string[]>;
    body: Buffer | null;
  };
  primary: {
    status: number;
    headers: Record<string, string | string[]>;
    body: Buffer | null;
    durationMs: number;
  };
}
