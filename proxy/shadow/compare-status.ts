import type { Difference } from './types.ts';

/** Status codes must be equal: a 404 for a 200 is the loudest difference there is. */
export function compareStatus(expected: number, actual: number): Difference[] {
  return expected === actual
    ? []
    : [{ path: 'status', kind: 'status', expected: String(expected), actual: String(actual) }];
}
