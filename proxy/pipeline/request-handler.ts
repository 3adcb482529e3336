/**
 * The request path, one pipeline per request (drawn in docs/proxy.md):
 *
 *   normalise path ─► route (table read once) ─► breaker ─► forward ─► relay response
 *        │400                                      │open      │ failed before a response:
 *        ▼                                         ▼          ▼ retry on the monolith when allowed
 *   proxy error                                 monolith    (any method if unreachable, safe
 *                                                            methods on reset/timeout/5xx)
 *
 * Shadow routes (and the monolith's share of a canary with `shadow.duringCanary`) are served by
 * the monolith; bodies are teed up to a cap and handed to `onShadow` after the client's response
 * has finished, so mirroring never delays it.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Duplex, Readable } from 'node:stream';
import { type Breakers, createBreakers } from '../forward/circuit-breaker.ts';
import { createEngine } from '../forward/create-engine.ts';
import { ForwardFailure, type UpstreamResponse } from '../forward/engine.ts';
import { hasBody, toOutboundHeaders } from '../forward/headers.ts';
import { type Capture, createCapture, teeInto } from '../forward/request-body.ts';
import type { Route, RouteTable } from '../model.ts';
import { createRouter, type RoutingDecision } from '../routing/create-router.ts';
import { normaliseTarget } from '../routing/normalise-path.ts';
import { DEFAULT_LIMITS, type RequestHandlerOptions } from './options.ts';
import { relayResponse, sendProxyError } from './respond.ts';
import { createServiceForwarder } from './serve-from-service.ts';
import { createUpgradeHandler } from './upgrade-handler.ts';

export interface RequestHandler {
  (req: IncomingMessage, res: ServerResponse): void;
  upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void;
  /** The handler itself, for `createServer(handler.handle)`. */
  readonly handle: (req: IncomingMessage, res: ServerResponse) => void;
  readonly breakers: Breakers;
  close(): Promise<void>;
}

export function createRequestHandler(options: RequestHandlerOptions): RequestHandler {
  const { getTable, config, stats, logger, onShadow, onRouted } = options;
  const limits = {
    ...DEFAULT_LIMITS,
    ...(config.shadow ? { captureBytes: config.shadow.captureBytes } : {}),
    ...options.limits,
  };
  const engine = options.engine ?? createEngine(config.forward.engine);
  const servedByHeader = config.forward.servedByHeader;
  const timeoutMs = config.forward.timeoutMs;
  const strip = config.override?.header.toLowerCase() ?? null;
  const route = createRouter({ canary: config.canary, override: config.override });
  const breakers = createBreakers({
    failures: config.breaker.failures,
    openSeconds: config.breaker.openSeconds,
    onChange(service, from, to) {
      stats.recordBreaker(service, to);
      logger.warn({ service, from, to }, `circuit breaker for ${service}: ${from} → ${to}`);
    },
  });

  const forwardToMonolith = async (
    req: IncomingMessage,
    res: ServerResponse,
    routeId: string,
    table: RouteTable,
    path: string,
    headers: ReturnType<typeof toOutboundHeaders>,
    body: Buffer | Readable | null,
    started: number,
    capture?: { request: Capture | null; bodies: boolean; decision: RoutingDecision },
  ) => {
    let response: UpstreamResponse;
    try {
      response = await engine.send({ req, res, upstream: table.monolith, path, headers, body, timeoutMs });
    } catch (error) {
      const kind = error instanceof ForwardFailure ? error.kind : 'reset';
      stats.recordError(routeId, 'monolith', kind, performance.now() - started);
      if (kind !== 'client-aborted') {
        logger.error({ route: routeId, kind, err: error }, 'the monolith did not answer');
        sendProxyError(res, kind === 'timeout' ? 504 : 502, `monolith ${kind}`, servedByHeader);
      }
      return;
    }
    const responseCapture = capture?.bodies ? createCapture(limits.captureBytes) : null;
    const sentHeaders = relayResponse(
      res,
      response,
      servedByHeader,
      'monolith',
      responseCapture ? (c) => responseCapture.add(c) : undefined,
    );
    res.once('finish', () => {
      const durationMs = performance.now() - started;
      stats.recordResponse(routeId, 'monolith', response.status, durationMs);
      if (!capture || !onShadow || !capture.decision.route) return;
      try {
        onShadow({
          route: capture.decision.route,
          request: {
            method: req.method ?? 'GET',
            url: path,
            headers,
            body: !capture.bodies ? null : capture.request ? capture.request.bytes() : Buffer.alloc(0),
          },
          primary: {
            status: response.status,
            headers: sentHeaders,
            body: responseCapture ? responseCapture.bytes() : null,
            durationMs,
          },
        });
      } catch (error) {
        logger.error({ route: routeId, err: error }, 'the shadow runner failed');
      }
    });
  };

  const toService = createServiceForwarder({
    engine,
    breakers,
    stats,
    logger,
    retryBodyBytes: limits.retryBodyBytes,
    timeoutMs,
    strip,
    servedByHeader,
  });

  const run = async (req: IncomingMessage, res: ServerResponse) => {
    const started = performance.now();
    const table = getTable();
    const target = normaliseTarget(req.url ?? '/');
    if (!target.ok) {
      stats.recordError('(invalid)', 'strangler', 'bad-request', 0);
      logger.info({ url: req.url, reason: target.reason }, 'rejected an ambiguous request path');
      sendProxyError(res, 400, target.reason, servedByHeader);
      return;
    }
    const path = target.query ? target.path + target.query : target.path;
    const decision = route(table, req, target.path);
    onRouted?.(req, decision.route ?? null);
    if (decision.destination === 'service') {
      if (breakers.allow(decision.target.name)) {
        const routeId = decision.route?.id ?? '(unmatched)';
        return toService(req, res, decision, path, started, (replay) => {
          const headers = toOutboundHeaders(req, { strip, bufferedLength: replay ? replay.length : null });
          return forwardToMonolith(req, res, routeId, table, path, headers, replay, started);
        });
      }
      const routeId = decision.route?.id ?? '(unmatched)';
      stats.recordFallback(routeId, decision.target.name, 'breaker-open');
    }
    const routeId = decision.route?.id ?? '(unmatched)';
    const headers = toOutboundHeaders(req, { strip });
    const withBody = hasBody(req);
    if (decision.shadow && onShadow) {
      const bodies = mayBeMirrored(decision.route!, req.method ?? 'GET');
      const requestCapture = withBody && bodies ? createCapture(limits.captureBytes) : null;
      const body = requestCapture ? teeInto(req, requestCapture) : withBody ? req : null;
      return forwardToMonolith(req, res, routeId, table, path, headers, body, started, {
        request: requestCapture,
        bodies,
        decision,
      });
    }
    return forwardToMonolith(req, res, routeId, table, path, headers, withBody ? req : null, started);
  };

  const handler = ((req: IncomingMessage, res: ServerResponse) => {
    run(req, res).catch((error: unknown) => {
      logger.error({ err: error, url: req.url }, 'request failed inside the proxy');
      sendProxyError(res, 502, 'proxy error', servedByHeader);
    });
  }) as RequestHandler;
  handler.upgrade = createUpgradeHandler({
    getTable,
    route,
    breakers,
    engine,
    stats,
    logger,
    strip,
    servedByHeader,
  });
  Object.defineProperty(handler, 'breakers', { value: breakers });
  Object.defineProperty(handler, 'handle', { value: handler });
  handler.close = () => engine.close();
  return handler;
}

/**
 * Bodies are captured only when the shadow runner may mirror the exchange: GET, HEAD and the
 * methods a route opts in to (`ShadowOptions.methods` in model.ts). Other exchanges are still
 * handed over, with null bodies, so the runner can count them as skipped; a POST on a shadow
 * route then costs nothing extra.
 */
function mayBeMirrored(route: Route, method: string): boolean {
  if (method === 'GET' || method === 'HEAD') return true;
  return route.shadow?.methods?.some((m) => m.toUpperCase() === method) ?? false;
}
