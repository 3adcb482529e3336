import { Command } from 'commander';
import type { CliContext } from '../context.ts';
import { notImplemented } from '../not-implemented.ts';

export function analyzeCommand(_ctx: CliContext): Command {
  return new Command('analyze')
    .description('Read a monolith and propose service boundaries (writes analysis.json and reports).')
    .argument('<dir>', 'root folder of the monolith')
    .action(notImplemented('analyze'));
}
