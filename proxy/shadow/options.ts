/**
 * The proxy-wide `shadow` block of the configuration. Per-route options (sample, methods,
 * ignore rules) live on the route itself (`ShadowOptions` in proxy/model.ts); these are the
 * budgets and thresholds shared by all routes. Mounted in proxy/config/schema.ts.
 */
import { z } from 'zod';

export const guardrailOptionsSchema = z.strictObject({
  enabled: z.boolean().default(true),
  /** Sliding window the rates are measured over. */
  windowSeconds: z.number().positive().default(60),
  /** Requests the window must hold before it may decide; a handful of errors is not a trend. */
  minRequests: z.number().int().positive().default(20),
  /** Service error rate (5xx, refused, timeout) that rolls a canary/service route back, 0..1. */
  maxErrorRate: z.number().min(0).max(1).default(0.05),
  /** Mismatch rate that rolls a route back while it is still being shadowed, 0..1. */
  maxMismatchRate: z.number().min(0).max(1).default(0.05),
});

export const shadowOptionsSchema = z.strictObject({
  /** Bodies (request or response) larger than this are not compared; the primary is untouched. */
  captureBytes: z
    .number()
    .int()
    .positive()
    .default(1024 * 1024),
  /** Mirrors waiting to be sent; when full, new ones are dropped and counted. */
  queueSize: z.number().int().positive().default(1000),
  /** Mirrors in flight at once, over all routes. */
  concurrency: z.number().int().positive().default(8),
  /** How long a mirrored request may take before it counts as failed. */
  timeoutMs: z.number().int().positive().default(5000),
  /** Noise learning: the first `learnFirst` mirrors per route, then this share (0..100), ask the monolith twice. */
  learnFirst: z.number().int().min(0).default(10),
  learnPercent: z.number().min(0).max(100).default(5),
  /** Headers compared besides the status and body (lower-case). */
  compareHeaders: z.array(z.string().min(1)).default(['content-type', 'location', 'cache-control']),
  /** Extra header names and JSON field names redacted before anything is stored. */
  redact: z.array(z.string().min(1)).default([]),
  /** Mismatch examples kept per route. */
  samplesPerRoute: z.number().int().positive().default(20),
  /** Body excerpt kept per side of a mismatch. */
  excerptBytes: z.number().int().positive().default(2048),
  readiness: z
    .strictObject({
      minComparisons: z.number().int().positive().default(100),
      /** Percent, 0..100. */
      minMatchPercent: z.number().min(0).max(100).default(99.9),
    })
    .default({ minComparisons: 100, minMatchPercent: 99.9 }),
  guardrails: guardrailOptionsSchema.default(guardrailOptionsSchema.parse({})),
});

/** Per-route options, the zod form of `ShadowOptions` in proxy/model.ts (for routeConfigSchema). */
export const routeShadowOptionsSchema = z.strictObject({
  sample: z.number().min(0).max(100).optional(),
  methods: z.array(z.string().min(1)).optional(),
  ignorePaths: z.array(z.string().startsWith('$')).optional(),
  ignoreHeaders: z.array(z.string().min(1)).optional(),
  unorderedArrays: z.array(z.string().startsWith('$')).optional(),
  numericTolerance: z.number().min(0).optional(),
  /** `canary` mode: keep mirroring the monolith's share and comparing (docs/shadow.md). */
  duringCanary: z.boolean().optional(),
});

export type ShadowSettings = z.output<typeof shadowOptionsSchema>;
export type ShadowSettingsInput = z.input<typeof shadowOptionsSchema>;
export type GuardrailOptions = z.output<typeof guardrailOptionsSchema>;

export function getShadowSettings(input: ShadowSettingsInput = {}): ShadowSettings {
  return shadowOptionsSchema.parse(input);
}
