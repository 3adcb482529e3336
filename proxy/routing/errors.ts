import { defineErrors } from '../../errors/index.ts';

/** Errors of the request path's set-up (the request path itself answers with statuses). */
export const ROUTING_ERRORS = defineErrors({
  ROUTE_PATTERN_INVALID: {
    hint: 'Use an Express-style path: literal segments, `:param` segments and an optional trailing `*`, e.g. `/api/orders/:id` or `/api/orders/*`.',
  },
  FORWARD_ENGINE_UNKNOWN: {
    hint: 'Set `forward.engine` to `undici` (the standalone default) or `http-proxy-middleware`.',
  },
});
