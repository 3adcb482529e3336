/**
 * One route: its setting and live numbers, the actions (change mode and percent, roll back,
 * each confirmed), the shadow comparison (last mismatch side by side, top differing paths, the
 * newest kept mismatches, a confirmed reset, learned noise) and its history.
 */

import type { RouteDiffDetail } from '../../../shadow/index.ts';
import { call, routePath } from './api.ts';
import { confirmAction, toast } from './confirm.ts';
import { sideBySide } from './diff.ts';
import { type Child, field, fill, h } from './dom.ts';
import * as f from './format.ts';
import { MODES, type RouteChange, type RouteDiffReport, type Snapshot, toRouteRows } from './model.ts';
import { historyTable } from './overview.ts';

/** Kept mismatches listed under the last one; the rest stay in `GET /diffs/:id`. */
const SAMPLES_SHOWN = 5;

export interface RoutePageView {
  element: HTMLElement;
  update(now: Snapshot, previous: Snapshot | null, history: RouteChange[]): void;
}

export function createRoutePage(routeId: string, refresh: () => Promise<void>): RoutePageView {
  const title = h('h1', { id: 'route-title', tabindex: -1 }, routeId);
  const summary = h('dl', { class: 'facts', id: 'route-facts' });
  const shadow = h('div', { id: 'route-shadow' });
  const samples = h('div', { id: 'route-samples' });
  const resetDiffs = h(
    'button',
    { type: 'button', id: 'action-reset-diffs', class: 'danger' },
    'Reset comparison results…',
  );
  const noise = h('div', { id: 'route-noise' });
  const history = h('div', { id: 'route-history' });
  const mode = h(
    'select',
    { id: 'action-mode', name: 'mode' },
    MODES.map((m) => h('option', { value: m }, m)),
  );
  const percent = h('input', {
    id: 'action-percent',
    name: 'percent',
    type: 'number',
    min: 0,
    max: 100,
    step: 1,
    inputmode: 'numeric',
  });
  const target = h('select', { id: 'action-target', name: 'target' });
  const reason = h('input', {
    id: 'action-reason',
    name: 'reason',
    type: 'text',
    maxlength: 500,
    placeholder: 'why (kept in the history)',
  });
  const apply = h('button', { type: 'submit', id: 'action-apply' }, 'Apply change…');
  const rollback = h(
    'button',
    { type: 'button', id: 'action-rollback', class: 'danger' },
    'Roll back last change…',
  );
  let routeKey = routeId;
  let formFilled = false;
  const syncPercent = () => {
    percent.disabled = mode.value !== 'canary';
  };
  mode.addEventListener('change', syncPercent);

  const form = h(
    'form',
    { class: 'actions', 'aria-labelledby': 'actions-title' },
    h('h2', { id: 'actions-title' }, 'Change this route'),
    h(
      'div',
      { class: 'fields' },
      field('Mode', mode),
      field('Canary %', percent),
      field('Service', target),
      field('Reason', reason, 'field grow'),
    ),
    h('div', { class: 'row-actions' }, rollback, apply),
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const body: Record<string, unknown> = { mode: mode.value };
    if (mode.value === 'canary') body.percent = Number(percent.value);
    if (target.value) body.target = target.value;
    if (reason.value.trim()) body.reason = reason.value.trim();
    const what = mode.value === 'canary' ? `canary ${body.percent}%` : mode.value;
    const text = `Switch ${routeKey} to ${what}${target.value && mode.value !== 'monolith' ? ` on ${target.value}` : ''}?${body.reason ? ` Reason: ${body.reason}` : ''}`;
    if (!(await confirmAction('Change route', text, 'Apply'))) return;
    await act(() => call('PUT', routePath(routeId), body), `${routeKey} is now ${what}.`);
  });
  rollback.addEventListener('click', async () => {
    const text = `Restore the setting ${routeKey} had before its last change?`;
    if (!(await confirmAction('Roll back route', text, 'Roll back'))) return;
    const body = reason.value.trim() ? { reason: reason.value.trim() } : {};
    await act(() => call('POST', `${routePath(routeId)}/rollback`, body), `${routeKey} rolled back.`);
  });
  resetDiffs.addEventListener('click', async () => {
    const text = `Forget the comparison counters, kept mismatches and learned noise of ${routeKey}? Readiness starts again from zero.`;
    if (!(await confirmAction('Reset comparison results', text, 'Reset'))) return;
    const body = reason.value.trim() ? { reason: reason.value.trim() } : {};
    await act(
      () => call('POST', `/diffs/${encodeURIComponent(routeId)}/reset`, body),
      `${routeKey}: comparison results reset.`,
    );
  });
  async function act(run: () => Promise<unknown>, message: string) {
    apply.disabled = true;
    rollback.disabled = true;
    try {
      await run();
      reason.value = '';
      formFilled = false;
      toast(message);
      await refresh();
    } catch (error) {
      toast((error as Error).message, 'error');
    } finally {
      apply.disabled = false;
      rollback.disabled = false;
    }
  }

  const element = h(
    'div',
    { class: 'route-page' },
    h('p', {}, h('a', { href: '#/', class: 'back' }, '← All routes')),
    title,
    h(
      'div',
      { class: 'route-grid' },
      h('section', { class: 'card' }, summary),
      h('section', { class: 'card' }, form),
    ),
    h(
      'section',
      { class: 'card', 'aria-labelledby': 'shadow-title' },
      h('h2', { id: 'shadow-title' }, 'Shadow comparison'),
      shadow,
      samples,
      h('div', { class: 'row-actions' }, resetDiffs),
    ),
    h(
      'section',
      { class: 'card', 'aria-labelledby': 'noise-title' },
      h('h2', { id: 'noise-title' }, 'Learned noise'),
      noise,
    ),
    h(
      'section',
      { class: 'card', 'aria-labelledby': 'history-title' },
      h('h2', { id: 'history-title' }, 'History'),
      history,
    ),
  );

  return {
    element,
    update(now, previous, changes) {
      const route = now.table.routes.find((r) => r.id === routeId);
      if (!route) {
        fill(summary, h('p', { class: 'error' }, `No route ${routeId}.`));
        return;
      }
      routeKey = route.key;
      title.textContent = route.key;
      document.title = `${route.key} · strangler`;
      const row = toRouteRows(now, previous).find((r) => r.id === routeId)!;
      fill(
        summary,
        fact('Mode', h('span', { class: `pill mode-${route.mode}` }, route.mode)),
        fact('Canary share', route.mode === 'canary' ? `${route.percent}%` : '–'),
        fact('Service', route.service ?? '–'),
        fact('Route id', h('code', {}, route.id)),
        fact('Requests', f.count(row.requests)),
        fact('req/s', f.perSecond(row.perSecond)),
        fact('Error rate', f.percent(row.errorRate)),
        fact('p95 latency', f.ms(row.p95Ms)),
        fact('Shadow match rate', f.percent(row.matchRate)),
        fact(
          'Readiness',
          row.readiness ? (row.readiness.ready ? 'ready' : (row.readiness.reason ?? 'not ready')) : '–',
        ),
      );
      if (!formFilled) {
        fill(
          target,
          h('option', { value: '' }, '(keep)'),
          now.table.services.map((s) => h('option', { value: s.name }, s.name)),
        );
        mode.value = route.mode;
        percent.value = String(route.percent);
        target.value = route.service ?? '';
        syncPercent();
        formFilled = true;
      }
      const report = now.diffs.find((d) => d.routeId === routeId);
      fill(shadow, shadowSection(report));
      // The kept mismatches are one route's detail, not part of the overview's poll.
      call<RouteDiffDetail>('GET', `/diffs/${encodeURIComponent(routeId)}`).then(
        (detail) => fill(samples, samplesSection(detail)),
        () => fill(samples),
      );
      fill(noise, noiseSection(report));
      fill(history, historyTable(changes, false));
    },
  };
}

const fact = (label: string, value: Child) => h('div', {}, h('dt', {}, label), h('dd', {}, value));

function shadowSection(report: RouteDiffReport | undefined): Child[] {
  if (!report) return [h('p', { class: 'muted' }, 'This route has not been shadowed.')];
  const c = report.counters;
  const parts: Child[] = [
    h(
      'dl',
      { class: 'facts compact' },
      fact('Matched', f.count(c.matched)),
      fact('Mismatched', f.count(c.mismatched)),
      fact('Failed', f.count(c.failed)),
      fact('Skipped', f.count(c.skipped)),
      fact('Match rate', f.percent(report.readiness.matchRate)),
    ),
  ];
  if (report.topPaths.length > 0)
    parts.push(
      h('h3', {}, 'Top differing paths'),
      h(
        'ul',
        { class: 'paths' },
        report.topPaths.map((p) => h('li', {}, h('code', {}, p.path), ` × ${p.count}`)),
      ),
    );
  const sample = report.lastMismatch;
  if (!sample) parts.push(h('p', { class: 'muted' }, 'No mismatch recorded.'));
  else
    parts.push(
      h(
        'h3',
        {},
        'Last mismatch ',
        h('span', { class: 'muted' }, `${sample.method} ${sample.url} at ${f.time(sample.at)}`),
      ),
      h(
        'div',
        { class: 'table-wrap' },
        h(
          'table',
          { class: 'differences' },
          h(
            'thead',
            {},
            h(
              'tr',
              {},
              ['Where', 'Kind', 'Monolith', 'Service'].map((l) => h('th', { scope: 'col' }, l)),
            ),
          ),
          h(
            'tbody',
            {},
            sample.differences.map((d) =>
              h(
                'tr',
                {},
                h('td', {}, h('code', {}, d.path)),
                h('td', {}, d.kind),
                h('td', { class: 'old' }, d.expected),
                h('td', { class: 'new' }, d.actual),
              ),
            ),
          ),
        ),
      ),
      sideBySide(sample.monolith, sample.service),
    );
  return parts;
}

function samplesSection(detail: RouteDiffDetail): Child[] {
  if (detail.samples.length <= 1) return [];
  return [
    h('h3', {}, `Kept mismatches `, h('span', { class: 'muted' }, `${detail.samples.length}, newest first`)),
    h(
      'ul',
      { class: 'paths', id: 'route-samples-list' },
      detail.samples.slice(0, SAMPLES_SHOWN).map((sample) => {
        const first = sample.differences[0];
        return h(
          'li',
          {},
          `${f.time(sample.at)} ${sample.method} ${sample.url} `,
          first ? h('code', {}, first.path) : null,
          first ? ` ${first.expected} ≠ ${first.actual}` : null,
          sample.differences.length > 1 ? ` (+${sample.differences.length - 1} more)` : null,
        );
      }),
    ),
  ];
}

function noiseSection(report: RouteDiffReport | undefined): Child {
  if (!report || report.learnedNoise.length === 0) return h('p', { class: 'muted' }, 'Nothing learned yet.');
  return h(
    'div',
    { class: 'table-wrap' },
    h(
      'table',
      {},
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          ['Path', 'Seen', 'Since', 'Example'].map((l) => h('th', { scope: 'col' }, l)),
        ),
      ),
      h(
        'tbody',
        {},
        report.learnedNoise.map((n) =>
          h(
            'tr',
            {},
            h('td', {}, h('code', {}, n.path)),
            h('td', { class: 'num' }, String(n.seen)),
            h('td', {}, f.time(n.firstSeenAt)),
            h('td', { class: 'reason' }, `${n.example.first} / ${n.example.second}`),
          ),
        ),
      ),
    ),
  );
}
