/**
 * The comparator: compiled once per rule set, then a pure function of two responses.
 * Status, then the configured headers (minus ignored ones), then the body.
 */
import { compareBody } from './compare-body.ts';
import { compareHeaders } from './compare-headers.ts';
import { compileJsonRules } from './compare-json.ts';
import { compareStatus } from './compare-status.ts';
import type { Comparison, NoiseRules, ObservedResponse } from './types.ts';

export type Comparator = (monolith: ObservedResponse, service: ObservedResponse) => Comparison;

export function createComparator(rules: NoiseRules, compareHeaderNames: readonly string[]): Comparator {
  const ignored = new Set(rules.ignoreHeaders.map((name) => name.toLowerCase()));
  const headerNames = compareHeaderNames
    .map((name) => name.toLowerCase())
    .filter((name) => !ignored.has(name));
  const jsonRules = compileJsonRules(rules);
  return (monolith, service) => {
    const differences = [
      ...compareStatus(monolith.status, service.status),
      ...compareHeaders(monolith.headers, service.headers, headerNames),
      ...compareBody(monolith, service, jsonRules),
    ];
    return { matched: differences.length === 0, differences };
  };
}
