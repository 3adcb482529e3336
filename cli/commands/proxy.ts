import { Command } from 'commander';
import type { CliContext } from '../context.ts';
import { notImplemented } from '../not-implemented.ts';

export function proxyCommand(_ctx: CliContext): Command {
  return new Command('proxy')
    .description('Run the strangler-fig proxy in front of the monolith.')
    .action(notImplemented('proxy'));
}
