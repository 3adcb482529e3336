/**
 * Side-by-side diff of the monolith's and the service's response excerpts: bodies are
 * pretty-printed when they are JSON, then lines are aligned with a longest-common-subsequence.
 */
import { h } from './dom.ts';
import type { RouteDiffReport } from './model.ts';

type Excerpt = NonNullable<RouteDiffReport['lastMismatch']>['monolith'];
type Row = { left: string | null; right: string | null; same: boolean };

export function toLines(excerpt: Excerpt): string[] {
  const head = [
    `HTTP ${excerpt.status}`,
    ...Object.entries(excerpt.headers).map(([k, v]) => `${k}: ${v}`),
    '',
  ];
  let body = excerpt.body;
  try {
    body = JSON.stringify(JSON.parse(body), null, 2);
  } catch {
    // Not JSON (or cut short): shown as it came.
  }
  return [...head, ...body.split('\n')].slice(0, 400);
}

export function alignLines(a: readonly string[], b: readonly string[]): Row[] {
  const n = a.length;
  const m = b.length;
  const lcs: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--)
    for (let j = m - 1; j >= 0; j--)
      lcs[i]![j] = a[i] === b[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
  const rows: Row[] = [];
  // Lines removed and added between two common lines are paired in order, so a changed value
  // sits beside its counterpart.
  let removed: string[] = [];
  let added: string[] = [];
  const flush = () => {
    for (let k = 0; k < Math.max(removed.length, added.length); k++)
      rows.push({ left: removed[k] ?? null, right: added[k] ?? null, same: false });
    removed = [];
    added = [];
  };
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[i] === b[j]) {
      flush();
      rows.push({ left: a[i++]!, right: b[j++]!, same: true });
    } else if (j < m && (i >= n || lcs[i]![j + 1]! >= lcs[i + 1]![j]!)) added.push(b[j++]!);
    else removed.push(a[i++]!);
  }
  flush();
  return rows;
}

export function sideBySide(monolith: Excerpt, service: Excerpt): HTMLElement {
  const rows = alignLines(toLines(monolith), toLines(service));
  const cell = (text: string | null, side: 'old' | 'new', same: boolean) =>
    h('td', { class: same ? 'same' : text === null ? 'gap' : side }, text ?? '');
  return h(
    'div',
    {
      class: 'diff-wrap',
      tabindex: 0,
      role: 'region',
      'aria-label': 'Side-by-side diff of the two responses',
    },
    h(
      'table',
      { class: 'diff' },
      h(
        'thead',
        {},
        h('tr', {}, h('th', { scope: 'col' }, 'monolith'), h('th', { scope: 'col' }, 'service')),
      ),
      h(
        'tbody',
        {},
        rows.map((row) => h('tr', {}, cell(row.left, 'old', row.same), cell(row.right, 'new', row.same))),
      ),
    ),
  );
}
