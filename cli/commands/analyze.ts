import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Writable } from 'node:stream';
import { Command, InvalidArgumentError } from 'commander';
import type { Analysis } from '../../analyzer/analysis.ts';
import { CLUSTER_ERRORS } from '../../analyzer/cluster/errors.ts';
import type { TrafficInput } from '../../analyzer/graph/traffic-signal.ts';
import { METRICS_ERRORS } from '../../analyzer/metrics/errors.ts';
import { type ErrorKind, StranglerError } from '../../errors/index.ts';
import { type CliContext, writeLine } from '../context.ts';

interface AnalyzeFlags {
  out: string;
  format?: string;
  tsconfig?: string;
  exclude: string[];
  includeTests?: boolean;
  crossCheck?: boolean;
  quiet?: boolean;
  services?: number;
  constraints?: string;
  expected?: string;
  git?: boolean;
  traffic?: string;
}

export function analyzeCommand(ctx: CliContext): Command {
  return new Command('analyze')
    .description('Read a monolith and propose service boundaries (writes analysis.json and reports).')
    .argument('<dir>', 'root folder of the monolith')
    .option('--out <dir>', 'output folder', 'strangler-report')
    .option(
      '--format <list>',
      'md,html,mermaid,dot,svg,routes,boundaries (default: all; analysis.json always)',
    )
    .option('--tsconfig <file>', 'tsconfig/jsconfig to use (default: the one at <dir>)')
    .option('--exclude <glob>', 'leave out files matching the glob (repeatable)', collect, [])
    .option('--include-tests', 'also read tests and fixtures (skipped by default)')
    .option('--cross-check', 'also resolve imports with madge and warn where it disagrees (slow)')
    .option('--quiet', 'no progress bar and no summary')
    .option('--services <n>', 'propose about N services (default: the count that scores best)', toCount)
    .option('--constraints <file>', 'JSON file: keep together, keep apart, pin modules to services')
    .option('--expected <file>', 'JSON file { "services": { name: [globs] } }: adds MoJoFM to the metrics')
    .option('--git', 'use git co-change history (default: when <dir>/.git exists)')
    .option('--no-git', 'do not read git history')
    .option(
      '--traffic <file>',
      "the proxy's SQLite database: endpoints hit in one session couple their modules",
    )
    .action(async (dir: string, flags: AnalyzeFlags) => {
      // Loaded on use, so `strangler --help` and the other commands start without the parsers.
      const [analyzer, constraints, expected, summary, reports] = await Promise.all([
        import('../../analyzer/index.ts'),
        import('../../analyzer/cluster/constraints.ts'),
        import('../../analyzer/metrics/expected-boundaries.ts'),
        import('../../analyzer/propose/summary-table.ts'),
        import('../../analyzer/report/index.ts'),
      ]);
      const { analyze } = analyzer;
      const { parseConstraints } = constraints;
      const { parseExpectedBoundaries } = expected;
      const { toProposalLines } = summary;
      const { parseFormats, writeReports } = reports;
      // Checked before the analysis, so a typo costs nothing.
      const formats = parseFormats(flags.format);
      const bar = !flags.quiet && ctx.stderr.isTTY ? createProgressBar(ctx.stderr, 'parsing') : null;
      const analysis = await analyze({
        root: path.resolve(ctx.cwd, dir),
        ...(flags.tsconfig ? { tsconfig: flags.tsconfig } : {}),
        exclude: flags.exclude,
        includeTests: flags.includeTests ?? false,
        ...(flags.crossCheck ? { crossCheck: true } : {}),
        ...(bar ? { onProgress: bar.update } : {}),
        ...(flags.services ? { services: flags.services } : {}),
        ...(flags.constraints
          ? {
              constraints: parseConstraints(
                await readJson(ctx, flags.constraints, CLUSTER_ERRORS.CLUSTER_CONSTRAINTS_INVALID),
                flags.constraints,
              ),
            }
          : {}),
        ...(flags.expected
          ? {
              expected: parseExpectedBoundaries(
                await readJson(ctx, flags.expected, METRICS_ERRORS.METRICS_EXPECTED_INVALID),
                flags.expected,
              ),
            }
          : {}),
        ...(flags.git !== undefined ? { git: flags.git } : {}),
        ...(flags.traffic ? { traffic: await readTraffic(ctx, flags.traffic) } : {}),
      }).finally(() => bar?.done());
      const outDir = path.resolve(ctx.cwd, flags.out);
      // analysis.json is always written: it is the contract `strangler report` re-renders from.
      await writeReports(analysis, { outDir, formats: [...new Set(['json' as const, ...formats])] });
      const file = path.join(outDir, 'analysis.json');
      if (!flags.quiet) {
        // Traffic problems leave the analysis without that signal: say so where it is seen.
        for (const warning of analysis.warnings.filter((w) => w.code.startsWith('TRAFFIC_')))
          writeLine(ctx.stderr, `warning ${warning.code}: ${warning.message}`);
        printSummary(ctx, analysis, path.relative(ctx.cwd, file) || file);
        for (const line of toProposalLines(analysis)) writeLine(ctx.stdout, line);
      }
    });
}

function toCount(value: string): number {
  const count = Number(value);
  if (!Number.isInteger(count) || count < 1)
    throw new InvalidArgumentError('expected a whole number of services, e.g. 6');
  return count;
}

/** `--traffic`: the sessions the proxy recorded, as the analyzer's `TrafficInput`. */
async function readTraffic(ctx: CliContext, file: string): Promise<TrafficInput> {
  const { readRecordedSessions } = await import('../../proxy/store/read-sessions.ts');
  const { sessions } = readRecordedSessions(path.resolve(ctx.cwd, file));
  return { sessions: sessions.map((session) => ({ endpoints: session.routes })) };
}

/** Reads a JSON input file; a missing or malformed file is the input's own error code. */
async function readJson(ctx: CliContext, file: string, kind: ErrorKind): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(path.resolve(ctx.cwd, file), 'utf8');
  } catch (cause) {
    throw new StranglerError(kind, `Cannot read ${file}`, { cause, details: { file } });
  }
  try {
    return JSON.parse(text);
  } catch (cause) {
    throw new StranglerError(kind, `${file} is not valid JSON: ${(cause as Error).message}`, {
      cause,
      details: { file },
    });
  }
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
  const traffic = analysis.settings.traffic;
  if (traffic) {
    const unmatched =
      traffic.unmatchedEndpoints > 0 ? `, ${traffic.unmatchedEndpoints} without a handler` : '';
    writeLine(
      ctx.stdout,
      `traffic    ${traffic.sessions} sessions, ${traffic.endpoints} endpoints${unmatched}`,
    );
  }
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
