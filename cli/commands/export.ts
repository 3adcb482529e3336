import { Command } from 'commander';
import type { CliContext } from '../context.ts';
import { notImplemented } from '../not-implemented.ts';

export function exportCommand(_ctx: CliContext): Command {
  return new Command('export')
    .description('Export the route table to nginx, Envoy or Kubernetes Gateway API.')
    .argument('<target>', 'nginx | envoy | gateway-api')
    .action(notImplemented('export'));
}
