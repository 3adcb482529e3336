/**
 * Path normalisation: the one place that turns a raw request-target into the path the
 * matcher sees AND the upstream receives, so no spelling of a path can be routed one way
 * and interpreted another way (RFC 3986 §6.2.2: case and percent-encoding normalisation,
 * §5.2.4: dot-segment removal).
 *
 * - `%XX` of an unreserved character (A-Z a-z 0-9 - . _ ~) is decoded; other escapes keep
 *   their meaning and get upper-case hex, so `%2e%2E` is `..` and is removed like one.
 * - `//` collapses, `/./` and `/../` are resolved (never above the root).
 * - Ambiguous inputs are rejected instead of guessed: an encoded `/` or `\` (`%2F`, `%5C`),
 *   a raw `\`, a NUL byte, or a malformed escape. Servers disagree about those, which is
 *   exactly how routing bypasses are built.
 * Case and one trailing slash are not rewritten: the matcher ignores both, as Express does.
 */

export type NormalisedTarget =
  | { ok: true; path: string; query: string }
  | { ok: false; reason: 'malformed-escape' | 'encoded-separator' | 'backslash' | 'nul' | 'not-origin-form' };

const UNRESERVED = /[A-Za-z0-9\-._~]/;
// Fast path: a path made of plain characters only needs the segment checks.
const NEEDS_WORK = /%|\/\/|\/\.{1,2}(\/|$)|\\/;

export function normaliseTarget(rawUrl: string): NormalisedTarget {
  let url = rawUrl;
  if (url[0] !== '/') {
    // absolute-form (`GET http://host/path`), allowed by RFC 9112 §3.2.2 for proxies.
    if (!/^https?:\/\//i.test(url)) return { ok: false, reason: 'not-origin-form' };
    const afterScheme = url.indexOf('//') + 2;
    const slash = url.indexOf('/', afterScheme);
    const question = url.indexOf('?', afterScheme);
    if (slash === -1 || (question !== -1 && question < slash)) {
      url = `/${question === -1 ? '' : url.slice(question)}`;
    } else url = url.slice(slash);
  }
  const q = url.indexOf('?');
  const rawPath = q === -1 ? url : url.slice(0, q);
  const query = q === -1 ? '' : url.slice(q);
  if (!NEEDS_WORK.test(rawPath)) return { ok: true, path: rawPath, query };
  if (rawPath.includes('\\')) return { ok: false, reason: 'backslash' };
  const decoded = decodeUnreserved(rawPath);
  if (typeof decoded !== 'string') return { ok: false, reason: decoded.reason };
  return { ok: true, path: removeDotSegments(decoded), query };
}

function decodeUnreserved(
  path: string,
): string | { reason: 'malformed-escape' | 'encoded-separator' | 'nul' } {
  if (!path.includes('%')) return path;
  let out = '';
  for (let i = 0; i < path.length; i++) {
    const ch = path[i]!;
    if (ch !== '%') {
      out += ch;
      continue;
    }
    const hex = path.slice(i + 1, i + 3);
    if (!/^[0-9A-Fa-f]{2}$/.test(hex)) return { reason: 'malformed-escape' };
    const code = Number.parseInt(hex, 16);
    const char = String.fromCharCode(code);
    if (code === 0) return { reason: 'nul' };
    if (char === '/' || char === '\\') return { reason: 'encoded-separator' };
    out += UNRESERVED.test(char) ? char : `%${hex.toUpperCase()}`;
    i += 2;
  }
  return out;
}

/** Collapses empty segments and resolves `.`/`..`; keeps one trailing slash if there was one. */
function removeDotSegments(path: string): string {
  const input = path.split('/');
  const output: string[] = [];
  for (const segment of input) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') output.pop();
    else output.push(segment);
  }
  const last = input[input.length - 1];
  const trailing = output.length > 0 && (last === '' || last === '.' || last === '..');
  return `/${output.join('/')}${trailing ? '/' : ''}`;
}
