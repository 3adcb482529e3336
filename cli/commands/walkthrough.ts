import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { Command } from 'commander';
import { type CliContext, writeLine } from '../context.ts';

const monolithEntry = fileURLToPath(new URL('../../bin/monolith.js', import.meta.url));

/**
 * Until the live migration walkthrough lands, `npm start` runs the sample monolith so a new
 * user sees the subject of the migration, and says plainly what is and is not there yet.
 */
export function walkthroughCommand(ctx: CliContext): Command {
  return new Command('walkthrough')
    .description('Run a whole migration of the sample monolith, live, step by step.')
    .option('--yes', 'run straight through without waiting for Enter')
    .option('--speed <speed>', 'normal | fast', 'normal')
    .action(async () => {
      const port = ctx.env.PORT ?? '3000';
      writeLine(ctx.stdout, 'The step-by-step migration walkthrough is not built yet.');
      writeLine(
        ctx.stdout,
        `Starting the sample monolith instead on http://127.0.0.1:${port} (Ctrl-C to stop).`,
      );
      writeLine(ctx.stdout, `Try: curl http://127.0.0.1:${port}/api/catalog/products`);
      const child = spawn(process.execPath, [monolithEntry], { stdio: 'inherit', env: ctx.env });
      const stop = () => child.kill('SIGTERM');
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
      const code = await new Promise<number>((resolve) => child.on('exit', (c) => resolve(c ?? 0)));
      if (code !== 0) process.exitCode = code;
    });
}
