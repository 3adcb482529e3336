import { Command } from 'commander';
import type { CliContext } from '../context.ts';
import { notImplemented } from '../not-implemented.ts';

export function walkthroughCommand(_ctx: CliContext): Command {
  return new Command('walkthrough')
    .description('Run a whole migration of the sample monolith, live, step by step.')
    .action(notImplemented('walkthrough'));
}
