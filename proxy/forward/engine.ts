/**
 * The forwarding engine interface: send one request to one upstream and hand back the
 * response head with a streaming body, or a classified failure. Everything that must behave
 * the same whatever the engine (routing, header rules, fallback, breaker, served-by header,
 * shadow capture) lives in the pipeline around it; `test/proxy/forward/engine.contract.ts`
 * runs the whole behaviour against each engine.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Duplex, Readable } from 'node:stream';
import type { ServiceTarget } from '../model.ts';
import type { HeaderMap } from './headers.ts';

export type EngineName = 'undici' | 'http-proxy-middleware';

export interface OutboundRequest {
  req: IncomingMessage;
  /** The client response: engines watch it to abort the upstream when the client leaves. */
  res: ServerResponse;
  upstream: ServiceTarget;
  /** Normalised path plus query string, exactly as matched. */
  path: string;
  headers: HeaderMap;
  /** A buffered body (replayable), a stream to send once, or null for no body. */
  body: Buffer | Readable | null;
  timeoutMs: number;
}

export interface UpstreamResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Readable;
}

/**
 * - unreachable: no connection was made, the upstream never saw the request.
 * - reset: the connection failed after the request may have been sent, before a response.
 * - timeout: no response head within `timeoutMs`.
 * - client-aborted: the client went away first; nothing to answer.
 */
export type FailureKind = 'unreachable' | 'reset' | 'timeout' | 'client-aborted';

export class ForwardFailure extends Error {
  readonly kind: FailureKind;
  constructor(kind: FailureKind, cause?: unknown) {
    super(`forward failed: ${kind}`, cause === undefined ? undefined : { cause });
    this.kind = kind;
  }
}

export interface UpgradeRequest {
  req: IncomingMessage;
  socket: Duplex;
  head: Buffer;
  upstream: ServiceTarget;
  path: string;
  headers: HeaderMap;
  /** Called when no connection to the upstream could be made and nothing was written yet. */
  onUnreachable: (error: unknown) => void;
}

export interface ForwardEngine {
  readonly name: EngineName;
  send(request: OutboundRequest): Promise<UpstreamResponse>;
  upgrade(request: UpgradeRequest): void;
  close(): Promise<void>;
}

const UNREACHABLE = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
  'UND_ERR_CONNECT_TIMEOUT',
]);

/**
 * Maps a socket or undici error to a failure kind; unknown errors count as `reset`.
 * Any error from the `connect` syscall is `unreachable`, whatever its code: both engines
 * write a request only once its socket is connected (undici fails the queued requests with
 * the connector's error while none is running; Node buffers writes until 'connect'), so no
 * byte of it left the proxy. The case it matters for: a service killed while our SYN sat
 * in its accept queue answers the handshake, then resets it, and the socket reports
 * `connect ECONNRESET`.
 */
export function classifyError(error: unknown): FailureKind {
  const code = (error as { code?: string } | null)?.code ?? '';
  if (UNREACHABLE.has(code) || isConnectError(error)) return 'unreachable';
  if (code === 'UND_ERR_HEADERS_TIMEOUT') return 'timeout';
  const cause = (error as { cause?: unknown } | null)?.cause;
  if (cause && cause !== error) {
    const inner = (cause as { code?: string }).code ?? '';
    if (UNREACHABLE.has(inner) || isConnectError(cause)) return 'unreachable';
  }
  return 'reset';
}

const isConnectError = (error: unknown): boolean =>
  (error as { syscall?: string } | null)?.syscall === 'connect';
