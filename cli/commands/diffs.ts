import { Command } from 'commander';
import type { CliContext } from '../context.ts';
import { notImplemented } from '../not-implemented.ts';

export function diffsCommand(_ctx: CliContext): Command {
  return new Command('diffs')
    .description('Show shadow comparison results per route: match rate, learned noise, differing paths.')
    .argument('[route]', 'a route id or key, e.g. "GET /api/orders/:id"')
    .action(notImplemented('diffs'));
}
