import { defineErrors } from '../../errors/index.ts';

/** Failures of the admin API, as the server answers them and as the CLI's client sees them. */
export const PROXY_ADMIN_ERRORS = defineErrors({
  PROXY_ADMIN_UNAUTHORIZED: {
    hint: 'Send `Authorization: Bearer <token>`; the CLI takes `--token` or STRANGLER_ADMIN_TOKEN.',
  },
  PROXY_ADMIN_TOKEN_IN_QUERY: {
    hint: 'Tokens in URLs end up in logs and browser history; send it as `Authorization: Bearer <token>` instead.',
  },
  PROXY_ADMIN_BAD_JSON: {
    hint: 'Send a JSON body with `Content-Type: application/json`, e.g. `{"mode":"canary","percent":10}`.',
  },
  PROXY_ADMIN_BODY_TOO_LARGE: {
    hint: 'The body exceeds the admin API limit (1 MiB); split a large route plan into several imports.',
  },
  PROXY_ADMIN_BAD_REQUEST: {
    hint: 'Fix the field named in the message; see docs/proxy-admin.md for each endpoint body.',
  },
  PROXY_ADMIN_NOT_FOUND: {
    hint: 'See docs/proxy-admin.md for the admin endpoints, e.g. `GET /routes`.',
  },
  PROXY_ADMIN_NO_CONFIG_FILE: {
    hint: 'The proxy was started with flags, so there is no file to re-read; restart it with `--config FILE` to use reload.',
  },
  PROXY_ADMIN_NO_SHADOW: {
    hint: 'This admin API was built without the shadow runner; `createProxy` wires it, an embedded `createAdminApp` needs `routeDiffs` and `resetDiffs`.',
  },
  PROXY_ADMIN_UNREACHABLE: {
    hint: 'Start the proxy (`strangler proxy ...`) or point the CLI at its admin port with `--admin http://127.0.0.1:8081`.',
  },
});
