import path from 'node:path';
import { Command } from 'commander';
import { type CliContext, writeLine } from '../context.ts';

export function reportCommand(ctx: CliContext): Command {
  return new Command('report')
    .description('Re-render the reports of a saved analysis.json without re-analysing.')
    .argument('<analysis>', 'path to analysis.json')
    .option(
      '--format <list>',
      'comma-separated: json,md,html,mermaid,dot,svg,routes,boundaries (default: all)',
    )
    .option('--out <dir>', 'output folder (default: the folder of analysis.json)')
    .action(async (file: string, options: { format?: string; out?: string }) => {
      const { loadAnalysis, parseFormats, writeReports } = await import('../../analyzer/report/index.ts');
      const formats = parseFormats(options.format);
      const input = path.resolve(ctx.cwd, file);
      const analysis = await loadAnalysis(input);
      const outDir = path.resolve(ctx.cwd, options.out ?? path.dirname(input));
      const written = await writeReports(analysis, { formats, outDir });
      for (const target of written) writeLine(ctx.stdout, path.relative(ctx.cwd, target) || target);
    });
}
