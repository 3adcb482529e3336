import { Command, CommanderError } from 'commander';
import { analyzeCommand } from './commands/analyze.ts';
import { diffsCommand } from './commands/diffs.ts';
import { exportCommand } from './commands/export.ts';
import { extractCommand } from './commands/extract.ts';
import { proxyCommand } from './commands/proxy.ts';
import { reportCommand } from './commands/report.ts';
import { routesCommand } from './commands/routes.ts';
import { syncCommand } from './commands/sync.ts';
import { walkthroughCommand } from './commands/walkthrough.ts';
import { type CliContext, getProcessContext } from './context.ts';
import { reportError } from './report-error.ts';

export function createProgram(ctx: CliContext): Command {
  const program = new Command('strangler')
    .description('Analyze a Node.js monolith and strangle it into services, one endpoint at a time.')
    .version(VERSION, '-v, --version')
    .showHelpAfterError('(run with --help for usage)')
    .configureOutput({
      writeOut: (text) => ctx.stdout.write(text),
      writeErr: (text) => ctx.stderr.write(text),
    });
  for (const command of [
    analyzeCommand(ctx),
    reportCommand(ctx),
    proxyCommand(ctx),
    routesCommand(ctx),
    diffsCommand(ctx),
    extractCommand(ctx),
    syncCommand(ctx),
    exportCommand(ctx),
    walkthroughCommand(ctx),
  ]) {
    program.addCommand(command);
  }
  program.exitOverride();
  for (const command of program.commands) exitOverrideDeep(command);
  return program;
}

function exitOverrideDeep(command: Command): void {
  command.exitOverride();
  for (const sub of command.commands) exitOverrideDeep(sub);
}

/** Runs the CLI and returns the exit code: 0 ok, 1 a failure the user can fix, 2 bad usage. */
export async function main(argv: readonly string[], ctx: CliContext = getProcessContext()): Promise<number> {
  const program = createProgram(ctx);
  try {
    await program.parseAsync([...argv], { from: 'user' });
    // A command may end with its own code (the walkthrough: 1 when requests failed, 130 on Ctrl-C).
    return Number(process.exitCode ?? 0) || 0;
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version end through here with exitCode 0; commander already printed.
      return error.exitCode === 0 ? 0 : 2;
    }
    return reportError(error, ctx);
  }
}

const VERSION = '0.1.0';
