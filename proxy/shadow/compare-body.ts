/**
 * The body, compared by what it is: JSON structurally (paths), text as text (first differing
 * line), anything else by hash. The monolith's content type decides the kind.
 */
import { createHash } from 'node:crypto';
import { compareJson, type JsonRules } from './compare-json.ts';
import { classifyBody, decodeBody, headerValue } from './decode-body.ts';
import type { Difference, ObservedResponse } from './types.ts';

const LINE_CHARS = 120;
const EMPTY = Buffer.alloc(0);

export function compareBody(
  expected: ObservedResponse,
  actual: ObservedResponse,
  rules: JsonRules,
): Difference[] {
  const rawA = expected.body ?? EMPTY;
  const rawB = actual.body ?? EMPTY;
  const kind = classifyBody(expected.headers);
  const sameKind = kind !== 'json' || classifyBody(actual.headers) === 'json';
  // Identical bytes in the same encoding are identical JSON and text: the common case of a
  // matching service skips decompressing and parsing.
  if (
    sameKind &&
    rawA.equals(rawB) &&
    headerValue(expected.headers, 'content-encoding') === headerValue(actual.headers, 'content-encoding')
  )
    return [];
  const a = decodeBody(expected.headers, rawA);
  const b = decodeBody(actual.headers, rawB);
  if (sameKind && a.equals(b)) return [];
  if (kind === 'json') {
    const left = parseJson(a);
    const right = parseJson(b);
    if (left.ok && right.ok) return compareJson(left.value, right.value, rules);
    if (!left.ok && !right.ok) return compareText(a.toString('utf8'), b.toString('utf8'));
    return [
      {
        path: '$',
        kind: 'type',
        expected: left.ok ? 'JSON' : 'not JSON',
        actual: right.ok ? 'JSON' : 'not JSON',
      },
    ];
  }
  if (kind === 'text') return compareText(a.toString('utf8'), b.toString('utf8'));
  return a.equals(b) ? [] : [{ path: 'body', kind: 'hash', expected: describe(a), actual: describe(b) }];
}

function parseJson(body: Buffer): { ok: true; value: unknown } | { ok: false } {
  if (body.length === 0) return { ok: true, value: undefined };
  try {
    return { ok: true, value: JSON.parse(body.toString('utf8')) };
  } catch {
    return { ok: false };
  }
}

function compareText(a: string, b: string): Difference[] {
  if (a === b) return [];
  const left = a.split('\n');
  const right = b.split('\n');
  let line = 0;
  while (line < left.length && line < right.length && left[line] === right[line]) line++;
  return [
    {
      path: `body:line ${line + 1}`,
      kind: 'text',
      expected: cut(left[line] ?? '(end of body)'),
      actual: cut(right[line] ?? '(end of body)'),
    },
  ];
}

function cut(text: string): string {
  return text.length > LINE_CHARS ? `${text.slice(0, LINE_CHARS - 1)}…` : text;
}

function describe(body: Buffer): string {
  return `sha256:${createHash('sha256').update(body).digest('hex').slice(0, 16)} (${body.length} bytes)`;
}
