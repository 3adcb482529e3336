/**
 * Sends one copy of a captured request to a target (the service, or the monolith a second time
 * for noise learning) with undici over a keep-alive agent, reads the answer up to the capture
 * cap, and never throws past a timeout: the result says what happened.
 */
import { Agent, type Dispatcher, request } from 'undici';
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
  url: string;
  headers: Record<string, string | string[]>;
  body: Buffer | null;
}

export function createMirrorAgent(concurrency: number): Agent {
  return new Agent({ connections: concurrency, keepAliveTimeout: 10_000, pipelining: 1 });
}

export async function sendMirror(
  agent: Agent,
  mirror: MirrorRequest,
  limits: { timeoutMs: number; captureBytes: number },
): Promise<MirrorResult> {
  const started = performance.now();
  const elapsed = () => performance.now() - started;
  const headers: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(mirror.headers)) {
    if (!DROPPED_HEADERS.has(name.toLowerCase())) headers[name] = value;
  }
  headers[SHADOW_HEADER] = '1';
  const withBody =
    mirror.body !== null && mirror.body.length > 0 && mirror.method !== 'GET' && mirror.method !== 'HEAD';
  try {
    const response = await request(new URL(mirror.url, mirror.baseUrl), {
      dispatcher: agent,
      method: mirror.method as 'GET',
      headers,
      body: withBody ? mirror.body : undefined,
      // Per-phase timeouts rather than an AbortSignal per request: a timer per mirror showed in
      // profiles, and a service trickling bytes still cannot hold a slot past captureBytes.
      headersTimeout: limits.timeoutMs,
      bodyTimeout: limits.timeoutMs,
    });
    const body = await readCapped(response.body, response.headers['content-length'], limits.captureBytes);
    return {
      ok: true,
      response: {
        status: response.statusCode,
        headers: response.headers as Record<string, string | string[]>,
        body,
      },
      durationMs: elapsed(),
    };
  } catch (error) {
    return { ok: false, reason: describeFailure(error), durationMs: elapsed() };
  }
}

/** The body up to the cap, or null (and the rest discarded) when it is larger. */
async function readCapped(
  body: Dispatcher.ResponseData['body'],
  contentLength: string | string[] | undefined,
  cap: number,
): Promise<Buffer | null> {
  const declared = typeof contentLength === 'string' ? Number(contentLength) : Number.NaN;
  if (declared > cap) {
    body.destroy();
    return null;
  }
  if (Number.isFinite(declared)) return Buffer.from(await body.arrayBuffer());
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    size += chunk.length;
    if (size > cap) {
      body.destroy();
      return null;
    }
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
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
