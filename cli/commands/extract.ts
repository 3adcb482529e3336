import { existsSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Command, InvalidArgumentError } from 'commander';
import type { DataStep } from '../../extract/index.ts';
import { type CliContext, writeLine } from '../context.ts';

export function extractCommand(ctx: CliContext): Command {
  return new Command('extract')
    .description('Carve a proposed service out of the monolith into its own folder.')
    .argument('<service>', 'service name from analysis.json')
    .requiredOption('--analysis <file>', 'analysis.json written by `strangler analyze`')
    .requiredOption('--to <dir>', 'folder to write the service into (empty or new)')
    .option('--monolith-db <file>', "the monolith's SQLite file: schema and data of the owned tables")
    .option('--root <dir>', 'the monolith folder (default: `root` recorded in analysis.json)')
    .option('--port <n>', 'port the service listens on by default', parsePort)
    .option('--url <url>', 'URL of the running service in the route plan (default http://127.0.0.1:<port>)')
    .option('--force', 'write into a folder that is not empty')
    .action(
      async (
        service: string,
        options: {
          analysis: string;
          to: string;
          monolithDb?: string;
          root?: string;
          port?: number;
          url?: string;
          force?: boolean;
        },
      ) => {
        const [{ loadAnalysis }, { extractService }] = await Promise.all([
          import('../../analyzer/report/index.ts'),
          import('../../extract/index.ts'),
        ]);
        const analysis = await loadAnalysis(path.resolve(ctx.cwd, options.analysis));
        const result = await extractService(analysis, {
          service,
          to: path.resolve(ctx.cwd, options.to),
          force: options.force === true,
          ...(options.root ? { root: path.resolve(ctx.cwd, options.root) } : {}),
          ...(options.monolithDb ? { monolithDb: path.resolve(ctx.cwd, options.monolithDb) } : {}),
          ...(options.port !== undefined ? { port: options.port } : {}),
          ...(options.url ? { url: options.url } : {}),
          ...((await loadDataStep()) ?? {}),
        });
        const count = (kind: string) => result.replaced.filter((entry) => entry.kind === kind).length;
        writeLine(
          ctx.stdout,
          `extracted ${result.service} into ${path.relative(ctx.cwd, result.dir) || '.'}: ${result.modules.length} modules, ${result.mounts.length} routers mounted, ${count('http-client')} remote calls, ${count('stub')} stubs, ${result.generatedLines} lines generated`,
        );
        writeLine(
          ctx.stdout,
          `next: read ${path.join(path.relative(ctx.cwd, result.dir) || '.', 'EXTRACTION.md')}`,
        );
      },
    );
}

/** The data half lives in extract/data (its own owner); use it when it is there. */
async function loadDataStep(): Promise<{ dataStep: DataStep } | null> {
  const file = path.resolve(import.meta.dirname, '../../extract/data/index.ts');
  if (!existsSync(file)) return null;
  const module = (await import(pathToFileURL(file).href)) as { extractData?: DataStep };
  return module.extractData ? { dataStep: module.extractData } : null;
}

function parsePort(value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new InvalidArgumentError('a port number 0-65535');
  return port;
}
