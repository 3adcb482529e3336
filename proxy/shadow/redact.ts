/**
 * Nothing secret reaches the result store: credentials headers always, plus the configured
 * names wherever they appear (header, JSON field at any depth, query parameter, diff path).
 */
import { classifyBody, decodeBody } from './decode-body.ts';
import type { Difference, ResponseExcerpt } from './types.ts';

export const REDACTED = '[redacted]';
const ALWAYS_REDACTED_HEADERS = ['authorization', 'proxy-authorization', 'cookie', 'set-cookie'];

export interface Redactor {
  headers(headers: Record<string, string | string[]>): Record<string, string>;
  url(url: string): string;
  differences(differences: readonly Difference[]): Difference[];
  excerpt(response: {
    status: number;
    headers: Record<string, string | string[]>;
    body: Buffer | null;
  }): ResponseExcerpt;
}

export function createRedactor(fields: readonly string[], excerptBytes: number): Redactor {
  const names = new Set(fields.map((field) => field.toLowerCase()));
  const secretHeaders = new Set([...ALWAYS_REDACTED_HEADERS, ...names]);
  const isSecret = (key: string) => names.has(key.toLowerCase());

  const headers = (input: Record<string, string | string[]>) => {
    const out: Record<string, string> = {};
    for (const [name, value] of Object.entries(input)) {
      out[name] = secretHeaders.has(name.toLowerCase())
        ? REDACTED
        : Array.isArray(value)
          ? value.join(', ')
          : value;
    }
    return out;
  };

  const redactJson = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(redactJson);
    if (value === null || typeof value !== 'object') return value;
    const out: Record<string, unknown> = {};
    for (const [key, child] of Object.entries(value)) out[key] = isSecret(key) ? REDACTED : redactJson(child);
    return out;
  };

  const body = (raw: Buffer, responseHeaders: Record<string, string | string[]>): string => {
    const decoded = decodeBody(responseHeaders, raw);
    const kind = classifyBody(responseHeaders);
    if (kind === 'binary') return `(${decoded.length} bytes, binary)`;
    let text = decoded.toString('utf8');
    if (kind === 'json' && names.size > 0) {
      try {
        text = JSON.stringify(redactJson(JSON.parse(text)));
      } catch {
        // Not JSON after all: kept as text, cut below.
      }
    }
    return Buffer.byteLength(text) > excerptBytes
      ? `${Buffer.from(text).subarray(0, excerptBytes).toString('utf8')}…`
      : text;
  };

  return {
    headers,
    url(url) {
      const query = url.indexOf('?');
      if (query === -1 || names.size === 0) return url;
      const params = new URLSearchParams(url.slice(query + 1));
      for (const key of [...params.keys()]) if (isSecret(key)) params.set(key, REDACTED);
      return `${url.slice(0, query)}?${params.toString()}`;
    },
    differences(differences) {
      return differences.map((difference) => {
        const keys = difference.path.match(/[A-Za-z_$][\w$-]*/g) ?? [];
        const secret = keys.some(isSecret) || secretHeaders.has(difference.path.replace(/^header:/, ''));
        return secret ? { ...difference, expected: REDACTED, actual: REDACTED } : difference;
      });
    },
    excerpt(response) {
      return {
        status: response.status,
        headers: headers(response.headers),
        body: response.body ? body(response.body, response.headers) : '(not captured: over the capture cap)',
        bytes: response.body?.length ?? 0,
      };
    },
  };
}
