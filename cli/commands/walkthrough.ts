import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { Command, InvalidArgumentError } from 'commander';
import type { Narrator } from '../../walkthrough/narrator.ts';
import { type CliContext, writeLine } from '../context.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));

interface WalkthroughFlags {
  yes?: boolean;
  speed: 'normal' | 'fast';
  out?: string;
}

export function walkthroughCommand(ctx: CliContext): Command {
  return new Command('walkthrough')
    .description('Run a whole migration of the sample monolith, live, step by step.')
    .option('--yes', 'run straight through without waiting for Enter')
    .option('--speed <speed>', 'normal | fast (shorter waits)', toSpeed, 'normal')
    .option(
      '--out <dir>',
      'where to keep the reports and the route history',
      join(tmpdir(), 'strangler-walkthrough'),
    )
    .action(async (flags: WalkthroughFlags) => {
      const interactive = !flags.yes && Boolean(process.stdin.isTTY);
      const abort = new AbortController();
      const stop = () => abort.abort(new Error('interrupted'));
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
      const narrator = createTerminalNarrator(ctx, {
        interactive: !flags.yes,
        tty: interactive,
        signal: abort.signal,
      });
      try {
        const { runWalkthrough } = await import('../../walkthrough/index.ts');
        const summary = await runWalkthrough({
          root,
          narrator,
          speed: flags.speed,
          signal: abort.signal,
          env: ctx.env,
          outDir: flags.out ?? join(tmpdir(), 'strangler-walkthrough'),
        });
        writeLine(ctx.stdout);
        writeLine(ctx.stdout, `Done: ${summary.sent} requests sent, ${summary.failed} failed.`);
        if (summary.failed > 0) process.exitCode = 1;
      } catch (error) {
        if (abort.signal.aborted) {
          writeLine(
            ctx.stdout,
            '\nInterrupted: everything the walkthrough started has been stopped and its temp files removed.',
          );
          process.exitCode = 130;
          return;
        }
        throw error;
      } finally {
        narrator.close();
        process.off('SIGINT', stop);
        process.off('SIGTERM', stop);
      }
    });
}

function toSpeed(value: string): 'normal' | 'fast' {
  if (value !== 'normal' && value !== 'fast') throw new InvalidArgumentError('must be normal or fast.');
  return value;
}

/** Steps explain themselves and wait for Enter (stdin, TTY or scripted); `--yes` never waits. */
function createTerminalNarrator(
  ctx: CliContext,
  options: { interactive: boolean; tty: boolean; signal: AbortSignal },
): Narrator & { close(): void } {
  const lines = options.interactive ? createInterface({ input: process.stdin, terminal: false }) : null;
  const queue: Array<() => void> = [];
  let pending = 0;
  lines?.on('line', () => {
    const next = queue.shift();
    if (next) next();
    else pending++;
  });
  // End of input, or Ctrl-C while a step waits for Enter: release every prompt, so the
  // walkthrough reaches its cleanup instead of waiting for a key that will never come.
  const releaseAll = () => {
    for (const resolve of queue.splice(0)) resolve();
    pending = Number.POSITIVE_INFINITY;
  };
  lines?.on('close', releaseAll);
  options.signal.addEventListener('abort', releaseAll, { once: true });
  const isTTY = Boolean(ctx.stdout.isTTY);
  let live = false;
  const endLive = () => {
    if (live) ctx.stdout.write('\n');
    live = false;
  };
  return {
    async step(index, total, title, why) {
      endLive();
      writeLine(ctx.stdout);
      writeLine(
        ctx.stdout,
        `── Step ${index}/${total}: ${title} ${'─'.repeat(Math.max(0, 80 - title.length))}`.slice(0, 100),
      );
      for (const line of why) writeLine(ctx.stdout, line);
      if (!lines) return;
      ctx.stdout.write('Press Enter to go on (Ctrl-C stops and cleans up) ');
      await new Promise<void>((resolve) => {
        if (pending > 0) {
          pending--;
          resolve();
        } else queue.push(resolve);
      });
      if (!options.tty) writeLine(ctx.stdout);
    },
    say(text = '') {
      endLive();
      writeLine(ctx.stdout, text);
    },
    status(text) {
      if (isTTY) {
        ctx.stdout.write(`\r\x1b[2K${text}`);
        live = true;
      }
    },
    close() {
      endLive();
      lines?.close();
    },
  };
}
