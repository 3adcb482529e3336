/**
 * The page's two graphs, drawn with cytoscape (inlined in the page as a global): services
 * with their dependencies and shared tables, and the modules inside one service with the
 * modules they reach in other services.
 */
import type cytoscapeType from 'cytoscape';
import type { Analysis } from '../../analysis.ts';
import type { Assignment, PartitionView } from '../partition-view.ts';
import { countOf } from '../view.ts';

const cytoscape = (globalThis as unknown as { cytoscape: typeof cytoscapeType }).cytoscape;
const CODE_KINDS = new Set(['import', 'type', 'dynamic', 'require', 'reexport']);
const PALETTE = [
  '#3b82f6',
  '#16a34a',
  '#a21caf',
  '#ea580c',
  '#4f46e5',
  '#0d9488',
  '#dc2626',
  '#ca8a04',
  '#0891b2',
  '#65a30d',
  '#db2777',
  '#7c3aed',
];

export interface GraphHandlers {
  onSelectService(name: string): void;
  onOpenService(name: string): void;
  onSelectModule(id: string): void;
}

export interface Graph {
  cy: cytoscapeType.Core;
  showServices(view: PartitionView, selected: string | null): void;
  showModules(service: string, analysis: Analysis, assignment: Assignment): void;
  /** Marks nodes matching a search; an empty set clears the marks. */
  highlight(nodeIds: ReadonlySet<string>): void;
  colourOf(service: string): string;
}

export function createGraph(container: HTMLElement, services: string[], handlers: GraphHandlers): Graph {
  const colours = new Map(services.map((name, index) => [name, PALETTE[index % PALETTE.length] as string]));
  const colourOf = (name: string) => {
    // Services created in the what-if editor get the next colour.
    if (!colours.has(name)) colours.set(name, PALETTE[colours.size % PALETTE.length] as string);
    return colours.get(name) as string;
  };
  const cy = cytoscape({ container, style: STYLE, wheelSensitivity: 0.3, minZoom: 0.2, maxZoom: 3 });
  cy.on('tap', 'node[type = "service"]', (event) => handlers.onSelectService(event.target.data('service')));
  cy.on('dbltap', 'node[type = "service"]', (event) => handlers.onOpenService(event.target.data('service')));
  cy.on('tap', 'node[type = "module"]', (event) => handlers.onSelectModule(event.target.id()));
  cy.on('tap', 'node[type = "external"]', (event) => handlers.onOpenService(event.target.data('service')));

  return {
    cy,
    colourOf,
    showServices(view, selected) {
      const elements: cytoscapeType.ElementDefinition[] = [];
      const maxLoc = Math.max(1, ...view.services.map((service) => service.loc));
      for (const service of view.services) {
        elements.push({
          data: {
            id: `svc:${service.name}`,
            type: 'service',
            service: service.name,
            label: `${service.name}\n${countOf(service.modules.length, 'module')} · ${countOf(service.endpoints.length, 'endpoint')}`,
            size: Math.round(60 + 60 * Math.sqrt(service.loc / maxLoc)),
            // Wide enough for the longer label line (~7 px per character at 12 px).
            width: Math.max(
              Math.round(60 + 60 * Math.sqrt(service.loc / maxLoc)),
              28 + 7 * Math.max(service.name.length, 24),
            ),
            colour: colourOf(service.name),
          },
          classes: service.name === selected ? 'selected' : '',
        });
      }
      for (const table of view.sharedTables) {
        elements.push({
          data: { id: `tbl:${table.name}`, type: 'table', label: table.name },
          classes: table.sharedWrite ? 'shared-write' : 'shared',
        });
        for (const access of table.services) {
          elements.push({
            data: {
              id: `acc:${table.name}:${access.service}`,
              source: `svc:${access.service}`,
              target: `tbl:${table.name}`,
              type: 'access',
            },
            classes: access.writes ? 'writes' : 'reads',
          });
        }
      }
      for (const dependency of view.dependencies) {
        elements.push({
          data: {
            id: `dep:${dependency.from}:${dependency.to}`,
            source: `svc:${dependency.from}`,
            target: `svc:${dependency.to}`,
            type: 'dependency',
            label: `${dependency.symbols.length} symbol${dependency.symbols.length === 1 ? '' : 's'}`,
            width: Math.min(8, 1.5 + dependency.calls),
          },
        });
      }
      replace(cy, elements);
      const order = new Map(elements.map((element, index) => [element.data.id as string, index]));
      // Services on the outer ring in extraction order, shared tables inside: deterministic,
      // and no two boxes overlap however many services there are.
      cy.layout({
        name: 'concentric',
        padding: 30,
        minNodeSpacing: 28,
        avoidOverlap: true,
        nodeDimensionsIncludeLabels: true,
        startAngle: (3 / 2) * Math.PI,
        concentric: (node: cytoscapeType.NodeSingular) => (node.data('type') === 'service' ? 2 : 1),
        levelWidth: () => 1,
        sort: (a: cytoscapeType.NodeSingular, b: cytoscapeType.NodeSingular) =>
          (order.get(a.id()) ?? 0) - (order.get(b.id()) ?? 0),
      } as unknown as cytoscapeType.LayoutOptions).run();
      cy.fit(undefined, 40);
    },
    showModules(service, analysis, assignment) {
      const inside = new Set(
        analysis.modules.filter((module) => assignment[module.id] === service).map((m) => m.id),
      );
      // Other services collapse to one node each; the shared kernel and wiring are left out
      // (everything uses them). Only code edges: those are what becomes a call or a library.
      const nodeOf = (id: string): string | null => {
        if (inside.has(id)) return id;
        const owner = assignment[id];
        return owner ? `ext:${owner}` : null;
      };
      const edges = new Map<string, cytoscapeType.ElementDefinition>();
      const external = new Map<string, number>();
      for (const edge of analysis.edges) {
        if (!CODE_KINDS.has(edge.kind) || !(inside.has(edge.from) || inside.has(edge.to))) continue;
        const source = nodeOf(edge.from);
        const target = nodeOf(edge.to);
        if (!source || !target || source === target) continue;
        const crosses = !(inside.has(edge.from) && inside.has(edge.to));
        for (const end of [source, target])
          if (end.startsWith('ext:')) external.set(end, (external.get(end) ?? 0) + 1);
        const key = `e:${source}>${target}`;
        const existing = edges.get(key);
        const symbols = [...new Set([...(existing?.data.symbols ?? []), ...edge.symbols])];
        edges.set(key, {
          data: {
            id: key,
            source,
            target,
            kind: edge.kind,
            symbols,
            label: crosses ? symbols.join(', ') : '',
          },
          classes: [crosses ? 'crossing' : '', edge.kind === 'type' && !existing ? 'type' : ''].join(' '),
        });
      }
      const elements: cytoscapeType.ElementDefinition[] = [
        ...[...inside].map((id) => ({
          data: { id, type: 'module', label: basename(id), colour: colourOf(service) },
        })),
        ...[...external.keys()].sort().map((id) => {
          const owner = id.slice('ext:'.length);
          return {
            data: {
              id,
              type: 'external',
              service: owner,
              label: `${owner} (service)`,
              colour: colourOf(owner),
            },
          };
        }),
      ];
      replace(cy, [...elements, ...edges.values()]);
      cy.layout({ name: 'circle', padding: 30 } as cytoscapeType.LayoutOptions).run();
      cy.layout({
        name: 'cose',
        animate: false,
        randomize: false,
        padding: 30,
        nodeDimensionsIncludeLabels: true,
        nodeRepulsion: () => 9000,
        idealEdgeLength: () => 70,
      } as cytoscapeType.LayoutOptions).run();
      cy.fit(undefined, 30);
    },
    highlight(nodeIds) {
      cy.batch(() => {
        cy.nodes().removeClass('match faded');
        if (nodeIds.size === 0) return;
        cy.nodes().forEach((node) => {
          node.addClass(nodeIds.has(node.id()) ? 'match' : 'faded');
        });
      });
    },
  };
}

function replace(cy: cytoscapeType.Core, elements: cytoscapeType.ElementDefinition[]): void {
  // The container may have changed size since the last draw (the panel and chips render first).
  cy.resize();
  cy.batch(() => {
    cy.elements().remove();
    cy.add(elements);
  });
}

function basename(id: string): string {
  return id.split('/').pop() ?? id;
}

const STYLE = [
  {
    selector: 'node',
    style: {
      label: 'data(label)',
      'font-size': 11,
      'text-wrap': 'wrap',
      'text-valign': 'center',
      color: '#0f172a',
    },
  },
  {
    selector: 'node[type = "service"]',
    style: {
      shape: 'round-rectangle',
      width: 'data(width)',
      height: 'data(size)',
      'background-color': 'data(colour)',
      'background-opacity': 0.22,
      'border-width': 2,
      'border-color': 'data(colour)',
      'text-max-width': '220px',
      'font-size': 12,
      'font-weight': 'bold',
    },
  },
  { selector: 'node.selected', style: { 'border-width': 5, 'background-opacity': 0.4 } },
  {
    selector: 'node[type = "table"]',
    style: {
      shape: 'barrel',
      width: 70,
      height: 34,
      'background-color': '#fde68a',
      'border-width': 2,
      'border-color': '#b45309',
      'font-size': 10,
    },
  },
  { selector: 'node.shared-write', style: { 'background-color': '#fca5a5', 'border-color': '#b91c1c' } },
  {
    selector: 'node[type = "module"], node[type = "external"]',
    style: {
      shape: 'round-rectangle',
      width: 'label',
      height: 26,
      padding: '6px',
      'font-size': 10,
      'background-color': 'data(colour)',
      'background-opacity': 0.18,
      'border-width': 1.5,
      'border-color': 'data(colour)',
    },
  },
  { selector: 'node[type = "external"]', style: { 'border-style': 'dashed', opacity: 0.75, height: 34 } },
  { selector: 'node.match', style: { 'border-width': 5, 'border-color': '#f59e0b', opacity: 1 } },
  { selector: 'node.faded', style: { opacity: 0.25 } },
  {
    selector: 'edge',
    style: {
      'curve-style': 'bezier',
      'target-arrow-shape': 'triangle',
      width: 1.5,
      'line-color': '#94a3b8',
      'target-arrow-color': '#94a3b8',
    },
  },
  {
    selector: 'edge[type = "dependency"]',
    style: {
      width: 'data(width)',
      label: 'data(label)',
      'text-rotation': 'autorotate',
      'text-margin-y': -8,
      'font-size': 9,
      'text-background-color': '#fff',
      'text-background-opacity': 0.8,
      'line-color': '#475569',
      'target-arrow-color': '#475569',
    },
  },
  {
    selector: 'edge[type = "access"]',
    style: { 'target-arrow-shape': 'none', 'line-color': '#d97706', 'line-style': 'dashed' },
  },
  { selector: 'edge.writes', style: { 'line-style': 'solid', width: 2.5 } },
  { selector: 'edge[type = "access"], edge[type = "dependency"]', style: { opacity: 0.55 } },
  { selector: 'edge.focus', style: { opacity: 1, 'z-index': 10 } },
  {
    selector: 'edge.crossing',
    style: { 'line-color': '#dc2626', 'target-arrow-color': '#dc2626', width: 2.5 },
  },
  { selector: 'edge.type', style: { 'line-style': 'dashed' } },
  { selector: 'edge.dynamic', style: { 'line-style': 'dotted' } },
  {
    selector: 'edge.data, edge.cochange, edge.traffic',
    style: { 'line-style': 'dotted', 'target-arrow-shape': 'none', opacity: 0.5 },
  },
] as unknown as cytoscapeType.StylesheetStyle[];
