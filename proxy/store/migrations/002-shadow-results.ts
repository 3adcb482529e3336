import type { Migration } from './migration.ts';

/**
 * Shadow comparison results (issue "parallel run"): per-route counters, differing paths,
 * a bounded sample of mismatches and the noise learned from asking the monolith twice.
 */
export const shadowResults: Migration = {
  version: 2,
  name: 'shadow-results',
  sql: `
CREATE TABLE shadow_routes (
  route_id TEXT PRIMARY KEY,
  route_key TEXT NOT NULL,
  matched INTEGER NOT NULL DEFAULT 0,
  mismatched INTEGER NOT NULL DEFAULT 0,
  failed INTEGER NOT NULL DEFAULT 0,
  skipped INTEGER NOT NULL DEFAULT 0,
  skipped_reasons TEXT NOT NULL DEFAULT '{}',
  updated_at TEXT NOT NULL
);
CREATE TABLE shadow_paths (
  route_id TEXT NOT NULL,
  path TEXT NOT NULL,
  count INTEGER NOT NULL,
  PRIMARY KEY (route_id, path)
);
CREATE TABLE shadow_mismatches (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  route_id TEXT NOT NULL,
  at TEXT NOT NULL,
  sample TEXT NOT NULL
);
CREATE INDEX shadow_mismatches_route ON shadow_mismatches (route_id, id);
CREATE TABLE shadow_noise (
  route_id TEXT NOT NULL,
  path TEXT NOT NULL,
  seen INTEGER NOT NULL,
  first_seen_at TEXT NOT NULL,
  example TEXT NOT NULL,
  PRIMARY KEY (route_id, path)
);
`,
};
