/**
 * The proxy's configuration: one zod schema, validated once, then frozen (see DESIGN.md).
 * `strangler proxy --config FILE` loads YAML or JSON into it; the flags build the same shape.
 * The JSON Schema in docs is generated from this, never kept by hand.
 */
import { z } from 'zod';
import { ROUTE_MODES } from '../model.ts';

const url = z.url({ protocol: /^https?$/ });

export const stickyKeySchema = z.union([
  z.strictObject({ header: z.string().min(1) }),
  z.strictObject({ cookie: z.string().min(1) }),
  z.literal('client-address'),
]);

export const routeConfigSchema = z.strictObject({
  /** `GET`, `GET,HEAD` or `*`. */
  method: z.string().default('*'),
  path: z.string().startsWith('/'),
  service: z.string().min(1).nullable().default(null),
  mode: z.enum(ROUTE_MODES).default('monolith'),
  percent: z.number().min(0).max(100).default(0),
});

export const proxyConfigSchema = z.strictObject({
  listen: z.strictObject({ host: z.string().default('127.0.0.1'), port: z.number().int().min(0).max(65535) }),
  admin: z
    .strictObject({
      host: z.string().default('127.0.0.1'),
      port: z.number().int().min(0).max(65535),
      /** Named tokens; the name is recorded as the actor in the history. */
      tokens: z.array(z.strictObject({ name: z.string().min(1), token: z.string().min(16) })).default([]),
    })
    .optional(),
  /** SQLite file holding routes, history and stats. */
  db: z.string().min(1),
  monolith: url,
  services: z.record(z.string().min(1), url).default({}),
  routes: z.array(routeConfigSchema).default([]),
  canary: z
    .strictObject({ key: stickyKeySchema.default('client-address') })
    .default({ key: 'client-address' }),
  /** Forces a target per request for testing; off unless a secret is configured. */
  override: z
    .strictObject({ header: z.string().default('x-strangler-target'), secret: z.string().min(16) })
    .optional(),
  forward: z
    .strictObject({
      engine: z.enum(['undici', 'http-proxy-middleware']).default('undici'),
      timeoutMs: z.number().int().positive().default(30_000),
      /** Response header naming the target that served; false to omit. */
      servedByHeader: z.union([z.string().min(1), z.literal(false)]).default('x-strangler-served-by'),
    })
    .default({ engine: 'undici', timeoutMs: 30_000, servedByHeader: 'x-strangler-served-by' }),
  breaker: z
    .strictObject({
      failures: z.number().int().positive().default(5),
      openSeconds: z.number().positive().default(30),
    })
    .default({ failures: 5, openSeconds: 30 }),
});

export type ProxyConfigInput = z.input<typeof proxyConfigSchema>;
export type ProxyConfig = z.output<typeof proxyConfigSchema>;
export type RouteConfig = z.output<typeof routeConfigSchema>;
export type StickyKey = z.output<typeof stickyKeySchema>;
