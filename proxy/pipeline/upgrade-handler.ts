/**
 * Upgrade requests (WebSocket) take the same routing decision as any request; the engine
 * splices the sockets. An unreachable service falls back to the monolith, like a request.
 */
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { Logger } from 'pino';
import type { Breakers } from '../forward/circuit-breaker.ts';
import type { ForwardEngine } from '../forward/engine.ts';
import { toOutboundHeaders } from '../forward/headers.ts';
import type { RouteTable } from '../model.ts';
import type { Router } from '../routing/create-router.ts';
import { normaliseTarget } from '../routing/normalise-path.ts';
import type { ProxyStats } from '../stats/create-stats.ts';

interface UpgradeDeps {
  getTable: () => RouteTable;
  route: Router;
  breakers: Breakers;
  engine: ForwardEngine;
  stats: ProxyStats;
  logger: Logger;
  strip: string | null;
  servedByHeader: string | false;
}

export function createUpgradeHandler(deps: UpgradeDeps) {
  const { engine, stats, logger, breakers } = deps;
  return (req: IncomingMessage, socket: Duplex, head: Buffer): void => {
    const table = deps.getTable();
    const target = normaliseTarget(req.url ?? '/');
    if (!target.ok) {
      stats.recordError('(invalid)', 'strangler', 'bad-request', 0);
      socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    const path = target.path + target.query;
    const decision = deps.route(table, req, target.path);
    const routeId = decision.route?.id ?? '(unmatched)';
    const headers = toOutboundHeaders(req, { strip: deps.strip, upgrade: true });
    const toMonolith = () => {
      stats.recordResponse(routeId, 'monolith', 101, 0);
      engine.upgrade({
        req,
        socket,
        head,
        upstream: table.monolith,
        path,
        headers,
        onUnreachable: (error) => {
          logger.error({ route: routeId, err: error }, 'the monolith refused an upgrade');
          socket.end('HTTP/1.1 502 Bad Gateway\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
        },
      });
    };
    const service = decision.target;
    if (decision.destination !== 'service' || !breakers.allow(service.name)) {
      if (decision.destination === 'service') stats.recordFallback(routeId, service.name, 'breaker-open');
      toMonolith();
      return;
    }
    engine.upgrade({
      req,
      socket,
      head,
      upstream: service,
      path,
      headers,
      onUnreachable: (error) => {
        breakers.failure(service.name);
        stats.recordFallback(routeId, service.name, 'unreachable');
        logger.warn(
          { route: routeId, service: service.name, err: error },
          'upgrade served by the monolith instead',
        );
        toMonolith();
      },
    });
    // A successful handshake is a success for the breaker as far as we can tell here.
    breakers.abandon(service.name);
  };
}
