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

export async function renderSvg(analysis: Analysis): Promise<ReportFile[]> {
  const graphviz = await getGraphviz();
  return [
    { path: 'services.svg', contents: graphviz.dot(toServicesDot(analysis)) },
    { path: 'modules.svg', contents: graphviz.dot(toModulesDot(analysis)) },
  ];
}
