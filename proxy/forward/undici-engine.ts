/**
 * The fast engine: one `undici.Pool` per upstream origin (keep-alive, created on first use
 * and reused for the life of the engine), request and response bodies streamed. It is the
 * standalone proxy's default (see docs/performance.md for why).
 */
import { EventEmitter } from 'node:events';
import { PassThrough, type Readable } from 'node:stream';
import { Pool } from 'undici';
import {
  classifyError,
  type ForwardEngine,
  ForwardFailure,
  type OutboundRequest,
  type UpstreamResponse,
} from './engine.ts';
import { forwardUpgrade } from './upgrade.ts';

export interface UndiciEngineOptions {
  /** Connections per upstream; beyond it requests queue in the pool. */
  connections?: number;
}

export function createUndiciEngine(options: UndiciEngineOptions = {}): ForwardEngine {
  const pools = new Map<string, Pool>();
  const poolFor = (url: string): Pool => {
    let pool = pools.get(url);
    if (!pool) {
      // bodyTimeout 0: server-sent events may stay silent for minutes; the client's own
      // disconnect ends them. headersTimeout is set per request from the config.
      pool = new Pool(url, {
        connections: options.connections ?? 128,
        bodyTimeout: 0,
        keepAliveTimeout: 30_000,
      });
      pools.set(url, pool);
    }
    return pool;
  };

  return {
    name: 'undici',
    async send(request: OutboundRequest): Promise<UpstreamResponse> {
      const { req, res } = request;
      // undici accepts an EventEmitter as the abort signal: cheaper than an AbortController
      // per request, and only ever fired when the client leaves first.
      const signal = new EventEmitter();
      let aborted = false;
      const onClose = () => {
        if (res.writableFinished) return;
        aborted = true;
        signal.emit('abort');
      };
      res.once('close', onClose);
      try {
        const response = await poolFor(request.upstream.url).request({
          method: req.method ?? 'GET',
          path: request.path,
          headers: request.headers,
          body: request.body === req ? detach(req) : (request.body as Buffer | Readable | null),
          headersTimeout: request.timeoutMs,
          signal,
        });
        return { status: response.statusCode, headers: response.headers, body: response.body };
      } catch (error) {
        res.off('close', onClose);
        if (aborted) throw new ForwardFailure('client-aborted', error);
        throw new ForwardFailure(classifyError(error), error);
      }
    },
    upgrade: forwardUpgrade,
    async close() {
      await Promise.all([...pools.values()].map((pool) => pool.close()));
      pools.clear();
    },
  };
}

/** undici destroys a failed body stream; destroying the IncomingMessage would kill the client socket. */
function detach(req: Readable): Readable {
  const copy = new PassThrough();
  req.pipe(copy);
  return copy;
}
