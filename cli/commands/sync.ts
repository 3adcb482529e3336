import { Command } from 'commander';
import type { CliContext } from '../context.ts';
import { notImplemented } from '../not-implemented.ts';

export function syncCommand(_ctx: CliContext): Command {
  return new Command('sync')
    .description('Apply captured monolith changes to a service database (resumable).')
    .action(notImplemented('sync'));
}
