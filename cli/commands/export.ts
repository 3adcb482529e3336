import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { Command } from 'commander';
import { StranglerError } from '../../errors/index.ts';
import { EXPORT_ERRORS } from '../../proxy/export/errors.ts';
import { EXPORT_TARGETS, type ExportTarget } from '../../proxy/export/types.ts';
import type { CliContext } from '../context.ts';
import { writeLine } from '../context.ts';

interface ExportFlags {
  db?: string;
  config?: string;
  out?: string;
}

export function exportCommand(ctx: CliContext): Command {
  return new Command('export')
    .description('Export the route table to nginx, Envoy or Kubernetes Gateway API.')
    .argument('<target>', EXPORT_TARGETS.join(' | '))
    .option('--db <file>', 'the proxy database (routes and their history revision)')
    .option(
      '--config <file>',
      'the proxy configuration (listen address, canary key, breaker; routes without --db)',
    )
    .option('--out <file>', 'write to this file instead of stdout')
    .action(async (target: string, flags: ExportFlags) => {
      const [{ exportRouteTable }, { readExportInput }] = await Promise.all([
        import('../../proxy/export/index.ts'),
        import('../../proxy/export/read-input.ts'),
      ]);
      if (!(EXPORT_TARGETS as readonly string[]).includes(target)) {
        throw new StranglerError(EXPORT_ERRORS.EXPORT_UNKNOWN_TARGET, `Unknown export target "${target}".`);
      }
      const input = await readExportInput({
        db: flags.db && resolve(ctx.cwd, flags.db),
        config: flags.config && resolve(ctx.cwd, flags.config),
      });
      const { text } = exportRouteTable(target as ExportTarget, input);
      if (!flags.out) {
        ctx.stdout.write(text);
        return;
      }
      const out = resolve(ctx.cwd, flags.out);
      try {
        await writeFile(out, text);
      } catch (error) {
        throw new StranglerError(EXPORT_ERRORS.EXPORT_WRITE_FAILED, `Cannot write ${out}.`, { cause: error });
      }
      writeLine(ctx.stderr, `Wrote ${target} configuration for revision ${input.table.revision} to ${out}.`);
    });
}
