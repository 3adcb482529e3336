import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { Command, InvalidArgumentError, Option } from 'commander';
import { StranglerError } from '../../errors/index.ts';
import { type AdminClient, createAdminClient } from '../../proxy/admin/client.ts';
import { ROUTE_MODES, type RouteChange, type RouteSetting } from '../../proxy/model.ts';
import { type CliContext, writeLine } from '../context.ts';
import { CLI_ERRORS } from '../errors.ts';

interface AdminFlags {
  admin: string;
  token?: string;
  json?: boolean;
}

const DEFAULT_ADMIN = 'http://127.0.0.1:8081';

function toNumber(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n)) throw new InvalidArgumentError('must be a number.');
  return n;
}

/** Renders rows as aligned columns; the first row is the header. */
function toTextTable(rows: string[][]): string {
  const widths = rows[0]!.map((_, col) => Math.max(...rows.map((row) => (row[col] ?? '').length)));
  return rows
    .map((row) =>
      row
        .map((cell, col) => cell.padEnd(widths[col]!))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

const describeSetting = (s: RouteSetting | null) =>
  s === null
    ? '(new)'
    : `${s.mode}${s.mode === 'canary' ? ` ${s.percent}%` : ''}${s.service ? ` → ${s.service}` : ''}`;

function printChanges(ctx: CliContext, changes: RouteChange[]): void {
  if (changes.length === 0) {
    writeLine(ctx.stdout, 'No changes.');
    return;
  }
  const rows = changes.map((c) => [
    String(c.revision),
    c.at.replace('T', ' ').slice(0, 19),
    c.actor,
    c.kind,
    c.routeKey,
    describeSetting(c.before),
    describeSetting(c.after),
    c.reason ?? '',
  ]);
  writeLine(
    ctx.stdout,
    toTextTable([['REV', 'WHEN (UTC)', 'WHO', 'KIND', 'ROUTE', 'FROM', 'TO', 'REASON'], ...rows]),
  );
}

/** Every subcommand talks to the admin API; these options say where and as whom. */
function adminCommand(name: string): Command {
  return new Command(name)
    .addOption(new Option('--admin <url>', 'admin API base URL').default(DEFAULT_ADMIN))
    .addOption(new Option('--token <token>', 'admin token (default: STRANGLER_ADMIN_TOKEN)'))
    .option('--json', 'print JSON instead of a table');
}

function clientFor(flags: AdminFlags, ctx: CliContext): AdminClient {
  return createAdminClient({ url: flags.admin, token: flags.token ?? ctx.env.STRANGLER_ADMIN_TOKEN });
}

export function routesCommand(ctx: CliContext): Command {
  const json = (value: unknown) => writeLine(ctx.stdout, JSON.stringify(value, null, 2));
  const routes = new Command('routes').description(
    'List, change, roll back and import proxy routes through the admin API.',
  );

  routes.addCommand(
    adminCommand('list')
      .description('Show every route with its mode, share and target.')
      .action(async (flags: AdminFlags) => {
        const table = await clientFor(flags, ctx).listRoutes();
        if (flags.json) return json(table);
        const rows = table.routes.map((r) => [
          r.id,
          r.key,
          r.mode,
          r.mode === 'canary' ? `${r.percent}%` : '',
          r.service ?? '',
        ]);
        writeLine(ctx.stdout, toTextTable([['ID', 'ROUTE', 'MODE', 'SHARE', 'SERVICE'], ...rows]));
        writeLine(ctx.stdout, `revision ${table.revision}, monolith ${table.monolith.url}`);
      }),
  );

  routes.addCommand(
    adminCommand('set')
      .description('Change a route: `strangler routes set "GET /api/orders/:id" --mode canary --percent 10`.')
      .argument('<route>', 'route id or key')
      .addOption(new Option('--mode <mode>', 'new mode').choices(ROUTE_MODES).makeOptionMandatory())
      .option('--percent <n>', 'canary share 0-100', toNumber)
      .option('--target <service>', 'service that receives the traffic')
      .option('--reason <text>', 'why, recorded in the history')
      .action(
        async (
          route: string,
          flags: AdminFlags & {
            mode: RouteSetting['mode'];
            percent?: number;
            target?: string;
            reason?: string;
          },
        ) => {
          const { mode, percent, target, reason } = flags;
          const result = await clientFor(flags, ctx).setRoute(route, { mode, percent, target, reason });
          if (flags.json) return json(result);
          printChanges(ctx, result.change ? [result.change] : []);
        },
      ),
  );

  routes.addCommand(
    adminCommand('rollback')
      .description("Restore a route's state before its last change (or before --revision N).")
      .argument('<route>', 'route id or key')
      .option('--revision <n>', 'roll back this change instead of the last', toNumber)
      .option('--reason <text>', 'why, recorded in the history')
      .action(async (route: string, flags: AdminFlags & { revision?: number; reason?: string }) => {
        const result = await clientFor(flags, ctx).rollback(route, {
          revision: flags.revision,
          reason: flags.reason,
        });
        if (flags.json) return json(result);
        printChanges(ctx, result.change ? [result.change] : []);
      }),
  );

  routes.addCommand(
    adminCommand('history')
      .description('Show the change history, newest first.')
      .argument('[route]', 'only this route (id or key)')
      .option('--limit <n>', 'how many changes', toNumber, 50)
      .action(async (route: string | undefined, flags: AdminFlags & { limit: number }) => {
        const history = await clientFor(flags, ctx).history({ route, limit: flags.limit });
        if (flags.json) return json(history);
        printChanges(ctx, history);
      }),
  );

  routes.addCommand(
    adminCommand('import')
      .description(
        "Add the services and routes of the analyzer's routes.plan.json (existing routes keep their state).",
      )
      .argument('<plan>', 'routes.plan.json')
      .action(async (file: string, flags: AdminFlags) => {
        const plan = await readPlan(resolve(ctx.cwd, file));
        const result = await clientFor(flags, ctx).importPlan(plan);
        if (flags.json) return json(result);
        writeLine(
          ctx.stdout,
          `Imported ${result.changes.length} new route(s), kept ${result.kept.length}, services updated: ${result.services.join(', ') || 'none'}.`,
        );
      }),
  );

  routes.addCommand(
    adminCommand('reload')
      .description("Re-read the proxy's config file (same as sending it SIGHUP).")
      .action(async (flags: AdminFlags) => {
        const result = await clientFor(flags, ctx).reload();
        if (flags.json) return json(result);
        writeLine(
          ctx.stdout,
          `Reloaded: revision ${result.revision}, ${result.added.length} route(s) added, ${result.kept.length} kept.`,
        );
        if (result.restartNeeded.length > 0)
          writeLine(ctx.stdout, `Restart the proxy to apply: ${result.restartNeeded.join(', ')}.`);
      }),
  );
  return routes;
}

async function readPlan(file: string): Promise<unknown> {
  try {
    return JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    throw new StranglerError(
      CLI_ERRORS.CLI_USAGE,
      `Cannot read the route plan ${file}: ${(error as Error).message}`,
      {
        cause: error,
        hint: 'Pass the routes.plan.json written by `strangler analyze`, e.g. `strangler routes import reports/routes.plan.json`.',
      },
    );
  }
}
