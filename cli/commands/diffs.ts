import { Command, Option } from 'commander';
import { fetchDiffs } from '../../proxy/shadow/diffs-client.ts';
import { formatDiffs } from '../../proxy/shadow/format-diffs.ts';
import { type CliContext, writeLine } from '../context.ts';

interface DiffsFlags {
  admin: string;
  token?: string;
  json?: boolean;
}

export function diffsCommand(ctx: CliContext): Command {
  return new Command('diffs')
    .description('Show shadow comparison results per route: match rate, learned noise, differing paths.')
    .argument('[route]', 'a route id or key, e.g. "GET /api/orders/:id"')
    .addOption(new Option('--admin <url>', 'admin API base URL').default('http://127.0.0.1:8081'))
    .addOption(new Option('--token <token>', 'admin token (default: STRANGLER_ADMIN_TOKEN)'))
    .option('--json', 'print JSON instead of text')
    .action(async (route: string | undefined, flags: DiffsFlags) => {
      const routes = await fetchDiffs({
        url: flags.admin,
        token: flags.token ?? ctx.env.STRANGLER_ADMIN_TOKEN,
        route,
      });
      writeLine(ctx.stdout, flags.json ? JSON.stringify(routes, null, 2) : formatDiffs(routes));
    });
}
