/**
 * Structural comparison of two parsed JSON documents: every differing leaf is reported with
 * its path (`$.items[3].price: 9.99 ≠ 10`), after the route's noise rules (ignored paths,
 * unordered arrays, numeric tolerance) have had their say.
 */
import { createPathMatcher, formatPath, type PathSegment } from './json-path.ts';
import type { Difference, NoiseRules } from './types.ts';

/** Past this many, the rest is one more of the same; the sample stays readable. */
const MAX_DIFFERENCES = 50;
const VALUE_CHARS = 120;

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export interface JsonRules {
  isIgnored: (path: readonly PathSegment[]) => boolean;
  isUnordered: (path: readonly PathSegment[]) => boolean;
  numericTolerance: number;
}

export function compileJsonRules(
  rules: Pick<NoiseRules, 'ignorePaths' | 'unorderedArrays' | 'numericTolerance'>,
): JsonRules {
  return {
    isIgnored: createPathMatcher(rules.ignorePaths),
    isUnordered: createPathMatcher(rules.unorderedArrays),
    numericTolerance: rules.numericTolerance,
  };
}

export function compareJson(expected: unknown, actual: unknown, rules: JsonRules): Difference[] {
  const differences: Difference[] = [];
  // One mutable path for the whole walk (push/pop): copying it per node cost more than the diff.
  walk(expected as Json, actual as Json, [], rules, differences);
  return differences;
}

export function renderJsonValue(value: unknown): string {
  if (value === undefined) return '(absent)';
  const text = JSON.stringify(value) ?? String(value);
  return text.length > VALUE_CHARS ? `${text.slice(0, VALUE_CHARS - 1)}…` : text;
}

function walk(a: Json, b: Json, path: PathSegment[], rules: JsonRules, out: Difference[]): void {
  if (out.length >= MAX_DIFFERENCES || rules.isIgnored(path)) return;
  if (typeof a === 'number' && typeof b === 'number') {
    if (Math.abs(a - b) > rules.numericTolerance) push(out, path, 'value', a, b);
    return;
  }
  const kindA = kindOf(a);
  if (kindA !== kindOf(b)) push(out, path, 'type', a, b);
  else if (kindA === 'array') walkArray(a as Json[], b as Json[], path, rules, out);
  else if (kindA === 'object')
    walkObject(a as Record<string, Json>, b as Record<string, Json>, path, rules, out);
  else if (a !== b) push(out, path, 'value', a, b);
}

function walkObject(
  a: Record<string, Json>,
  b: Record<string, Json>,
  path: PathSegment[],
  rules: JsonRules,
  out: Difference[],
): void {
  for (const key in a) {
    path.push(key);
    if (!Object.hasOwn(b, key)) {
      if (!rules.isIgnored(path)) push(out, path, 'missing', a[key], undefined);
    } else walk(a[key] as Json, b[key] as Json, path, rules, out);
    path.pop();
  }
  for (const key in b) {
    if (Object.hasOwn(a, key)) continue;
    path.push(key);
    if (!rules.isIgnored(path)) push(out, path, 'extra', undefined, b[key]);
    path.pop();
  }
}

function walkArray(a: Json[], b: Json[], path: PathSegment[], rules: JsonRules, out: Difference[]): void {
  if (rules.isUnordered(path)) {
    a = sortCanonically(a, path, rules);
    b = sortCanonically(b, path, rules);
  }
  if (a.length !== b.length) push(out, path, 'length', `${a.length} items`, `${b.length} items`, true);
  const common = Math.min(a.length, b.length);
  for (let i = 0; i < common; i++) {
    path.push(i);
    walk(a[i] as Json, b[i] as Json, path, rules, out);
    path.pop();
  }
}

/** Multiset comparison: sort both sides by a canonical form that leaves ignored fields out. */
function sortCanonically(items: Json[], path: PathSegment[], rules: JsonRules): Json[] {
  const keyed = items.map((item, i) => ({ item, key: canonical(item, [...path, i], rules) }));
  keyed.sort((x, y) => (x.key < y.key ? -1 : x.key > y.key ? 1 : 0));
  return keyed.map((entry) => entry.item);
}

function canonical(value: Json, path: PathSegment[], rules: JsonRules): string {
  if (rules.isIgnored(path)) return '';
  if (Array.isArray(value)) return `[${value.map((v, i) => canonical(v, [...path, i], rules)).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const keys = Object.keys(value).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonical(value[k] as Json, [...path, k], rules)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

function kindOf(value: Json): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

function push(
  out: Difference[],
  path: PathSegment[],
  kind: Difference['kind'],
  expected: unknown,
  actual: unknown,
  raw = false,
): void {
  out.push({
    path: formatPath(path),
    kind,
    expected: raw ? String(expected) : renderJsonValue(expected),
    actual: raw ? String(actual) : renderJsonValue(actual),
  });
}
