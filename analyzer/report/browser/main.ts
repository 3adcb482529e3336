/**
 * The interactive report's script (bundled by esbuild into report.html). State is the
 * assignment of modules to services; every move recomputes the partition view and the
 * analyzer's metrics and redraws.
 */
import type { Analysis } from '../../analysis.ts';
import { getAssignment } from '../../propose/what-if.ts';
import {
  type Assignment,
  type PartitionView,
  toConstraintsFile,
  toPartitionView,
} from '../partition-view.ts';
import { byId, h, replaceChildren } from './dom.ts';
import { createGraph } from './graph.ts';
import {
  NEW_SERVICE,
  renderCrossings,
  renderMetrics,
  renderMoves,
  renderServiceDetails,
  renderSharedTables,
} from './panel.ts';
import { search } from './search.ts';

const analysis = JSON.parse(byId('analysis-data').textContent ?? '{}') as Analysis;
const proposed = getAssignment(analysis);
const serviceNames = [...analysis.services]
  .sort((a, b) => a.extractionOrder - b.extractionOrder)
  .map((s) => s.name);
let assignment: Assignment = { ...proposed };
let selected: string | null = null;
let mode: 'services' | 'modules' = 'services';
let view: PartitionView = toPartitionView(analysis, assignment);

const graph = createGraph(byId('graph'), serviceNames, {
  onSelectService: (name) => select(name),
  onOpenService: (name) => openModules(name),
  onSelectModule: (id) => {
    const owner = assignment[id];
    if (owner && owner !== selected) select(owner);
  },
});

function recompute(): void {
  view = toPartitionView(analysis, assignment);
  renderMetrics(byId('metrics'), view.metrics, analysis);
  renderCrossings(byId('crossings'), view);
  renderSharedTables(byId('shared-tables'), view);
  const moves = Object.keys(assignment)
    .filter((id) => assignment[id] !== proposed[id])
    .map((id) => ({ module: id, from: proposed[id] ?? '–', to: assignment[id] as string }));
  renderMoves(byId('moves'), moves);
  byId('crossing-count').textContent = String(view.crossings.filter((crossing) => crossing.isCall).length);
  byId('shared-count').textContent = String(view.sharedTables.length);
  renderServiceList();
  renderDetails();
  draw();
}

function draw(): void {
  if (mode === 'modules' && selected) {
    graph.showModules(selected, analysis, assignment);
    byId('graph-title').textContent =
      `Modules of ${selected} (dashed: in other services; red: crosses the boundary)`;
  } else {
    mode = 'services';
    graph.showServices(view, selected);
    byId('graph-title').textContent =
      'Services (click for details, double-click for modules); amber: shared tables';
  }
}

function renderDetails(): void {
  const target = byId('service-details');
  if (!selected) {
    replaceChildren(
      target,
      h(
        'p',
        { class: 'muted' },
        'Click a service in the graph (or the list above) to see its modules, endpoints, tables and dependencies.',
      ),
    );
    return;
  }
  renderServiceDetails(target, {
    analysis,
    assignment,
    view,
    service: selected,
    colourOf: graph.colourOf,
    onMove: move,
    onOpenModules: openModules,
    onShowServices: () => {
      mode = 'services';
      draw();
    },
  });
}

function renderServiceList(): void {
  replaceChildren(
    byId('service-list'),
    view.services.map((service) =>
      h(
        'button',
        {
          type: 'button',
          class: service.name === selected ? 'chip active' : 'chip',
          'data-service': service.name,
          onclick: () => select(service.name),
        },
        h('span', { class: 'dot', style: `background:${graph.colourOf(service.name)}` }),
        service.name,
      ),
    ),
  );
}

function select(name: string): void {
  selected = name;
  graph.cy.batch(() => {
    graph.cy.edges().removeClass('focus');
    graph.cy.nodes('[type = "service"]').forEach((node) => {
      const isSelected = node.data('service') === name;
      node.toggleClass('selected', isSelected);
      if (isSelected) node.connectedEdges().addClass('focus');
    });
  });
  renderServiceList();
  renderDetails();
}

function openModules(name: string): void {
  selected = name;
  mode = 'modules';
  renderServiceList();
  renderDetails();
  draw();
}

function move(moduleId: string, service: string): void {
  if (service === NEW_SERVICE) service = askNewServiceName();
  if (assignment[moduleId] === service) return;
  assignment = { ...assignment, [moduleId]: service };
  recompute();
}

function askNewServiceName(): string {
  const taken = new Set(Object.values(assignment));
  let suggested = 'new-service';
  for (let n = 2; taken.has(suggested); n++) suggested = `new-service-${n}`;
  const name = (globalThis.prompt?.('Name of the new service', suggested) ?? '').trim();
  return name === '' ? suggested : name;
}

function exportConstraints(): void {
  const text = `${JSON.stringify(toConstraintsFile(assignment), null, 2)}\n`;
  const output = byId<HTMLTextAreaElement>('constraints-output');
  output.value = text;
  output.hidden = false;
  const link = h('a', {
    href: URL.createObjectURL(new Blob([text], { type: 'application/json' })),
    download: 'constraints.json',
  });
  document.body.append(link);
  link.click();
  link.remove();
}

byId('reset').addEventListener('click', () => {
  assignment = { ...proposed };
  recompute();
});
byId('export').addEventListener('click', exportConstraints);

const searchInput = byId<HTMLInputElement>('search');
searchInput.addEventListener('input', () => {
  const hits = search(analysis, assignment, searchInput.value);
  if (mode !== 'services' && hits.length > 0) {
    mode = 'services';
    draw();
  }
  graph.highlight(new Set(hits.flatMap((hit) => hit.nodes)));
  replaceChildren(
    byId('search-results'),
    hits.map((hit) =>
      h(
        'li',
        {},
        h(
          'button',
          { type: 'button', onclick: () => hit.service && select(hit.service) },
          h('span', { class: 'kind' }, hit.kind),
          ` ${hit.label}`,
          hit.service && hit.kind !== 'service' ? h('span', { class: 'muted' }, ` in ${hit.service}`) : null,
        ),
      ),
    ),
  );
});
searchInput.addEventListener('keydown', (event) => {
  if (event.key !== 'Escape') return;
  searchInput.value = '';
  searchInput.dispatchEvent(new Event('input'));
});

recompute();

/** For people poking at the page in devtools, and for the browser test. */
Object.assign(globalThis, {
  strangler: {
    cy: graph.cy,
    getMetrics: () => view.metrics,
    getAssignment: () => ({ ...assignment }),
    getView: () => view,
  },
});
