/**
 * Only the configured headers are compared (content-type, location, cache-control by default):
 * `date`, `etag`, `x-request-id` and friends differ on every answer and say nothing.
 */
import { headerValue } from './decode-body.ts';
import type { Difference } from './types.ts';

export function compareHeaders(
  expected: Record<string, string | string[]>,
  actual: Record<string, string | string[]>,
  names: readonly string[],
): Difference[] {
  const differences: Difference[] = [];
  for (const name of names) {
    const a = normalise(headerValue(expected, name));
    const b = normalise(headerValue(actual, name));
    if (a !== b)
      differences.push({
        path: `header:${name}`,
        kind: 'header',
        expected: a ?? '(absent)',
        actual: b ?? '(absent)',
      });
  }
  return differences;
}

/** `application/json;charset=UTF-8` and `application/json; charset=utf-8` say the same. */
function normalise(value: string | undefined): string | undefined {
  return value
    ?.trim()
    .replace(/\s*;\s*/g, '; ')
    .toLowerCase();
}
