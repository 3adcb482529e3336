import { Command } from 'commander';
import type { CliContext } from '../context.ts';
import { notImplemented } from '../not-implemented.ts';

export function routesCommand(_ctx: CliContext): Command {
  return new Command('routes')
    .description('List, change, roll back and import proxy routes through the admin API.')
    .action(notImplemented('routes'));
}
