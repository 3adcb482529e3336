import type { Migration } from './migration.ts';

/** Services, routes, their change history, the revision counter, and per-minute traffic. */
export const routesAndHistory: Migration = {
  version: 1,
  name: 'routes-and-history',
  sql: `
    CREATE TABLE meta (
      key   TEXT PRIMARY KEY,
      value TEXT NOT NULL
    );
    INSERT INTO meta (key, value) VALUES ('revision', '0');

    CREATE TABLE services (
      name       TEXT PRIMARY KEY,
      url        TEXT NOT NULL,
      updated_at TEXT NOT NULL
    );

    CREATE TABLE routes (
      id         TEXT PRIMARY KEY,
      key        TEXT NOT NULL UNIQUE,
      methods    TEXT NOT NULL,          -- JSON array
      path       TEXT NOT NULL,
      mode       TEXT NOT NULL CHECK (mode IN ('monolith', 'shadow', 'canary', 'service')),
      percent    REAL NOT NULL CHECK (percent >= 0 AND percent <= 100),
      service    TEXT,
      shadow     TEXT,                   -- JSON ShadowOptions or NULL
      position   INTEGER NOT NULL,
      updated_at TEXT NOT NULL
    );

    CREATE TABLE route_history (
      id        INTEGER PRIMARY KEY AUTOINCREMENT,
      revision  INTEGER NOT NULL,
      at        TEXT NOT NULL,
      actor     TEXT NOT NULL,
      kind      TEXT NOT NULL,
      route_id  TEXT NOT NULL,
      route_key TEXT NOT NULL,
      before    TEXT,                    -- JSON RouteSetting or NULL when the change created the route
      after     TEXT,                    -- JSON RouteSetting or NULL when the change removed the route
      reason    TEXT
    );
    CREATE INDEX route_history_route ON route_history (route_id, id);

    CREATE TABLE traffic_stats (
      minute         TEXT NOT NULL,      -- ISO start of the minute, UTC
      route_id       TEXT NOT NULL,      -- '' for requests no route matched (the monolith default)
      target         TEXT NOT NULL,      -- 'monolith' or a service name
      requests       INTEGER NOT NULL,
      errors         INTEGER NOT NULL,
      fallbacks      INTEGER NOT NULL,
      latency_ms_sum REAL NOT NULL,
      PRIMARY KEY (minute, route_id, target)
    );
  `,
};
