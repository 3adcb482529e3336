import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Writable } from 'node:stream';
import { Command } from 'commander';
import type { Analysis } from '../../analyzer/analysis.ts';
import { analyze } from '../../analyzer/index.ts';
import { type CliContext, writeLine } from '../context.ts';

interface AnalyzeFlags {
  out: string;
  tsconfig?: string;
  exclude: string[];
  includeTests?: boolean;
  quiet?: boolean;
}

export function analyzeCommand(ctx: CliContext): Command {
  return new Command('analyze')
    .description('Read a monolith and propose service boundaries (writes analysis.json and reports).')
    .argument('<dir>', 'root folder of the monolith')
    .option('--out <dir>', 'output folder', 'strangler-report')
    .option('--tsconfig <file>', 'tsconfig/jsconfig to use (default: the one at <dir>)')
    .option('--exclude <glob>', 'leave out files matching the glob (repeatable)', collect, [])
    .option('--include-tests', 'also read tests and fixtures (skipped by default)')
    .option('--quiet', 'no progress bar and no summary')
    .action(async (dir: string, flags: AnalyzeFlags) => {
      const bar = !flags.quiet && ctx.stderr.isTTY ? createProgressBar(ctx.stderr, 'parsing') : null;
      const analysis = await analyze({
        root: path.resolve(ctx.cwd, dir),
        ...(flags.tsconfig ? { tsconfig: flags.tsconfig } : {}),
        exclude: flags.exclude,
        includeTests: flags.includeTests ?? false,
        ...(bar ? { onProgress: bar.update } : {}),
      }).finally(() => bar?.done());
      const outDir = path.resolve(ctx.cwd, flags.out);
      await mkdir(outDir, { recursive: true });
      const file = path.join(outDir, 'analysis.json');
      await writeFile(file, `${JSON.stringify(analysis, null, 2)}\n`);
      if (!flags.quiet) printSummary(ctx, analysis, path.relative(ctx.cwd, file) || file);
    });
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

/** The facts summary: what was read, how long it took, how much memory it needed. */
function printSummary(ctx: CliContext, analysis: Analysis, written: string): void {
  const { stats } = analysis;
  const kinds = Object.entries(stats.edgesByKind)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([kind, count]) => `${count} ${kind}`)
    .join(', ');
  writeLine(ctx.stdout, `files      ${stats.files}`);
  writeLine(
    ctx.stdout,
    `edges      ${Object.values(stats.edgesByKind).reduce((a, b) => a + b, 0)} (${kinds || 'none'})`,
  );
  writeLine(ctx.stdout, `endpoints  ${analysis.endpoints.length}`);
  writeLine(ctx.stdout, `tables     ${analysis.tables.length}`);
  writeLine(ctx.stdout, `cycles     ${analysis.cycles.length}`);
  writeLine(ctx.stdout, `warnings   ${analysis.warnings.length}`);
  writeLine(
    ctx.stdout,
    `time       ${(stats.durationMs / 1000).toFixed(2)} s, peak memory ${Math.round(stats.peakRssBytes / 1048576)} MB`,
  );
  writeLine(ctx.stdout, `wrote      ${written}`);
}

/** A one-line bar redrawn in place on a TTY: `parsing [#######.....] 512/1024`. */
export function createProgressBar(stream: Writable & { columns?: number }, label: string) {
  let last = -1;
  let drawn = false;
  return {
    update: (done: number, total: number) => {
      const width = Math.max(10, Math.min(40, (stream.columns ?? 80) - label.length - 20));
      const filled = total === 0 ? width : Math.round((done / total) * width);
      if (filled === last && done !== total) return;
      last = filled;
      drawn = true;
      stream.write(`\r${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total}`);
    },
    done: () => {
      if (drawn) stream.write('\r\x1b[2K');
    },
  };
}
