/** The side panel: metrics beside the proposal and baseline, the selected service, crossings, shared tables. */
import type { Analysis, Metrics } from '../../analysis.ts';
import type { Assignment, PartitionView } from '../partition-view.ts';
import { compareMetric, formatNumber, METRIC_INFO } from '../view.ts';
import { h, replaceChildren } from './dom.ts';

export function renderMetrics(target: HTMLElement, now: Metrics, analysis: Analysis): void {
  const rows = METRIC_INFO.filter(
    (info) => now[info.key] !== undefined || analysis.metrics[info.key] !== undefined,
  ).map((info) => {
    const value = now[info.key];
    const proposed = analysis.metrics[info.key];
    const verdict =
      value === undefined || proposed === undefined ? 'same' : compareMetric(info, value, proposed);
    return h(
      'tr',
      { 'data-metric': info.key },
      h('th', { title: `${info.better} is better` }, info.label),
      h('td', { class: `now ${verdict}` }, formatNumber(value)),
      h('td', {}, formatNumber(proposed)),
      h('td', {}, formatNumber(analysis.baseline.metrics[info.key])),
    );
  });
  replaceChildren(
    target,
    h(
      'table',
      { class: 'metrics' },
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          h('th', {}, 'Metric'),
          h('th', {}, 'Edited'),
          h('th', {}, 'Proposal'),
          h('th', {}, analysis.baseline.name),
        ),
      ),
      h('tbody', {}, rows),
    ),
  );
}

/** The menu entry that splits a module out into a service of its own. */
export const NEW_SERVICE = '\0new';

export interface ServiceDetailsContext {
  analysis: Analysis;
  assignment: Assignment;
  view: PartitionView;
  service: string;
  colourOf(service: string): string;
  onMove(moduleId: string, service: string): void;
  onOpenModules(service: string): void;
  onShowServices(): void;
}

export function renderServiceDetails(target: HTMLElement, ctx: ServiceDetailsContext): void {
  const { analysis, assignment, view, service } = ctx;
  const current = view.services.find((s) => s.name === service);
  if (!current) {
    replaceChildren(target, h('p', { class: 'muted' }, `${service} has no modules left.`));
    return;
  }
  const names = view.services
    .map((s) => s.name)
    .concat(analysis.services.map((s) => s.name))
    .filter((n, i, all) => all.indexOf(n) === i);
  const modules = analysis.modules.filter((module) => assignment[module.id] === service);
  const endpoints = analysis.endpoints.filter((endpoint) => current.endpoints.includes(endpoint.id));
  const shared = new Map(view.sharedTables.map((table) => [table.name, table]));
  const owned = new Set(modules.flatMap((module) => module.tables.writes));
  const read = new Set(modules.flatMap((module) => module.tables.reads).filter((table) => !owned.has(table)));
  const outgoing = view.dependencies.filter((d) => d.from === service);
  const incoming = view.dependencies.filter((d) => d.to === service);
  const proposed = analysis.services.find((s) => s.name === service);

  replaceChildren(
    target,
    h('h2', { style: `border-color:${ctx.colourOf(service)}` }, service),
    proposed
      ? h(
          'p',
          { class: 'muted' },
          `Extraction rank ${proposed.extractionOrder}: ${proposed.extractionReasons.join('; ')}`,
        )
      : null,
    h(
      'div',
      { class: 'buttons' },
      h(
        'button',
        { type: 'button', id: 'open-modules', onclick: () => ctx.onOpenModules(service) },
        'Module graph',
      ),
      h('button', { type: 'button', onclick: () => ctx.onShowServices() }, 'All services'),
    ),
    h('h3', {}, `Modules (${modules.length})`),
    h(
      'ul',
      { class: 'modules', id: 'service-modules' },
      modules.map((module) =>
        h(
          'li',
          {},
          h(
            'code',
            { title: module.why.map((w) => `${w.signal} → ${w.module} (${w.weight})`).join('\n') },
            module.id,
          ),
          h('span', { class: 'muted' }, ` ${module.loc} LOC `),
          h(
            'select',
            {
              'data-module': module.id,
              'aria-label': `Move ${module.id} to another service`,
              onchange: (event: Event) => ctx.onMove(module.id, (event.target as HTMLSelectElement).value),
            },
            names.map((name) => {
              const option = h('option', { value: name }, name) as HTMLOptionElement;
              option.selected = name === service;
              return option;
            }),
            h('option', { value: NEW_SERVICE }, '+ new service…'),
          ),
        ),
      ),
    ),
    h('h3', {}, `Endpoints (${endpoints.length})`),
    h(
      'ul',
      { class: 'endpoints', id: 'service-endpoints' },
      endpoints.map((e) =>
        h(
          'li',
          {},
          h('span', { class: `method ${e.method.toLowerCase()}` }, e.method),
          ' ',
          h('code', {}, e.path),
        ),
      ),
    ),
    h('h3', {}, 'Tables'),
    h(
      'ul',
      { class: 'tables' },
      [...owned].sort().map((name) => tableItem(name, 'owns', shared.has(name))),
      [...read].sort().map((name) => tableItem(name, 'reads', shared.has(name))),
    ),
    h('h3', {}, 'Depends on'),
    outgoing.length === 0
      ? h('p', { class: 'muted' }, 'No other service.')
      : h(
          'ul',
          { class: 'deps' },
          outgoing.map((d) =>
            h('li', {}, h('b', {}, d.to), ` (${d.calls} call sites): `, h('code', {}, d.symbols.join(', '))),
          ),
        ),
    h('h3', {}, 'Called by'),
    h('p', {}, incoming.map((d) => d.from).join(', ') || 'No other service.'),
  );
}

function tableItem(name: string, side: string, isShared: boolean): HTMLElement {
  return h(
    'li',
    { class: isShared ? 'shared' : '' },
    h('code', {}, name),
    ` ${side}`,
    isShared ? h('span', { class: 'badge' }, 'shared') : null,
  );
}

export function renderCrossings(target: HTMLElement, view: PartitionView): void {
  replaceChildren(
    target,
    view.crossings.length === 0
      ? h('p', { class: 'muted' }, 'No import crosses a boundary.')
      : h(
          'ul',
          {},
          view.crossings.map((c) =>
            h(
              'li',
              {},
              h('b', {}, `${c.fromService} → ${c.toService}`),
              ' ',
              h('code', {}, `${c.from} → ${c.to}`),
              ` ${c.kind}: ${c.symbols.join(', ') || '(whole module)'}`,
            ),
          ),
        ),
  );
}

export function renderSharedTables(target: HTMLElement, view: PartitionView): void {
  replaceChildren(
    target,
    view.sharedTables.length === 0
      ? h('p', { class: 'muted' }, 'No table is shared.')
      : h(
          'ul',
          {},
          view.sharedTables.map((table) =>
            h(
              'li',
              { class: table.sharedWrite ? 'shared-write' : 'shared' },
              h('code', {}, table.name),
              ': ',
              table.services
                .map((s) => `${s.service} (${[s.reads ? 'r' : '', s.writes ? 'w' : ''].join('')})`)
                .join(', '),
              table.sharedWrite ? h('span', { class: 'badge danger' }, 'written by several') : null,
            ),
          ),
        ),
  );
}

export function renderMoves(
  target: HTMLElement,
  moves: Array<{ module: string; from: string; to: string }>,
): void {
  replaceChildren(
    target,
    moves.length === 0
      ? h('p', { class: 'muted' }, 'No module moved yet: pick another service in a module’s menu.')
      : h(
          'ul',
          {},
          moves.map((m) => h('li', {}, h('code', {}, m.module), `: ${m.from} → ${m.to}`)),
        ),
  );
}
