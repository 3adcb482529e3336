/**
 * Sends one copy of a captured request to a target (the service, or the monolith a second time
 * for noise learning) with undici over a keep-alive pool per target, reads the answer up to the
 * capture cap, and never throws past a timeout: the result says what happened.
 */
import { type Dispatcher, Pool } from 'undici';
import type { ObservedResponse } from './types.ts';

export const SHADOW_HEADER = 'x-strangler-shadow';

/** Hop-by-hop headers (RFC 9110 §7.6.1) and those undici computes itself. */
const DROPPED_HEADERS = new Set([
  'connection',
  'keep-alive',
  'proxy-connection',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
  'expect',
  'host',
  'content-length',
]);

export type MirrorResult =
  | { ok: true; response: ObservedResponse; durationMs: number }
  | { ok: false; reason: string; durationMs: number };

export interface MirrorRequest {
  baseUrl: string;
  method: string;
  /** Path plus query string, as sent to the monolith. */
  url: string;
  /** Already cleaned by `mirrorHeaders`. */
  headers: Record<string, string | string[]>;
  body: Buffer | null;
}

/** One keep-alive undici Pool per target origin, reused for the runner's life. */
export interface MirrorPools {
  poolFor(baseUrl: string): Pool;
  /** Aborts what is in flight (shutdown must not wait on a hanging service). */
  destroy(): Promise<void>;
}

export function createMirrorPools(connections: number): MirrorPools {
  const pools = new Map<string, Pool>();
  return {
    poolFor(baseUrl) {
      let pool = pools.get(baseUrl);
      if (!pool) {
        // The origin is parsed once per target, not per mirror (a URL per request showed in
        // profiles). Like the data plane's pools, a base URL's path is not prepended.
        pool = new Pool(new URL(baseUrl).origin, { connections, keepAliveTimeout: 10_000, pipelining: 1 });
        pools.set(baseUrl, pool);
      }
      return pool;
    },
    async destroy() {
      await Promise.all([...pools.values()].map((pool) => pool.destroy()));
      pools.clear();
    },
  };
}

/** The request's headers minus hop-by-hop ones, plus the shadow marker: built once per exchange. */
export function mirrorHeaders(source: Record<string, string | string[]>): Record<string, string | string[]> {
  const headers: Record<string, string | string[]> = {};
  for (const name in source) {
    if (!DROPPED_HEADERS.has(name.toLowerCase())) headers[name] = source[name]!;
  }
  headers[SHADOW_HEADER] = '1';
  return headers;
}

/**
 * Dispatched with undici's handler API rather than `request()`: the answer is collected from
 * its chunks straight into a Buffer, with no body stream per mirror (the stream and its consumer
 * were a good part of a mirror's CPU in profiles).
 */
export function sendMirror(
  pools: MirrorPools,
  mirror: MirrorRequest,
  limits: { timeoutMs: number; captureBytes: number },
): Promise<MirrorResult> {
  const started = performance.now();
  const withBody =
    mirror.body !== null && mirror.body.length > 0 && mirror.method !== 'GET' && mirror.method !== 'HEAD';
  return new Promise<MirrorResult>((resolve) => {
    let status = 0;
    let headers: Record<string, string | string[]> = {};
    const chunks: Buffer[] = [];
    let size = 0;
    let overCap = false;
    const answered = (body: Buffer | null) =>
      resolve({ ok: true, response: { status, headers, body }, durationMs: performance.now() - started });
    // Over the cap the rest is not read: the connection is dropped and the answer kept without a body.
    const giveUp = (controller: Dispatcher.DispatchController) => {
      overCap = true;
      chunks.length = 0;
      answered(null);
      controller.abort(new Error('shadow capture cap'));
    };
    const handler: Dispatcher.DispatchHandler = {
      // undici tells the handler API from its legacy one by this method: it must be present.
      onRequestStart() {},
      onResponseStart(controller, statusCode, responseHeaders) {
        if (statusCode < 200) return; // 1xx: informational, the answer is still to come
        status = statusCode;
        headers = responseHeaders as Record<string, string | string[]>;
        const declared = headers['content-length'];
        if (typeof declared === 'string' && Number(declared) > limits.captureBytes) giveUp(controller);
      },
      onResponseData(controller, chunk) {
        if (overCap) return;
        size += chunk.length;
        if (size > limits.captureBytes) giveUp(controller);
        else chunks.push(chunk);
      },
      onResponseEnd() {
        if (!overCap) answered(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, size));
      },
      onResponseError(_controller, error) {
        if (!overCap)
          resolve({ ok: false, reason: describeFailure(error), durationMs: performance.now() - started });
      },
    };
    try {
      pools.poolFor(mirror.baseUrl).dispatch(
        {
          method: mirror.method as Dispatcher.HttpMethod,
          path: mirror.url,
          headers: mirror.headers,
          body: withBody ? mirror.body : null,
          // Per-phase timeouts rather than an AbortSignal per request: a timer per mirror showed
          // in profiles, and a service trickling bytes still cannot hold a slot past captureBytes.
          headersTimeout: limits.timeoutMs,
          bodyTimeout: limits.timeoutMs,
        },
        handler,
      );
    } catch (error) {
      resolve({ ok: false, reason: describeFailure(error), durationMs: performance.now() - started });
    }
  });
}

/** Failure kinds named as the data plane names them: `timeout`, `refused`, `reset`, or the raw code. */
function describeFailure(error: unknown): string {
  const err = error as { name?: string; code?: string; cause?: { code?: string } };
  const code = err.code ?? err.cause?.code;
  if (err.name === 'TimeoutError' || code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'UND_ERR_BODY_TIMEOUT')
    return 'timeout';
  if (code === 'ECONNREFUSED') return 'refused';
  if (code === 'ECONNRESET' || code === 'EPIPE' || code === 'UND_ERR_SOCKET') return 'reset';
  return code ?? err.name ?? 'error';
}
