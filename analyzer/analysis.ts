/**
 * `analysis.json`, version 1: the analyzer's output contract (see DESIGN.md). Reporters, the
 * proxy's route import, `strangler extract` and the HTML report's what-if editor all read it.
 * Change it deliberately, with every user in the same commit, and bump `version` when a
 * reader written for the old shape would misread the new one.
 */
import { z } from 'zod';

export const ANALYSIS_VERSION = 1;

const moduleId = z.string().min(1);
const serviceName = z.string().min(1);

export const metricsSchema = z.strictObject({
  /** Newman modularity of the partition on the weighted module graph (-0.5..1, higher is better). */
  modularity: z.number(),
  /** Structural modularity (0..1, higher is better). */
  sm: z.number(),
  /** Inter-partition call percentage (0..1, lower is better). */
  icp: z.number(),
  /** Interface number: mean count of a service's modules called from other services (lower is better). */
  ifn: z.number(),
  /** Non-extreme distribution (0..1, lower is better). */
  ned: z.number(),
  /** MoJoFM against `--expected` (0..100, higher is better); absent without it. */
  mojofm: z.number().optional(),
});

export const analysisSchema = z.strictObject({
  version: z.literal(ANALYSIS_VERSION),
  /** Absolute path of the analysed directory. */
  root: z.string(),
  generatedAt: z.string(),
  modules: z.array(
    z.strictObject({
      id: moduleId,
      loc: z.number().int().nonnegative(),
      /** The service that owns it; null for the shared kernel and wiring. */
      service: serviceName.nullable(),
      role: z.enum(['domain', 'shared-kernel', 'wiring']),
      exports: z.array(z.string()),
      endpoints: z.array(z.string()),
      tables: z.strictObject({ reads: z.array(z.string()), writes: z.array(z.string()) }),
      /** Its strongest ties, strongest first: why it sits in its service. */
      why: z.array(z.strictObject({ module: moduleId, signal: z.string(), weight: z.number() })),
    }),
  ),
  edges: z.array(
    z.strictObject({
      from: moduleId,
      to: moduleId,
      kind: z.enum(['import', 'type', 'dynamic', 'require', 'reexport', 'data', 'cochange', 'traffic']),
      weight: z.number(),
      symbols: z.array(z.string()),
      /** Import sites (code edges), shared tables (data), shared commits or sessions. */
      count: z.number().int().nonnegative().optional(),
    }),
  ),
  endpoints: z.array(
    z.strictObject({
      id: z.string(),
      method: z.string(),
      path: z.string(),
      file: moduleId,
      line: z.number().int(),
      framework: z.string(),
      service: serviceName.nullable(),
    }),
  ),
  tables: z.array(
    z.strictObject({
      name: z.string(),
      readers: z.array(moduleId),
      writers: z.array(moduleId),
      owner: serviceName.nullable(),
      shared: z.boolean(),
      /** Per service: how it touches the table, for shared tables. */
      access: z.array(
        z.strictObject({ service: serviceName.nullable(), reads: z.boolean(), writes: z.boolean() }),
      ),
    }),
  ),
  transactions: z.array(
    z.strictObject({
      file: moduleId,
      line: z.number().int(),
      tables: z.array(z.string()),
      modules: z.array(moduleId),
      /** Services the transaction's writes span; more than one is a distributed-transaction risk. */
      services: z.array(serviceName),
    }),
  ),
  services: z.array(
    z.strictObject({
      name: serviceName,
      modules: z.array(moduleId),
      endpoints: z.array(z.string()),
      /** Tables it owns (it is their main writer). */
      tables: z.array(z.string()),
      /** Tables it reads but does not own. */
      reads: z.array(z.string()),
      dependsOn: z.array(
        z.strictObject({
          service: serviceName,
          /** Symbols that would become remote calls, `file#symbol`. */
          symbols: z.array(z.string()),
          weight: z.number(),
          /** How many import sites use them. */
          calls: z.number().int(),
        }),
      ),
      /** 1 = extract first. */
      extractionOrder: z.number().int().positive(),
      extractionReasons: z.array(z.string()),
      scores: z.record(z.string(), z.number()),
    }),
  ),
  sharedKernel: z.array(moduleId),
  wiring: z.array(moduleId),
  cycles: z.array(z.array(moduleId)),
  metrics: metricsSchema,
  /** The same metrics for "one service per top-level domain folder". */
  baseline: z.strictObject({
    name: z.string(),
    services: z.array(z.strictObject({ name: serviceName, modules: z.array(moduleId) })),
    metrics: metricsSchema,
  }),
  risks: z.array(
    z.strictObject({
      kind: z.enum(['split-transaction', 'shared-write', 'cycle-across-services']),
      message: z.string(),
      services: z.array(serviceName),
      tables: z.array(z.string()),
      file: moduleId.optional(),
      line: z.number().int().optional(),
    }),
  ),
  /** The inputs that decided the proposal, so a run can be reproduced. */
  settings: z.strictObject({
    requestedServices: z.number().int().nullable(),
    chosenResolution: z.number().nullable(),
    seed: z.number().int(),
    weights: z.record(z.string(), z.number()),
    signals: z.array(z.string()),
    /** Why this many services: the resolutions tried and what each gave. */
    selection: z
      .strictObject({
        reason: z.string(),
        candidates: z.array(
          z.strictObject({ resolution: z.number(), services: z.number().int(), quality: z.number() }),
        ),
      })
      .optional(),
    /** `--expected` resolved to module -> service, so the what-if editor can show MoJoFM too. */
    expected: z.record(moduleId, serviceName).optional(),
    /** `--traffic`: the proxy's recorded sessions were used; how many, and how many endpoints matched no handler. */
    traffic: z
      .strictObject({
        sessions: z.number().int().nonnegative(),
        endpoints: z.number().int().nonnegative(),
        unmatchedEndpoints: z.number().int().nonnegative(),
      })
      .optional(),
  }),
  /** Run figures; excluded when comparing two runs. */
  stats: z.strictObject({
    files: z.number().int(),
    edgesByKind: z.record(z.string(), z.number().int()),
    durationMs: z.number(),
    peakRssBytes: z.number(),
  }),
  warnings: z.array(
    z.strictObject({
      code: z.string(),
      file: z.string().optional(),
      line: z.number().int().optional(),
      message: z.string(),
    }),
  ),
});

export type Analysis = z.infer<typeof analysisSchema>;
export type AnalysisModule = Analysis['modules'][number];
export type AnalysisService = Analysis['services'][number];
export type AnalysisTable = Analysis['tables'][number];
export type AnalysisEndpoint = Analysis['endpoints'][number];
export type Metrics = z.infer<typeof metricsSchema>;
