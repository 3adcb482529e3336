import { defineErrors } from '../../errors/index.ts';

/** Failures of the route store: the SQLite file, and changes to routes. */
export const PROXY_STORE_ERRORS = defineErrors({
  PROXY_STORE_OPEN: {
    hint: 'Check that the `db` path is writable and not used by another strangler version, e.g. `--db /tmp/proxy.db`.',
  },
  PROXY_STORE_TOO_NEW: {
    hint: 'The database was written by a newer strangler; upgrade strangler or point `db` at a new file.',
  },
  PROXY_STORE_ROUTE_NOT_FOUND: {
    hint: 'Use a route id or key from `strangler routes list`, e.g. `"GET /api/orders/:id"`.',
  },
  PROXY_STORE_INVALID_CHANGE: {
    hint: 'Pick a mode (monolith, shadow, canary, service), a percent 0-100 and a service declared in the config, e.g. `--mode canary --percent 10 --target orders`.',
  },
  PROXY_STORE_NOTHING_TO_ROLLBACK: {
    hint: 'Run `strangler routes history` to see which changes the route has; only a change with a previous state can be rolled back.',
  },
  PROXY_STORE_TRAFFIC_NOT_FOUND: {
    hint: "Pass the proxy's database file (its `db` setting), e.g. `strangler analyze ./my-app --traffic ./proxy.db`.",
  },
  PROXY_STORE_NOT_A_PROXY_DB: {
    hint: "Pass the SQLite file the proxy writes (the `db` in its config or `--db`), not the monolith's own database.",
  },
  PROXY_STORE_INVALID_PLAN: {
    hint: 'Pass the `routes.plan.json` written by `strangler analyze` (version 1), or fix the field named in the message.',
  },
});
