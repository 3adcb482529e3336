/**
 * `services.svg` and `modules.svg`, laid out by Graphviz compiled to WebAssembly
 * (@hpcc-js/wasm-graphviz), so no system Graphviz is needed after `npm ci`.
 */
import { Graphviz } from '@hpcc-js/wasm-graphviz';
import type { Analysis } from '../analysis.ts';
import { toModulesDot, toServicesDot } from './dot.ts';
import type { ReportFile } from './types.ts';

let engine: Promise<Graphviz> | undefined;

function getGraphviz(): Promise<Graphviz> {
  engine ??= Graphviz.load();
  return engine;
}

/**
 * Above this many modules the module picture is not drawn: Graphviz's layout time grows much
 * faster than the graph (5,000 modules ran for minutes), and a picture of thousands of boxes
 * is unreadable anyway. report.html draws each service's module graph interactively instead.
 */
export const MODULES_SVG_LIMIT = 500;

export async function renderSvg(analysis: Analysis): Promise<ReportFile[]> {
  const graphviz = await getGraphviz();
  const modules =
    analysis.modules.length <= MODULES_SVG_LIMIT
      ? toModulesDot(analysis)
      : [
          'digraph modules {',
          '  node [shape=note, fontname="Helvetica", fontsize=12, style=filled, fillcolor="#f8fafc"];',
          `  note [label="${analysis.modules.length} modules are too many to draw legibly (limit ${MODULES_SVG_LIMIT}).\nOpen report.html for the module graph of each service."];`,
          '}',
        ].join('\n');
  return [
    { path: 'services.svg', contents: graphviz.dot(toServicesDot(analysis)) },
    { path: 'modules.svg', contents: graphviz.dot(modules) },
  ];
}
