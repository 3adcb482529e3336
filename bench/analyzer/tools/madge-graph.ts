// madge's dependency graph alone, with the project's tsconfig so path aliases resolve.
// Usage: node --import tsx bench/analyzer/tools/madge-graph.ts <dir>
import { join } from 'node:path';
import madge from 'madge';

const dir = process.argv[2]!;
// The generated tree holds only the monolith (src/, scripts/), no node_modules.
const result = await madge(dir, {
  baseDir: dir,
  fileExtensions: ['ts'],
  tsConfig: join(dir, 'tsconfig.json'),
});
const graph = result.obj();
const edges = Object.values(graph).reduce((n, deps) => n + deps.length, 0);
process.stdout.write(`${JSON.stringify({ files: Object.keys(graph).length, edges })}\n`);
