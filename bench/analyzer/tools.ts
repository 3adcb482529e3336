import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** One contender: how to run it on a generated tree, and what it reports back. */
export interface Tool {
  name: string;
  key: 'strangler' | 'madge' | 'depcruise' | 'bare';
  args(dir: string, scratch: string): string[];
  cwd(dir: string): string;
  /** Files it saw (and any extra facts), read from its output after the run. */
  summarize(stdout: string, scratch: string): Promise<{ files: number; note: string }>;
}

export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

export function createTools(options: { expected: boolean }): Tool[] {
  return [
    {
      name: 'strangler analyze',
      key: 'strangler',
      cwd: () => REPO_ROOT,
      args: (dir, scratch) => [
        join(REPO_ROOT, 'bin/strangler.js'),
        'analyze',
        dir,
        '--quiet',
        '--out',
        scratch,
        ...(options.expected ? ['--expected', join(dir, 'expected-boundaries.json')] : []),
      ],
      summarize: async (_stdout, scratch) => {
        const analysis = JSON.parse(await readFile(join(scratch, 'analysis.json'), 'utf8'));
        const parts = [`${analysis.services?.length ?? 0} services`];
        // In-process time, without Node/tsx start-up and without writing the reports.
        if (typeof analysis.stats?.durationMs === 'number') {
          parts.push(`${(analysis.stats.durationMs / 1000).toFixed(1)} s in analyze()`);
        }
        if (typeof analysis.metrics?.mojofm === 'number') parts.push(`MoJoFM ${analysis.metrics.mojofm}`);
        return { files: analysis.stats?.files ?? analysis.modules.length, note: parts.join(', ') };
      },
    },
    {
      name: 'madge graph',
      key: 'madge',
      cwd: () => REPO_ROOT,
      args: (dir) => ['--import', 'tsx', here('./tools/madge-graph.ts'), dir],
      summarize: async (stdout) => {
        const { files, edges } = JSON.parse(stdout);
        return { files, note: `${edges} edges` };
      },
    },
    {
      name: 'dependency-cruiser graph',
      key: 'depcruise',
      cwd: (dir) => dir,
      args: (_dir, scratch) => [
        join(REPO_ROOT, 'node_modules/dependency-cruiser/bin/dependency-cruise.mjs'),
        '--no-config',
        '--ts-config',
        'tsconfig.json',
        '--output-type',
        'json',
        '--output-to',
        join(scratch, 'cruise.json'),
        'src',
        'scripts',
      ],
      summarize: async (_stdout, scratch) => {
        const result = JSON.parse(await readFile(join(scratch, 'cruise.json'), 'utf8'));
        const local = result.modules.filter(
          (m: { coreModule?: boolean; couldNotResolve?: boolean; source: string }) =>
            /^(src|scripts)\//.test(m.source),
        );
        const edges = result.modules.reduce(
          (n: number, m: { dependencies: unknown[] }) => n + m.dependencies.length,
          0,
        );
        return { files: local.length, note: `${edges} edges` };
      },
    },
    {
      name: 'bare TypeScript parse',
      key: 'bare',
      cwd: () => REPO_ROOT,
      args: (dir) => ['--import', 'tsx', here('./tools/bare-parse.ts'), dir],
      summarize: async (stdout) => {
        const { files, statements } = JSON.parse(stdout);
        return { files, note: `${statements} statements` };
      },
    },
  ];
}
