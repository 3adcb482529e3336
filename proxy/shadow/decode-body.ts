/**
 * Bodies are captured as the bytes that crossed the wire; a service that compresses
 * differently from the monolith still gives the same answer, so compare decoded content.
 */
import { brotliDecompressSync, gunzipSync, inflateSync } from 'node:zlib';

export function headerValue(
  headers: Record<string, string | string[] | undefined>,
  name: string,
): string | undefined {
  const value = headers[name] ?? headers[name.toLowerCase()];
  return Array.isArray(value) ? value.join(', ') : value;
}

/** Returns the decoded body, or the raw bytes when the encoding is unknown or broken. */
export function decodeBody(headers: Record<string, string | string[]>, body: Buffer): Buffer {
  const encoding = headerValue(headers, 'content-encoding')?.trim().toLowerCase();
  if (!encoding || encoding === 'identity' || body.length === 0) return body;
  try {
    if (encoding === 'gzip' || encoding === 'x-gzip') return gunzipSync(body);
    if (encoding === 'deflate') return inflateSync(body);
    if (encoding === 'br') return brotliDecompressSync(body);
  } catch {
    // A corrupt body is compared as the bytes it is: the difference will show.
  }
  return body;
}

export type BodyKind = 'json' | 'text' | 'binary';

export function classifyBody(headers: Record<string, string | string[]>): BodyKind {
  const type = headerValue(headers, 'content-type')?.toLowerCase() ?? '';
  if (/[/+]json\b/.test(type)) return 'json';
  if (type.startsWith('text/') || /xml|javascript|x-www-form-urlencoded/.test(type)) return 'text';
  return 'binary';
}
