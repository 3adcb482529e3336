import { Command } from 'commander';
import type { CliContext } from '../context.ts';
import { notImplemented } from '../not-implemented.ts';

export function extractCommand(_ctx: CliContext): Command {
  return new Command('extract')
    .description('Carve a proposed service out of the monolith into its own folder.')
    .argument('<service>', 'service name from analysis.json')
    .action(notImplemented('extract'));
}
