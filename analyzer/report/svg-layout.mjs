// The helper thread of svg.ts: lays out each DOT text in order and posts the SVG texts back.
// Plain JavaScript, so the thread starts without a TypeScript loader.
import { parentPort, workerData } from 'node:worker_threads';
import { Graphviz } from '@hpcc-js/wasm-graphviz';

const graphviz = await Graphviz.load();
parentPort.postMessage(workerData.map((dot) => graphviz.dot(dot)));
