/**
 * JSON paths as the comparator reports them (`$.items[3].price`, `$['content-type']`) and the
 * patterns noise rules are written in: `*` / `[*]` stands for one key or index, `..` for any
 * depth (`$..requestId`). Patterns are parsed once per rule set into segment lists.
 */

export type PathSegment = string | number;
/** A parsed pattern: concrete keys and indices, `ANY` for one segment, `DEEP` for zero or more. */
export type PatternSegment = PathSegment | typeof ANY | typeof DEEP;

export const ANY = Symbol('any');
export const DEEP = Symbol('deep');

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

export function formatPath(segments: readonly PathSegment[]): string {
  let out = '$';
  for (const segment of segments) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else if (IDENTIFIER.test(segment)) out += `.${segment}`;
    else out += `[${JSON.stringify(segment).replace(/^"|"$/g, "'")}]`;
  }
  return out;
}

/** `$.items[3].price` → `$.items[*].price`: the same field in every element counts once. */
export function generalizePath(path: string): string {
  return path.replace(/\[\d+\]/g, '[*]');
}

export function parsePattern(pattern: string): PatternSegment[] {
  if (!pattern.startsWith('$')) throw new Error(`JSON path must start with $: ${pattern}`);
  const segments: PatternSegment[] = [];
  let i = 1;
  while (i < pattern.length) {
    if (pattern.startsWith('..', i)) {
      segments.push(DEEP);
      i += 2;
      i = readName(pattern, i, segments);
    } else if (pattern[i] === '.') {
      i = readName(pattern, i + 1, segments);
    } else if (pattern[i] === '[') {
      const end = findBracketEnd(pattern, i);
      const inner = pattern.slice(i + 1, end).trim();
      if (inner === '*') segments.push(ANY);
      else if (/^\d+$/.test(inner)) segments.push(Number(inner));
      else segments.push(inner.replace(/^['"]|['"]$/g, ''));
      i = end + 1;
    } else {
      throw new Error(`Unexpected "${pattern[i]}" at ${i} in JSON path ${pattern}`);
    }
  }
  return segments;
}

function readName(pattern: string, start: number, segments: PatternSegment[]): number {
  let end = start;
  while (end < pattern.length && pattern[end] !== '.' && pattern[end] !== '[') end++;
  const name = pattern.slice(start, end);
  if (name === '*') segments.push(ANY);
  else if (name !== '') segments.push(name);
  return end;
}

function findBracketEnd(pattern: string, start: number): number {
  const quote = pattern[start + 1];
  if (quote === "'" || quote === '"') {
    const close = pattern.indexOf(`${quote}]`, start + 2);
    if (close !== -1) return close + 1;
  }
  const end = pattern.indexOf(']', start);
  if (end === -1) throw new Error(`Unclosed [ in JSON path ${pattern}`);
  return end;
}

/** Whether a concrete path matches a parsed pattern exactly (not a prefix). */
export function matchesPattern(path: readonly PathSegment[], pattern: readonly PatternSegment[]): boolean {
  return matchFrom(path, 0, pattern, 0);
}

function matchFrom(
  path: readonly PathSegment[],
  p: number,
  pattern: readonly PatternSegment[],
  q: number,
): boolean {
  if (q === pattern.length) return p === path.length;
  const want = pattern[q];
  if (want === DEEP) {
    for (let skip = p; skip <= path.length; skip++) if (matchFrom(path, skip, pattern, q + 1)) return true;
    return false;
  }
  if (p === path.length) return false;
  const have = path[p];
  const same = want === ANY || want === have || (typeof want === 'number' && String(want) === have);
  return same && matchFrom(path, p + 1, pattern, q + 1);
}

/** A compiled list of patterns: one call answers "does any of them match this path". */
export function createPathMatcher(patterns: readonly string[]): (path: readonly PathSegment[]) => boolean {
  const parsed = patterns.map((pattern) => {
    const segments = parsePattern(pattern);
    // Without `..` a pattern matches paths of exactly its length: most nodes are rejected at once.
    return { segments, length: segments.includes(DEEP) ? -1 : segments.length };
  });
  if (parsed.length === 0) return () => false;
  return (path) =>
    parsed.some(
      ({ segments, length }) => (length === -1 || length === path.length) && matchesPattern(path, segments),
    );
}
