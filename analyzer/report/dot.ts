/** Graphviz DOT for the service map (`services.dot`) and the module map (rendered to `modules.svg`). */
import type { Analysis } from '../analysis.ts';
import type { ReportFile } from './types.ts';
import { CODE_EDGE_KINDS, countOf, getServicesInOrder, getSharedTables, toNodeId } from './view.ts';

const PALETTE = [
  '#dbeafe',
  '#dcfce7',
  '#fae8ff',
  '#ffedd5',
  '#e0e7ff',
  '#ccfbf1',
  '#fee2e2',
  '#fef9c3',
  '#cffafe',
  '#ecfccb',
  '#fce7f3',
  '#ede9fe',
];

export function toServicesDot(analysis: Analysis): string {
  const lines = [
    'digraph services {',
    '  graph [rankdir=LR, fontname="Helvetica", nodesep=0.5, ranksep=1];',
    '  node [fontname="Helvetica", fontsize=11, shape=box, style="rounded,filled"];',
    '  edge [fontname="Helvetica", fontsize=9, color="#475569"];',
  ];
  getServicesInOrder(analysis).forEach((service, index) => {
    const label = `${service.extractionOrder}. ${service.name}\\n${countOf(service.modules.length, 'module')}, ${countOf(service.endpoints.length, 'endpoint')}`;
    lines.push(
      `  ${toNodeId('svc', service.name)} [label=${quote(label)}, fillcolor=${quote(colour(index))}];`,
    );
  });
  for (const table of getSharedTables(analysis)) {
    lines.push(
      `  ${toNodeId('tbl', table.name)} [label=${quote(table.name)}, shape=cylinder, fillcolor="#fde68a", color="#b45309"];`,
    );
  }
  for (const service of getServicesInOrder(analysis)) {
    for (const dependency of service.dependsOn) {
      const label = `${dependency.symbols.length} symbols, ${dependency.calls} calls`;
      lines.push(
        `  ${toNodeId('svc', service.name)} -> ${toNodeId('svc', dependency.service)} [label=${quote(label)}, penwidth=${penwidth(dependency.weight)}];`,
      );
    }
  }
  for (const table of getSharedTables(analysis)) {
    for (const access of table.access) {
      if (!access.service) continue;
      const style = access.writes ? 'color="#b45309", penwidth=1.6' : 'style=dashed, color="#b45309"';
      lines.push(
        `  ${toNodeId('svc', access.service)} -> ${toNodeId('tbl', table.name)} [${style}, arrowhead=none];`,
      );
    }
  }
  lines.push('}');
  return `${lines.join('\n')}\n`;
}

/** Modules clustered by service; edges that cross the cut are red. */
export function toModulesDot(analysis: Analysis): string {
  const lines = [
    'digraph modules {',
    '  graph [rankdir=LR, fontname="Helvetica", fontsize=12, compound=true];',
    '  node [fontname="Helvetica", fontsize=9, shape=box, style="rounded,filled", fillcolor=white];',
    '  edge [color="#94a3b8", arrowsize=0.6];',
  ];
  const clusters: Array<{ name: string; label: string; modules: string[]; fill: string }> = [
    ...getServicesInOrder(analysis).map((service, index) => ({
      name: service.name,
      label: `${service.extractionOrder}. ${service.name}`,
      modules: service.modules,
      fill: colour(index),
    })),
    { name: 'shared-kernel', label: 'shared kernel', modules: analysis.sharedKernel, fill: '#f1f5f9' },
    { name: 'wiring', label: 'wiring', modules: analysis.wiring, fill: '#f8fafc' },
  ];
  for (const cluster of clusters) {
    if (cluster.modules.length === 0) continue;
    lines.push(`  subgraph ${toNodeId('cluster', cluster.name)} {`);
    lines.push(
      `    label=${quote(cluster.label)}; style="rounded,filled"; fillcolor=${quote(cluster.fill)}; color="#64748b";`,
    );
    for (const id of cluster.modules)
      lines.push(`    ${quote(id)} [label=${quote(basename(id))}, tooltip=${quote(id)}];`);
    lines.push('  }');
  }
  const serviceOf = new Map(analysis.modules.map((module) => [module.id, module.service]));
  for (const edge of analysis.edges) {
    if (!CODE_EDGE_KINDS.has(edge.kind)) continue;
    const from = serviceOf.get(edge.from);
    const to = serviceOf.get(edge.to);
    const crosses = Boolean(from && to && from !== to);
    const attributes = [
      crosses ? 'color="#dc2626", penwidth=1.5' : '',
      edge.kind === 'type' ? 'style=dashed' : edge.kind === 'dynamic' ? 'style=dotted' : '',
    ].filter(Boolean);
    lines.push(
      `  ${quote(edge.from)} -> ${quote(edge.to)}${attributes.length ? ` [${attributes.join(', ')}]` : ''};`,
    );
  }
  lines.push('}');
  return `${lines.join('\n')}\n`;
}

export function renderDot(analysis: Analysis): ReportFile[] {
  return [{ path: 'services.dot', contents: toServicesDot(analysis) }];
}

function colour(index: number): string {
  return PALETTE[index % PALETTE.length] as string;
}

function penwidth(weight: number): string {
  return Math.min(4, 1 + Math.log2(1 + Math.max(0, weight))).toFixed(1);
}

function basename(id: string): string {
  return id.split('/').pop() ?? id;
}

/** DOT double-quoted string. */
function quote(text: string): string {
  return `"${text.replace(/\\(?!n)/g, '\\\\').replace(/"/g, '\\"')}"`;
}
