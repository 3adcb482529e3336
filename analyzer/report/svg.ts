/**
 * `services.svg` and `modules.svg`, laid out by Graphviz compiled to WebAssembly
 * (@hpcc-js/wasm-graphviz), so no system Graphviz is needed after `npm ci`.
 */
import { Worker } from 'node:worker_threads';
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
  const modules =
    analysis.modules.length <= MODULES_SVG_LIMIT
      ? toModulesDot(analysis)
      : [
          'digraph modules {',
          '  node [shape=note, fontname="Helvetica", fontsize=12, style=filled, fillcolor="#f8fafc"];',
          `  note [label="${analysis.modules.length} modules are too many to draw legibly (limit ${MODULES_SVG_LIMIT}).\nOpen report.html for the module graph of each service."];`,
          '}',
        ].join('\n');
  const [services, modulesSvg] = await layOut([toServicesDot(analysis), modules]);
  return [
    { path: 'services.svg', contents: services! },
    { path: 'modules.svg', contents: modulesSvg! },
  ];
}

/**
 * Lays out each graph in turn, on a helper thread when one can start: a layout takes from
 * milliseconds to seconds (500 modules: ~2 s) of pure computation, which then runs while this
 * thread renders the other reports (writeReports starts the SVGs first). Same engine, same
 * input, same order: the same SVG text as laying out here, which is the fallback.
 */
export async function layOut(
  dots: readonly string[],
  where: 'thread' | 'here' = 'thread',
): Promise<string[]> {
  if (where === 'thread') {
    const svgs = await layOutInThread(dots);
    if (svgs) return svgs;
  }
  const graphviz = await getGraphviz();
  return dots.map((dot) => graphviz.dot(dot));
}

/** The SVG texts, or null when the helper thread could not start or failed. */
export function layOutInThread(dots: readonly string[]): Promise<string[] | null> {
  return new Promise((resolve) => {
    let worker: Worker;
    try {
      worker = new Worker(new URL('./svg-layout.mjs', import.meta.url), { workerData: dots });
    } catch {
      resolve(null);
      return;
    }
    worker.once('message', (svgs: string[]) => {
      resolve(svgs);
      void worker.terminate();
    });
    worker.once('error', () => resolve(null));
    worker.once('exit', () => resolve(null));
  });
}
