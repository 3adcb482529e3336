import { Command, Option } from 'commander';
import { StranglerError } from '../../errors/index.ts';
import { createAdminClient } from '../../proxy/admin/client.ts';
import { fetchDiffs } from '../../proxy/shadow/diffs-client.ts';
import { formatDiffs } from '../../proxy/shadow/format-diffs.ts';
import type { RouteDiffDetail } from '../../proxy/shadow/index.ts';
import { type CliContext, writeLine } from '../context.ts';
import { CLI_ERRORS } from '../errors.ts';

interface DiffsFlags {
  admin: string;
  token?: string;
  json?: boolean;
  reset?: string;
  reason?: string;
}

/** Mismatch samples listed under one route, besides the example formatDiffs already shows. */
const SAMPLES_SHOWN = 5;

export function diffsCommand(ctx: CliContext): Command {
  return new Command('diffs')
    .description('Show shadow comparison results per route: match rate, learned noise, differing paths.')
    .argument('[route]', 'a route id or key, e.g. "GET /api/orders/:id"')
    .addOption(new Option('--admin <url>', 'admin API base URL').default('http://127.0.0.1:8081'))
    .addOption(new Option('--token <token>', 'admin token (default: STRANGLER_ADMIN_TOKEN)'))
    .option('--json', 'print JSON instead of text')
    .option('--reset <route>', "forget a route's comparison results, e.g. after fixing the service")
    .option('--reason <text>', 'why the results are reset (logged with your token name)')
    .action(async (route: string | undefined, flags: DiffsFlags) => {
      const connection = { url: flags.admin, token: flags.token ?? ctx.env.STRANGLER_ADMIN_TOKEN };
      if (flags.reset !== undefined) {
        if (route !== undefined && route !== flags.reset) {
          throw new StranglerError(
            CLI_ERRORS.CLI_USAGE,
            `Give the route once: \`strangler diffs --reset "${flags.reset}"\`.`,
          );
        }
        const reset = await createAdminClient(connection).resetDiffs(flags.reset, {
          ...(flags.reason ? { reason: flags.reason } : {}),
        });
        writeLine(
          ctx.stdout,
          flags.json
            ? JSON.stringify(reset, null, 2)
            : `Reset ${reset.routeKey}: counters, mismatch samples and learned noise forgotten; readiness starts from zero.`,
        );
        return;
      }
      if (route === undefined) {
        const routes = await fetchDiffs(connection);
        writeLine(ctx.stdout, flags.json ? JSON.stringify(routes, null, 2) : formatDiffs(routes));
        return;
      }
      const detail = await createAdminClient(connection).routeDiffs(route);
      writeLine(ctx.stdout, flags.json ? JSON.stringify([detail], null, 2) : formatDetail(detail));
    });
}

function formatDetail(detail: RouteDiffDetail): string {
  const lines = [formatDiffs([detail])];
  // The newest sample is formatDiffs' example; list the ones before it.
  const older = detail.samples.slice(1, 1 + SAMPLES_SHOWN);
  if (detail.samples.length > 1) {
    lines.push(`  earlier mismatches (${detail.samples.length} kept, newest first):`);
    for (const sample of older) {
      const first = sample.differences[0];
      const more = sample.differences.length > 1 ? ` (+${sample.differences.length - 1} more)` : '';
      lines.push(
        `    ${sample.at}  ${sample.method} ${sample.url}` +
          (first ? `  ${first.path}: ${first.expected} ≠ ${first.actual}${more}` : ''),
      );
    }
  }
  return lines.join('\n');
}
