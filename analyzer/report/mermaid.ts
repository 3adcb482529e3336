import type { Analysis } from '../analysis.ts';
import type { ReportFile } from './types.ts';
import { countOf, getServicesInOrder, getSharedTables, toNodeId } from './view.ts';

/** Services, their dependencies (labelled with how many symbols cross) and shared tables, as Mermaid. */
export function toMermaid(analysis: Analysis): string {
  const lines = ['flowchart LR'];
  for (const service of getServicesInOrder(analysis)) {
    const label = `${service.extractionOrder}. ${service.name}<br/>${countOf(service.modules.length, 'module')}, ${countOf(service.endpoints.length, 'endpoint')}`;
    lines.push(`  ${toNodeId('svc', service.name)}["${escapeMermaid(label)}"]`);
  }
  for (const table of getSharedTables(analysis)) {
    lines.push(`  ${toNodeId('tbl', table.name)}[("${escapeMermaid(table.name)}")]`);
  }
  for (const service of getServicesInOrder(analysis)) {
    for (const dependency of service.dependsOn) {
      const count = dependency.symbols.length;
      const label = `${count} symbol${count === 1 ? '' : 's'}`;
      lines.push(`  ${toNodeId('svc', service.name)} -->|${label}| ${toNodeId('svc', dependency.service)}`);
    }
  }
  for (const table of getSharedTables(analysis)) {
    for (const access of table.access) {
      if (!access.service) continue;
      const arrow = access.writes ? '==>' : '-.->';
      const label = access.writes ? (access.reads ? 'reads/writes' : 'writes') : 'reads';
      lines.push(`  ${toNodeId('svc', access.service)} ${arrow}|${label}| ${toNodeId('tbl', table.name)}`);
    }
  }
  lines.push('  classDef shared fill:#fde68a,stroke:#b45309,color:#000');
  const shared = getSharedTables(analysis).map((table) => toNodeId('tbl', table.name));
  if (shared.length > 0) lines.push(`  class ${shared.join(',')} shared`);
  return `${lines.join('\n')}\n`;
}

function escapeMermaid(text: string): string {
  return text.replace(/"/g, '#quot;');
}

export function renderMermaid(analysis: Analysis): ReportFile[] {
  return [{ path: 'services.mmd', contents: toMermaid(analysis) }];
}
