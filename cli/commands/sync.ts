import path from 'node:path';
import { Command, InvalidArgumentError } from 'commander';
import type { CliContext } from '../context.ts';
import { writeLine } from '../context.ts';

interface SyncFlags {
  from: string;
  to: string;
  tables?: string[];
  init?: boolean;
  follow?: boolean;
  readOnly?: boolean;
  handOver?: boolean;
  owner?: string;
  interval: number;
  batch: number;
}

export function syncCommand(ctx: CliContext): Command {
  return new Command('sync')
    .description(
      'Apply captured changes from one SQLite database to another, in order, exactly once (resumable).',
    )
    .requiredOption(
      '--from <db>',
      'the database being written to (the monolith before cut-over, the service after)',
    )
    .requiredOption(
      '--to <db>',
      'the copy to keep current (the service database, or the read model after cut-over)',
    )
    .option('--tables <list>', 'comma-separated tables; required with --init', toList)
    .option('--init', 'install change capture on --from, create the tables in --to and copy a snapshot')
    .option(
      '--read-only',
      'with --init: the copied tables in --to refuse every write but the sync (the read model after cut-over)',
    )
    .option(
      '--owner <service>',
      "with --read-only / --hand-over: the service named in the refusal (default: the new owner's file name)",
    )
    .option(
      '--hand-over',
      'cut-over: make the --from tables refuse writes, then apply the rest; --to has everything after',
    )
    .option('--follow', 'keep applying new changes until SIGINT/SIGTERM')
    .option('--interval <ms>', 'poll interval with --follow', toPositive, 200)
    .option('--batch <n>', 'changes per transaction', toPositive, 500)
    .action(async (flags: SyncFlags) => {
      // Loaded on use: other commands do not pay for better-sqlite3 at start-up.
      const data = await import('../../extract/data/index.ts');
      const fromFile = path.resolve(ctx.cwd, flags.from);
      const toFile = path.resolve(ctx.cwd, flags.to);
      if (flags.handOver) {
        const owner = flags.owner ?? path.basename(toFile, path.extname(toFile));
        const done = data.handOver(fromFile, toFile, owner);
        writeLine(
          ctx.stdout,
          `${flags.from}: ${done.tables.join(', ')} now refuse writes (owner: ${owner}); applied the last ${done.applied} changes, ${flags.to} is at change #${done.lastChangeId}`,
        );
        writeLine(
          ctx.stdout,
          'next: send those writes to the service, then start the reverse sync (docs/walkthrough.md)',
        );
        return;
      }
      if (flags.init) {
        const copy = data.initSync(fromFile, toFile, flags.tables ?? [], {
          readOnly: flags.readOnly === true,
          ...(flags.owner ? { owner: flags.owner } : {}),
        });
        const rows = copy.tables.map((table) => `${table.name} ${table.rows}`).join(', ');
        writeLine(
          ctx.stdout,
          `copied ${rows} into ${flags.to} (changes up to #${copy.lastChangeId}); capture installed in ${flags.from}`,
        );
        if (!flags.follow) return;
      }
      const pair = data.openSyncPair(fromFile, toFile, 'sync');
      try {
        const options = {
          batchSize: flags.batch,
          ...(flags.tables && !flags.init ? { tables: flags.tables } : {}),
        };
        if (!flags.follow) {
          const done = data.syncChanges(pair.from, pair.to, options);
          writeLine(
            ctx.stdout,
            `applied ${done.applied} changes in ${done.batches} batches; ${flags.to} is at change #${done.lastChangeId}`,
          );
          return;
        }
        const stop = new AbortController();
        const onSignal = () => stop.abort();
        process.once('SIGINT', onSignal);
        process.once('SIGTERM', onSignal);
        try {
          writeLine(
            ctx.stderr,
            `following ${flags.from} → ${flags.to} every ${flags.interval} ms (Ctrl-C stops)`,
          );
          const done = await data.followChanges(pair.from, pair.to, {
            ...options,
            intervalMs: flags.interval,
            signal: stop.signal,
            onBatch: (progress) =>
              writeLine(ctx.stdout, `applied ${progress.applied} changes, at #${progress.lastChangeId}`),
          });
          writeLine(
            ctx.stdout,
            `stopped: applied ${done.applied} changes; ${flags.to} is at change #${done.lastChangeId}`,
          );
        } finally {
          process.off('SIGINT', onSignal);
          process.off('SIGTERM', onSignal);
        }
      } finally {
        pair.close();
      }
    });
}

function toList(value: string): string[] {
  const list = value
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);
  if (list.length === 0)
    throw new InvalidArgumentError('a comma-separated list of tables, e.g. orders,order_items');
  return list;
}

function toPositive(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new InvalidArgumentError('a positive integer');
  return n;
}
