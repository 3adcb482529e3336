/**
 * The parallel run. The request path calls `onShadow(exchange)` after the client has its
 * monolith response; from there everything happens off the request path: decide whether to
 * mirror, queue (bounded; full means dropped and counted), send the copy to the service (and,
 * for a learning sample, to the monolith again), compare, redact, and hand outcomes to the
 * result store in batches. `onShadow` never throws and never waits.
 *
 * Per mirror the runner does as little as it can: plain matches, skips and failures are counters
 * in memory (only mismatches and learned noise are kept as objects), written in one transaction
 * every `flushEveryMs`; the comparator is compiled once per route; the headers are cleaned once.
 */
import type { CapturedExchange, Route, RouteTable } from '../model.ts';
import { type Comparator, createComparator } from './compare-responses.ts';
import { buildDiffsReport } from './diffs-report.ts';
import type { Guardrails } from './guardrails.ts';
import { generalizePath } from './json-path.ts';
import { learnNoise, mergeLearnedNoise, type NoiseCandidate } from './learn-noise.ts';
import { getNoiseRules } from './noise-rules.ts';
import type { ShadowSettings } from './options.ts';
import { createRedactor } from './redact.ts';
import type { ShadowResultStore, ShadowTally } from './result-store.ts';
import { createMirrorPools, type MirrorResult, mirrorHeaders, sendMirror } from './send-mirror.ts';
import { isSafeToRepeat, shouldMirror } from './should-mirror.ts';
import type {
  DiffsReport,
  LearnedNoise,
  ObservedResponse,
  ShadowOutcome,
  ShadowOutcomeKind,
} from './types.ts';
import { createWorkQueue } from './work-queue.ts';

export interface ShadowLogger {
  warn(object: object, message: string): void;
  error(object: object, message: string): void;
}

export interface ShadowRunnerDeps {
  getTable: () => RouteTable;
  options: ShadowSettings;
  results: ShadowResultStore;
  /** Service name → base URL; defaults to the route table's services. */
  services?: Record<string, string>;
  /** Defaults to the route table's monolith. */
  monolithUrl?: string;
  logger?: ShadowLogger;
  guardrails?: Guardrails;
  /** How often buffered outcomes are written (ms). */
  flushEveryMs?: number;
  random?: () => number;
}

export interface ShadowRunner {
  onShadow(exchange: CapturedExchange): void;
  /** Everything mirrored so far compared and written (tests, graceful shutdown). */
  settle(): Promise<void>;
  report(): DiffsReport;
  /** Forgets a route's results and learned noise, e.g. after the service was fixed and redeployed. */
  reset(routeId: string): void;
  readonly dropped: number;
  /** Mirrors queued or in flight right now. */
  readonly inFlight: number;
  close(): Promise<void>;
}

export function createShadowRunner(deps: ShadowRunnerDeps): ShadowRunner {
  const { options, results } = deps;
  const random = deps.random ?? Math.random;
  const queue = createWorkQueue(options.queueSize, options.concurrency);
  const pools = createMirrorPools(options.concurrency);
  const limits = { timeoutMs: options.timeoutMs, captureBytes: options.captureBytes };
  const redactor = createRedactor(options.redact, options.excerptBytes);
  const thresholds = {
    minComparisons: options.readiness.minComparisons,
    minMatchRate: options.readiness.minMatchPercent / 100,
  };
  const learned = new Map<string, LearnedNoise[]>();
  const mirrored = new Map<string, number>();
  /** Outcomes with something to keep (differing paths, a sample, learned noise). */
  let buffer: ShadowOutcome[] = [];
  /** Everything else, counted per route; `lastAt` is epoch ms, made ISO only when written. */
  let tallies = new Map<string, { tally: ShadowTally; lastAt: number }>();
  let dropped = 0;
  let closing = false;

  const flush = () => {
    if (buffer.length === 0 && tallies.size === 0) return;
    const batch = buffer;
    const counted = [...tallies.values()].map(({ tally, lastAt }) => ({
      ...tally,
      at: new Date(lastAt).toISOString(),
    }));
    buffer = [];
    tallies = new Map();
    try {
      results.record(batch, counted);
    } catch (error) {
      deps.logger?.error(
        { err: error, outcomes: batch.length, routes: counted.length },
        'shadow results could not be stored',
      );
    }
  };
  const timer = setInterval(flush, deps.flushEveryMs ?? 250);
  timer.unref();

  const emit = (route: Route, outcome: Omit<ShadowOutcome, 'routeId' | 'routeKey' | 'at'>) => {
    // Mirrors aborted by shutdown say nothing about the service.
    if (closing) return;
    if (!outcome.paths && !outcome.sample && !outcome.learned?.length)
      return count(route, outcome.kind, outcome.reason);
    buffer.push({ routeId: route.id, routeKey: route.key, at: new Date().toISOString(), ...outcome });
    if (buffer.length >= 200) flush();
  };

  const count = (route: Route, kind: ShadowOutcomeKind, reason?: string) => {
    let entry = tallies.get(route.id);
    if (!entry) {
      entry = {
        tally: {
          routeId: route.id,
          routeKey: route.key,
          counts: { matched: 0, mismatched: 0, failed: 0, skipped: 0 },
          reasons: {},
          at: '',
        },
        lastAt: 0,
      };
      tallies.set(route.id, entry);
    }
    entry.tally.routeKey = route.key;
    entry.tally.counts[kind]++;
    if (reason) entry.tally.reasons[reason] = (entry.tally.reasons[reason] ?? 0) + 1;
    entry.lastAt = Date.now();
  };

  const learnedFor = (routeId: string): LearnedNoise[] => {
    let known = learned.get(routeId);
    if (!known) {
      known = results.learnedNoise(routeId);
      learned.set(routeId, known);
    }
    return known;
  };

  /**
   * Compiled once per route until its options or its learned noise change: `compare` with the
   * learned noise, `configured` (the route's own rules only) for noise learning.
   */
  interface CompiledRoute {
    shadow: Route['shadow'];
    options: string;
    learned: LearnedNoise[];
    compare: Comparator;
    configured: Comparator;
  }
  const comparators = new Map<string, CompiledRoute>();
  const compiledFor = (route: Route): CompiledRoute => {
    const known = learnedFor(route.id);
    const cached = comparators.get(route.id);
    // The same options object is the common case; by value otherwise, since a store may hand
    // out a fresh route object with every table read.
    const routeOptions =
      cached && cached.shadow === route.shadow
        ? cached.options
        : route.shadow
          ? JSON.stringify(route.shadow)
          : '';
    if (cached && cached.options === routeOptions) {
      cached.shadow = route.shadow;
      if (cached.learned === known) return cached;
      cached.learned = known;
      cached.compare = createComparator(getNoiseRules(route.shadow, known), options.compareHeaders);
      return cached;
    }
    const compiled: CompiledRoute = {
      shadow: route.shadow,
      options: routeOptions,
      learned: known,
      compare: createComparator(getNoiseRules(route.shadow, known), options.compareHeaders),
      configured: createComparator(getNoiseRules(route.shadow), options.compareHeaders),
    };
    comparators.set(route.id, compiled);
    return compiled;
  };

  const targetUrl = (route: Route): string | undefined => {
    if (!route.service) return undefined;
    return (
      deps.services?.[route.service] ?? deps.getTable().services.find((s) => s.name === route.service)?.url
    );
  };
  const monolithUrl = () => deps.monolithUrl ?? deps.getTable().monolith.url;

  async function compareOne(exchange: CapturedExchange, serviceUrl: string): Promise<void> {
    const { route, request, primary } = exchange;
    const seen = (mirrored.get(route.id) ?? 0) + 1;
    mirrored.set(route.id, seen);
    const learning =
      isSafeToRepeat(request.method) && (seen <= options.learnFirst || random() * 100 < options.learnPercent);
    const headers = mirrorHeaders(request.headers);
    const { method, url, body } = request;
    const toService = sendMirror(pools, { baseUrl: serviceUrl, method, url, headers, body }, limits);
    const [service, second] = learning
      ? await Promise.all([
          toService,
          sendMirror(pools, { baseUrl: monolithUrl(), method, url, headers, body }, limits),
        ])
      : [await toService, null];
    // The primary is an ObservedResponse already (status, headers, body; durationMs unused).
    const monolith: ObservedResponse = primary;
    const candidates = second ? learnFrom(route, monolith, second) : [];
    const comparator = compiledFor(route).compare;

    if (!service.ok) return emit(route, { kind: 'failed', reason: service.reason, learned: candidates });
    if (service.response.body === null)
      return emit(route, { kind: 'skipped', reason: 'capture-cap', learned: candidates });
    const comparison = comparator(monolith, service.response);
    deps.guardrails?.recordComparison(route.id, comparison.matched);
    if (comparison.matched) return emit(route, { kind: 'matched', learned: candidates });
    const differences = redactor.differences(comparison.differences);
    emit(route, {
      kind: 'mismatched',
      paths: differences.map((difference) => generalizePath(difference.path)),
      learned: candidates,
      sample: {
        at: new Date().toISOString(),
        method: request.method,
        url: redactor.url(request.url),
        differences,
        monolith: redactor.excerpt(monolith),
        service: redactor.excerpt(service.response),
      },
    });
  }

  /** Compares two monolith answers under the route's configured rules only, so known noise is seen again. */
  function learnFrom(route: Route, first: ObservedResponse, second: MirrorResult): NoiseCandidate[] {
    if (!second.ok || second.response.body === null || first.body === null) return [];
    const found = redactCandidates(learnNoise(first, second.response, compiledFor(route).configured));
    learned.set(route.id, mergeLearnedNoise(learnedFor(route.id), found, new Date().toISOString()));
    return found;
  }

  function redactCandidates(found: NoiseCandidate[]): NoiseCandidate[] {
    return redactor
      .differences(
        found.map((c) => ({
          path: c.path,
          kind: 'value',
          expected: c.example.first,
          actual: c.example.second,
        })),
      )
      .map((d) => ({ path: d.path, example: { first: d.expected, second: d.actual } }));
  }

  return {
    onShadow(exchange) {
      if (closing) return;
      try {
        const { route, request, primary } = exchange;
        const decision = shouldMirror(route, request.method, random);
        if (!decision.mirror) {
          if (decision.reason === 'method') emit(route, { kind: 'skipped', reason: 'method' });
          return;
        }
        if (request.body === null || primary.body === null)
          return emit(route, { kind: 'skipped', reason: 'capture-cap' });
        const serviceUrl = targetUrl(route);
        if (!serviceUrl) return emit(route, { kind: 'skipped', reason: 'no-service' });
        const accepted = queue.offer(() =>
          compareOne(exchange, serviceUrl).catch((error: unknown) => {
            deps.logger?.error({ err: error, routeId: route.id }, 'shadow comparison failed');
            emit(route, { kind: 'failed', reason: 'internal' });
          }),
        );
        if (!accepted) {
          dropped++;
          emit(route, { kind: 'skipped', reason: 'queue-full' });
        }
      } catch (error) {
        // The request path must never see a shadow failure.
        deps.logger?.error({ err: error }, 'shadow mirror could not be queued');
      }
    },
    async settle() {
      await queue.drain();
      flush();
    },
    report() {
      flush();
      return buildDiffsReport(results.summaries(), deps.getTable(), thresholds, new Date().toISOString());
    },
    reset(routeId) {
      flush();
      results.reset(routeId);
      learned.delete(routeId);
      mirrored.delete(routeId);
      comparators.delete(routeId);
    },
    get dropped() {
      return dropped;
    },
    get inFlight() {
      return queue.pending + queue.running;
    },
    /** Shutdown must not wait for mirrors: queued ones are forgotten, in-flight ones aborted. */
    async close() {
      closing = true;
      clearInterval(timer);
      queue.clear();
      await pools.destroy();
      await queue.drain();
      flush();
    },
  };
}
