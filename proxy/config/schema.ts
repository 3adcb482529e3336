/**
 * The proxy's configuration: one zod schema, validated once, then frozen (see DESIGN.md).
 * `strangler proxy --config FILE` loads YAML or JSON into it; the flags build the same shape.
 * The JSON Schema in docs is generated from this (`strangler proxy --print-schema`), never kept by hand.
 */
import { z } from 'zod';
import { ROUTE_MODES } from '../model.ts';
import { routeShadowOptionsSchema, shadowOptionsSchema } from '../shadow/options.ts';

const url = z.url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL' });
const port = z
  .number({ error: 'must be a port number' })
  .int({ error: 'must be an integer 0-65535' })
  .min(0, { error: 'must be 0-65535' })
  .max(65535, { error: 'must be 0-65535' });
/** Service names appear in URLs, headers and history; `monolith` is reserved for the default target. */
const serviceName = z
  .string()
  .regex(/^[a-z0-9][a-z0-9._-]*$/i, { error: 'must be letters, digits, `.`, `_` or `-`' })
  .refine((name) => name !== 'monolith', { error: '`monolith` is reserved for the monolith itself' });

export const stickyKeySchema = z.union([
  z.strictObject({ header: z.string().min(1) }),
  z.strictObject({ cookie: z.string().min(1) }),
  z.literal('client-address'),
]);

/**
 * What identifies a client session for the traffic record: the `Authorization: Bearer` token
 * (default), a header or a cookie. Requests without it are not recorded.
 */
export const sessionKeySchema = z.union([
  z.literal('authorization'),
  z.strictObject({ header: z.string().min(1) }),
  z.strictObject({ cookie: z.string().min(1) }),
]);

/** Session recording for `strangler analyze --traffic` (proxy/sessions); on when this section is present. */
export const sessionsConfigSchema = z.strictObject({
  key: sessionKeySchema.default('authorization'),
  /** A session with no request for this long is finished and written. */
  idleSeconds: z.number().int().min(1).default(1_800),
  /** Sessions held in memory at once; past it, the oldest is finished early. */
  maxActive: z.number().int().min(1).default(10_000),
  /** Sessions kept in the database; older ones are deleted as new ones are written. */
  keep: z.number().int().min(1).default(100_000),
  /** How often finished sessions are written, in one transaction. */
  flushIntervalMs: z.number().int().min(100).default(10_000),
});

export const routeConfigSchema = z
  .strictObject({
    /** `GET`, `GET,HEAD` or `*`. */
    method: z
      .string()
      .regex(/^(\*|[A-Za-z]+(,[A-Za-z]+)*)$/, { error: 'must be `*`, `GET` or a list like `GET,HEAD`' })
      .default('*'),
    /** Express-style pattern (`/api/orders/:id`) or prefix (`/api/orders/*`). */
    path: z.string().startsWith('/', { error: 'must start with `/`' }),
    service: serviceName.nullable().default(null),
    mode: z.enum(ROUTE_MODES, { error: `must be one of ${ROUTE_MODES.join(', ')}` }).default('monolith'),
    percent: z.number().min(0, { error: 'must be 0-100' }).max(100, { error: 'must be 0-100' }).default(0),
    /** Shadow-mode options for this route: sampling, mirrored methods, noise rules (proxy/shadow). */
    shadow: routeShadowOptionsSchema.optional(),
  })
  .refine((route) => route.mode === 'monolith' || route.service !== null, {
    error: 'needs a `service` unless mode is monolith',
    path: ['service'],
  });

const adminTokenSchema = z.strictObject({
  /** Recorded as the actor in the history. */
  name: z.string().min(1),
  token: z.string().min(16, { error: 'must be at least 16 characters' }),
});

export const proxyConfigSchema = z
  .strictObject({
    listen: z.strictObject({ host: z.string().default('127.0.0.1'), port }),
    admin: z
      .strictObject({
        host: z.string().default('127.0.0.1'),
        port,
        /** Named tokens; the name is recorded as the actor in the history. */
        tokens: z.array(adminTokenSchema).default([]),
      })
      .optional(),
    /** SQLite file holding routes, history and stats; relative to the config file. */
    db: z.string().min(1),
    monolith: url,
    services: z.record(serviceName, url).default({}),
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
    /** Traffic counters live in memory and are written to SQLite in batches this often. */
    stats: z
      .strictObject({ flushIntervalMs: z.number().int().min(100).default(5_000) })
      .default({ flushIntervalMs: 5_000 }),
    /** On shutdown, requests in flight get this long to finish before their sockets are closed. */
    shutdown: z
      .strictObject({ graceMs: z.number().int().min(0).default(10_000) })
      .default({ graceMs: 10_000 }),
    /** The parallel run's budgets and thresholds (proxy/shadow/options.ts). */
    shadow: shadowOptionsSchema.default(shadowOptionsSchema.parse({})),
    /** Records which routes each client session hits (for `analyze --traffic`); off when absent. */
    sessions: sessionsConfigSchema.optional(),
  })
  .superRefine((config, ctx) => {
    const keys = new Map<string, number>();
    config.routes.forEach((route, index) => {
      if (route.service !== null && !(route.service in config.services)) {
        ctx.addIssue({
          code: 'custom',
          path: ['routes', index, 'service'],
          message: `unknown service \`${route.service}\`; declare it under \`services\``,
        });
      }
      const key = `${route.method.toUpperCase()} ${route.path}`;
      const first = keys.get(key);
      if (first !== undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['routes', index, 'path'],
          message: `duplicates routes[${first}] (${key})`,
        });
      } else keys.set(key, index);
    });
    const names = new Set<string>();
    config.admin?.tokens.forEach((token, index) => {
      if (names.has(token.name))
        ctx.addIssue({ code: 'custom', path: ['admin', 'tokens', index, 'name'], message: 'is used twice' });
      names.add(token.name);
    });
  });

export type ProxyConfigInput = z.input<typeof proxyConfigSchema>;
export type ProxyConfig = z.output<typeof proxyConfigSchema>;
export type RouteConfig = z.output<typeof routeConfigSchema>;
export type StickyKey = z.output<typeof stickyKeySchema>;
export type AdminToken = z.output<typeof adminTokenSchema>;
export type SessionKey = z.output<typeof sessionKeySchema>;
export type SessionsConfig = z.output<typeof sessionsConfigSchema>;
