/**
 * Writing to the client, in one place: an upstream response (status and headers as the
 * upstream sent them minus hop-by-hop ones, plus the served-by header, body streamed), or
 * the proxy's own short error answer.
 */
import type { ServerResponse } from 'node:http';
import type { UpstreamResponse } from '../forward/engine.ts';
import { type HeaderMap, toResponseHeaders } from '../forward/headers.ts';

export function relayResponse(
  res: ServerResponse,
  response: UpstreamResponse,
  servedByHeader: string | false,
  servedBy: string,
  onChunk?: (chunk: Buffer) => void,
): HeaderMap {
  const headers = toResponseHeaders(response.headers);
  const sent = servedByHeader ? { ...headers, [servedByHeader]: servedBy } : headers;
  res.writeHead(response.status, sent);
  const body = response.body;
  if (onChunk) body.on('data', onChunk);
  body.on('error', () => res.destroy());
  res.once('close', () => {
    if (!res.writableFinished) body.destroy();
  });
  body.pipe(res);
  return headers;
}

/** The proxy's own answer when no upstream could: plain text, never an upstream's body. */
export function sendProxyError(
  res: ServerResponse,
  status: 400 | 502 | 503 | 504,
  reason: string,
  servedByHeader: string | false,
): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  const body = `${status === 400 ? 'Bad Request' : 'Bad Gateway'}: ${reason}\n`;
  const headers: HeaderMap = {
    'content-type': 'text/plain; charset=utf-8',
    'content-length': String(Buffer.byteLength(body)),
  };
  if (servedByHeader) headers[servedByHeader] = 'strangler';
  res.writeHead(status, headers);
  res.end(body);
}
