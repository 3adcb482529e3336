import { Command } from 'commander';
import type { CliContext } from '../context.ts';
import { notImplemented } from '../not-implemented.ts';

export function reportCommand(_ctx: CliContext): Command {
  return new Command('report')
    .description('Re-render the reports of a saved analysis.json without re-analysing.')
    .argument('<analysis>', 'path to analysis.json')
    .action(notImplemented('report'));
}
