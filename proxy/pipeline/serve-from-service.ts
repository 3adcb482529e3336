/**
 * Sending a request to its service, with the fallback rules in one place for the standalone
 * proxy and the embedded middleware:
 * - unreachable (no connection was made): any method may be retried on the monolith;
 * - reset, timeout, or a 5xx answer: only GET, HEAD and OPTIONS, since the service may have
 *   acted on the request;
 * - a retry needs the body again: bodies up to `retryBodyBytes` are read ahead for that.
 * Every failure counts against the service's circuit breaker; `onFallback` decides what
 * "the monolith" means (a forward in the standalone proxy, `next()` when embedded).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import type { Breakers } from '../forward/circuit-breaker.ts';
import { type ForwardEngine, ForwardFailure, type UpstreamResponse } from '../forward/engine.ts';
import { hasBody, toOutboundHeaders } from '../forward/headers.ts';
import { type PreparedBody, readReplayableBody } from '../forward/request-body.ts';
import type { RoutingDecision } from '../routing/create-router.ts';
import type { FallbackReason, ProxyStats } from '../stats/create-stats.ts';
import { relayResponse, sendProxyError } from './respond.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export interface ServiceForwarderDeps {
  engine: ForwardEngine;
  breakers: Breakers;
  stats: ProxyStats;
  logger: Logger;
  retryBodyBytes: number;
  timeoutMs: number;
  /** The override header (carries a secret), removed before forwarding. */
  strip: string | null;
  servedByHeader: string | false;
}

/** Receives the body again (null when the request had none) and why the service was skipped. */
export type OnFallback = (replay: Buffer | null, reason: FallbackReason) => void | Promise<void>;

export function createServiceForwarder(deps: ServiceForwarderDeps) {
  const { engine, breakers, stats, logger, servedByHeader } = deps;
  return async (
    req: IncomingMessage,
    res: ServerResponse,
    decision: RoutingDecision,
    path: string,
    started: number,
    onFallback: OnFallback,
  ): Promise<void> => {
    const service = decision.target;
    const routeId = decision.route?.id ?? '(unmatched)';
    const method = req.method ?? 'GET';
    let prepared: PreparedBody | null = null;
    if (hasBody(req)) prepared = await readReplayableBody(req, deps.retryBodyBytes);
    // null: no body; undefined: a body too big to keep, so no retry is possible.
    const replay = prepared === null ? null : prepared.kind === 'buffer' ? prepared.body : undefined;
    const headers = toOutboundHeaders(req, {
      strip: deps.strip,
      bufferedLength: replay ? replay.length : null,
    });
    const fallBack = (reason: FallbackReason) => {
      stats.recordFallback(routeId, service.name, reason);
      logger.warn(
        { route: routeId, service: service.name, reason, method, path },
        'served by the monolith instead',
      );
      return onFallback(replay ?? null, reason);
    };
    let response: UpstreamResponse;
    try {
      response = await engine.send({
        req,
        res,
        upstream: service,
        path,
        headers,
        body: prepared?.body ?? null,
        timeoutMs: deps.timeoutMs,
      });
    } catch (error) {
      const kind = error instanceof ForwardFailure ? error.kind : 'reset';
      stats.recordError(routeId, service.name, kind, performance.now() - started);
      if (kind === 'client-aborted') {
        breakers.abandon(service.name);
        return;
      }
      breakers.failure(service.name);
      if (replay !== undefined && (kind === 'unreachable' || SAFE_METHODS.has(method))) return fallBack(kind);
      logger.warn(
        { route: routeId, service: service.name, kind, method },
        'service failed; no fallback for this request',
      );
      sendProxyError(res, kind === 'timeout' ? 504 : 502, `service ${kind}`, servedByHeader);
      return;
    }
    if (response.status >= 500) {
      breakers.failure(service.name);
      if (replay !== undefined && SAFE_METHODS.has(method)) {
        stats.recordError(routeId, service.name, 'status-5xx', performance.now() - started);
        response.body.resume();
        return fallBack('status-5xx');
      }
    } else breakers.success(service.name);
    relayResponse(res, response, servedByHeader, service.name);
    res.once('finish', () =>
      stats.recordResponse(routeId, service.name, response.status, performance.now() - started),
    );
  };
}
