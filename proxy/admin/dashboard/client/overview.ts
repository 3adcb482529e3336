/**
 * The overview: migration progress (endpoints per mode, traffic share chart, services) and
 * the routes table with its filter and search. Built once; `update` refills the parts that change.
 */
import { shareChart } from './chart.ts';
import { type Child, field, fill, h } from './dom.ts';
import * as f from './format.ts';
import {
  countModes,
  liveShare,
  MODES,
  type RouteChange,
  type RouteRow,
  type Snapshot,
  serviceHealth,
  shareSeries,
  toRouteRows,
} from './model.ts';

export const CHART_MINUTES = 15;

export interface OverviewView {
  element: HTMLElement;
  update(now: Snapshot, previous: Snapshot | null, history: RouteChange[]): void;
}

export function createOverview(): OverviewView {
  const modes = h('div', { class: 'modes', id: 'modes' });
  const chart = h('div', { class: 'chart-box', id: 'share-chart' });
  const shareText = h('p', { class: 'share-text', id: 'share-text' });
  const services = h('div', { id: 'services' });
  const search = h('input', {
    type: 'search',
    id: 'route-search',
    placeholder: 'path, service or id',
    autocomplete: 'off',
  });
  const modeFilter = h(
    'select',
    { id: 'mode-filter' },
    h('option', { value: '' }, 'all modes'),
    MODES.map((mode) => h('option', { value: mode }, mode)),
  );
  const tbody = h('tbody', { id: 'routes-body' });
  const caption = h('p', { class: 'muted', id: 'routes-count', 'aria-live': 'polite' });
  const recent = h('div', { id: 'recent-changes' });
  let rows: RouteRow[] = [];

  const renderRows = () => {
    const term = search.value.trim().toLowerCase();
    const shown = rows.filter(
      (r) =>
        (!modeFilter.value || r.mode === modeFilter.value) &&
        (!term || `${r.key} ${r.service ?? ''} ${r.id}`.toLowerCase().includes(term)),
    );
    caption.textContent = `${shown.length} of ${rows.length} routes`;
    fill(
      tbody,
      shown.length === 0
        ? h('tr', {}, h('td', { colspan: 11, class: 'muted' }, 'No route matches the filter.'))
        : shown.map(routeRow),
    );
  };
  search.addEventListener('input', renderRows);
  modeFilter.addEventListener('change', renderRows);

  const element = h(
    'div',
    { class: 'overview' },
    h('h1', { class: 'visually-hidden' }, 'Migration overview'),
    h(
      'section',
      { class: 'cards', 'aria-labelledby': 'progress-title' },
      h('h2', { id: 'progress-title', class: 'visually-hidden' }, 'Migration progress'),
      h('div', { class: 'card' }, h('h3', {}, 'Endpoints per mode'), modes),
      h(
        'div',
        { class: 'card wide' },
        h('h3', {}, `Traffic share, last ${CHART_MINUTES} minutes`),
        shareText,
        chart,
        h(
          'p',
          { class: 'legend' },
          h('span', { class: 'key key-services' }, 'services'),
          h('span', { class: 'key key-monolith' }, 'monolith'),
          h('span', { class: 'key key-line' }, 'services share (right axis)'),
        ),
      ),
      h('div', { class: 'card' }, h('h3', {}, 'Services'), services),
    ),
    h(
      'section',
      { class: 'card routes', 'aria-labelledby': 'routes-title' },
      h(
        'div',
        { class: 'routes-head' },
        h('h2', { id: 'routes-title' }, 'Routes'),
        h('div', { class: 'filters' }, field('Search', search), field('Mode', modeFilter)),
      ),
      caption,
      h(
        'div',
        { class: 'table-wrap' },
        h(
          'table',
          { class: 'routes-table' },
          h(
            'thead',
            {},
            h(
              'tr',
              {},
              [
                'Method',
                'Path',
                'Service',
                'Mode',
                '%',
                'Requests',
                'req/s',
                'Errors',
                'p95',
                'Match',
                'Readiness',
              ].map((label) => h('th', { scope: 'col' }, label)),
            ),
          ),
          tbody,
        ),
      ),
    ),
    h(
      'section',
      { class: 'card', 'aria-labelledby': 'recent-title' },
      h('h2', { id: 'recent-title' }, 'Recent changes'),
      recent,
    ),
  );

  return {
    element,
    update(now, previous, history) {
      const counts = countModes(now.table.routes);
      const total = now.table.routes.length || 1;
      fill(
        modes,
        h(
          'div',
          { class: 'mode-bar', role: 'img', 'aria-label': MODES.map((m) => `${counts[m]} ${m}`).join(', ') },
          MODES.map((m) => {
            // CSSOM, not a style attribute: the page's CSP forbids inline styles.
            const segment = h('span', { class: `seg mode-${m}` });
            segment.style.flexGrow = String(counts[m]);
            return segment;
          }),
        ),
        h(
          'dl',
          { class: 'mode-counts' },
          MODES.map((m) =>
            h(
              'div',
              { 'data-mode': m },
              h('dt', {}, h('span', { class: `dot mode-${m}` }), m),
              h('dd', {}, String(counts[m])),
            ),
          ),
        ),
        h(
          'p',
          { class: 'muted' },
          `${Math.round(((counts.service + counts.canary) / total) * 100)}% of ${now.table.routes.length} endpoints take service traffic`,
        ),
      );
      const series = shareSeries(now.stats.minutes, Date.now(), CHART_MINUTES);
      fill(chart, shareChart(series));
      const live = liveShare(now.stats.live);
      const liveTotal = live.services + live.monolith;
      fill(
        shareText,
        h('strong', { id: 'live-share' }, f.percent(liveTotal ? live.services / liveTotal : null)),
        ` of ${f.count(liveTotal)} requests since ${f.time(now.stats.live.since)} were served by services`,
      );
      fill(services, servicesList(now));
      rows = toRouteRows(now, previous);
      renderRows();
      fill(recent, historyTable(history.slice(0, 8), true));
    },
  };
}

function servicesList(now: Snapshot): Child {
  const list = serviceHealth(now.table, now.stats.live);
  if (list.length === 0) return h('p', { class: 'muted' }, 'No service declared yet.');
  return h(
    'ul',
    { class: 'services' },
    list.map((s) =>
      h(
        'li',
        { 'data-service': s.name },
        h('span', { class: `health ${s.health}` }, s.health),
        h('strong', {}, s.name),
        h('span', { class: 'muted url' }, s.url),
        h(
          'span',
          { class: 'muted' },
          ` ${s.routes} routes · ${f.count(s.requests)} req · errors ${f.percent(s.errorRate)}`,
        ),
        h('span', { class: `breaker ${s.breaker}` }, `breaker ${s.breaker}`),
      ),
    ),
  );
}

function routeRow(r: RouteRow): HTMLElement {
  const href = `#/route/${encodeURIComponent(r.id)}`;
  return h(
    'tr',
    { 'data-route': r.id },
    h('td', { class: 'method' }, r.method),
    h('td', { class: 'path' }, h('a', { href, 'data-focus': r.id }, r.path)),
    h('td', {}, r.service ?? '–'),
    h('td', {}, h('span', { class: `pill mode-${r.mode}` }, r.mode)),
    h('td', { class: 'num', 'data-col': 'percent' }, r.mode === 'canary' ? `${r.percent}%` : '–'),
    h('td', { class: 'num', 'data-col': 'requests' }, f.count(r.requests)),
    h('td', { class: 'num', 'data-col': 'rps' }, f.perSecond(r.perSecond)),
    h('td', { class: 'num', 'data-col': 'errors' }, f.percent(r.errorRate)),
    h('td', { class: 'num', 'data-col': 'p95' }, f.ms(r.p95Ms)),
    h('td', { class: 'num', 'data-col': 'match' }, f.percent(r.matchRate)),
    h('td', { 'data-col': 'readiness' }, readinessBadge(r)),
  );
}

function readinessBadge(r: RouteRow): Child {
  if (!r.readiness) return h('span', { class: 'muted' }, '–');
  return r.readiness.ready
    ? h('span', { class: 'badge ok' }, 'ready')
    : h('span', { class: 'badge wait', title: r.readiness.reason ?? '' }, r.readiness.reason ?? 'not ready');
}

export function historyTable(history: RouteChange[], withRoute: boolean): Child {
  if (history.length === 0) return h('p', { class: 'muted' }, 'No change recorded yet.');
  return h(
    'div',
    { class: 'table-wrap' },
    h(
      'table',
      { class: 'history' },
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          ['Rev', 'Time', 'Actor', 'Kind', withRoute ? 'Route' : null, 'Before', 'After', 'Reason']
            .filter((x) => x !== null)
            .map((label) => h('th', { scope: 'col' }, label)),
        ),
      ),
      h(
        'tbody',
        {},
        history.map((c) =>
          h(
            'tr',
            { 'data-revision': c.revision },
            h('td', { class: 'num' }, String(c.revision)),
            h('td', {}, f.time(c.at)),
            h('td', {}, c.actor),
            h('td', {}, h('span', { class: `kind kind-${c.kind}` }, c.kind)),
            withRoute
              ? h(
                  'td',
                  { class: 'path' },
                  h('a', { href: `#/route/${encodeURIComponent(c.routeId)}` }, c.routeKey),
                )
              : null,
            h('td', {}, f.setting(c.before)),
            h('td', {}, f.setting(c.after)),
            h('td', { class: 'reason' }, c.reason ?? ''),
          ),
        ),
      ),
    ),
  );
}
