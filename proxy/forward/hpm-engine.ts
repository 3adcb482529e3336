/**
 * The reference engine: http-proxy-middleware, one instance per upstream origin with a
 * keep-alive agent, created once and reused (never per request). The embedded middleware
 * uses it. hpm owns the socket work; the response is self-handled so the pipeline can look
 * at the status before anything reaches the client (fallback on 5xx).
 *
 * Per-attempt data (normalised path, the promise to settle) travels on the request under a
 * symbol: hpm hands `req` to every hook, and attempts on one request are sequential, so the
 * latest attempt is the one the hooks belong to.
 *
 * A body that is not the raw request (read ahead for a retry, or teed for shadow capture)
 * goes through http-proxy's `buffer` option, which it pipes instead of `req`. hpm copies its
 * options per request, synchronously, at the start of the middleware call
 * (`Object.assign({}, proxyOptions)`), so a getter returning the body of the call in
 * progress gives each request its own. The contract suite covers this for every body kind.
 */
import { Agent, type ClientRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { Readable } from 'node:stream';
import {
  createProxyMiddleware,
  debugProxyErrorsPlugin,
  type Options,
  type RequestHandler,
} from 'http-proxy-middleware';
import {
  classifyError,
  type ForwardEngine,
  ForwardFailure,
  type OutboundRequest,
  type UpgradeRequest,
  type UpstreamResponse,
} from './engine.ts';

const ATTEMPT = Symbol('strangler.attempt');

interface Attempt {
  origin: string;
  path: string;
  settled: boolean;
  timedOut: boolean;
  proxyReq: ClientRequest | null;
  rearm?: () => void;
  resolve: (response: UpstreamResponse) => void;
  reject: (failure: ForwardFailure) => void;
  onUnreachable?: (error: unknown) => void;
}

type WithAttempt = IncomingMessage & { [ATTEMPT]?: Attempt };

export function createHpmEngine(): ForwardEngine {
  const agent = new Agent({ keepAlive: true, keepAliveMsecs: 30_000 });
  const instances = new Map<string, RequestHandler>();
  const instanceFor = (url: string): RequestHandler => {
    let instance = instances.get(url);
    if (!instance) {
      instance = createInstance(url, agent);
      instances.set(url, instance);
    }
    return instance;
  };

  return {
    name: 'http-proxy-middleware',
    send(request: OutboundRequest): Promise<UpstreamResponse> {
      const req = request.req as WithAttempt;
      // http-proxy copies req.headers into the outgoing request once it has a socket; the
      // client's own headers are put back when the attempt settles, for a retry elsewhere.
      const originalHeaders = req.headers;
      return new Promise<UpstreamResponse>((resolve, reject) => {
        const attempt: Attempt = {
          origin: new URL(request.upstream.url).host,
          path: request.path,
          settled: false,
          timedOut: false,
          proxyReq: null,
          resolve: (response) => {
            if (attempt.settled) return;
            attempt.settled = true;
            req.headers = originalHeaders;
            clearTimeout(timer);
            resolve(response);
          },
          reject: (failure) => {
            if (attempt.settled) return;
            attempt.settled = true;
            req.headers = originalHeaders;
            clearTimeout(timer);
            reject(failure);
          },
        };
        const onTimeout = () => {
          attempt.timedOut = true;
          attempt.reject(new ForwardFailure('timeout'));
          attempt.proxyReq?.destroy();
        };
        // Like undici's headersTimeout: the wait for the response head counts from the end of
        // the upload (re-armed on 'finish' below), so a large body is not a timeout.
        let timer = setTimeout(onTimeout, request.timeoutMs);
        attempt.rearm = () => {
          clearTimeout(timer);
          if (!attempt.settled) timer = setTimeout(onTimeout, request.timeoutMs);
        };
        request.res.once('close', () => {
          if (!attempt.settled) {
            attempt.reject(new ForwardFailure('client-aborted'));
            attempt.proxyReq?.destroy();
          }
        });
        req[ATTEMPT] = attempt;
        req.headers = request.headers as IncomingMessage['headers'];
        const body = request.body;
        pendingBody =
          body === null || body === req ? undefined : Buffer.isBuffer(body) ? Readable.from([body]) : body;
        try {
          void instanceFor(request.upstream.url)(req, request.res, (error?: unknown) =>
            attempt.reject(new ForwardFailure('reset', error)),
          );
        } finally {
          pendingBody = undefined;
        }
      });
    },
    upgrade(upgrade: UpgradeRequest) {
      const req = upgrade.req as WithAttempt;
      const noop = () => {};
      req[ATTEMPT] = {
        origin: new URL(upgrade.upstream.url).host,
        path: upgrade.path,
        settled: false,
        timedOut: false,
        proxyReq: null,
        resolve: noop,
        reject: noop,
        onUnreachable: upgrade.onUnreachable,
      };
      req.headers = upgrade.headers as IncomingMessage['headers'];
      instanceFor(upgrade.upstream.url).upgrade(req, upgrade.socket as Socket, upgrade.head);
    },
    async close() {
      agent.destroy();
      instances.clear();
    },
  };
}

let pendingBody: Readable | undefined;

function createInstance(url: string, agent: Agent): RequestHandler {
  const options: Options<IncomingMessage, ServerResponse> = {
    target: url,
    agent,
    selfHandleResponse: true,
    changeOrigin: false,
    xfwd: false,
    ejectPlugins: true,
    pathRewrite: (_path, req) => (req as WithAttempt)[ATTEMPT]?.path ?? _path,
    plugins: [
      debugProxyErrorsPlugin,
      (proxyServer) => {
        proxyServer.on('proxyReq', (proxyReq, req) => {
          const attempt = (req as WithAttempt)[ATTEMPT];
          if (!attempt) return;
          attempt.proxyReq = proxyReq;
          if (attempt.rearm) proxyReq.once('finish', attempt.rearm);
        });
        proxyServer.on('proxyRes', (proxyRes, req) => {
          const attempt = (req as WithAttempt)[ATTEMPT];
          attempt?.resolve({ status: proxyRes.statusCode ?? 502, headers: proxyRes.headers, body: proxyRes });
        });
        proxyServer.on('error', (error, req, resOrSocket, target) => {
          const attempt = (req as WithAttempt)[ATTEMPT];
          const host = typeof target === 'object' && target && 'host' in target ? target.host : null;
          if (!attempt || (host && host !== attempt.origin)) return;
          const kind = attempt.timedOut ? 'timeout' : classifyError(error);
          if (attempt.onUnreachable) {
            if (kind === 'unreachable') attempt.onUnreachable(error);
            else (resOrSocket as Socket).destroy?.();
            return;
          }
          attempt.reject(new ForwardFailure(kind, error));
        });
        proxyServer.on('econnreset', (_error, req) => {
          (req as WithAttempt)[ATTEMPT]?.reject(new ForwardFailure('client-aborted'));
        });
      },
    ],
  };
  Object.defineProperty(options, 'buffer', { enumerable: true, get: () => pendingBody });
  return createProxyMiddleware(options);
}
