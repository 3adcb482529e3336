import { resolve } from 'node:path';
import { Command, InvalidArgumentError } from 'commander';
import { pino } from 'pino';
import { configFromFlags } from '../../proxy/config/from-flags.ts';
import { getConfigJsonSchema } from '../../proxy/config/json-schema.ts';
import { loadConfigFile } from '../../proxy/config/load.ts';
import type { StranglerProxy } from '../../proxy/index.ts';
import { type CliContext, writeLine } from '../context.ts';

interface ProxyFlags {
  config?: string;
  monolith?: string;
  host?: string;
  port?: number;
  adminPort?: number;
  db?: string;
  printSchema?: boolean;
  sessions?: string | true;
  logLevel: string;
}

function toPort(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535)
    throw new InvalidArgumentError('must be a port number 0-65535.');
  return n;
}

export function proxyCommand(ctx: CliContext): Command {
  return new Command('proxy')
    .description('Run the strangler-fig proxy in front of the monolith.')
    .option('--config <file>', 'YAML or JSON configuration (see docs/proxy-admin.md)')
    .option('--monolith <url>', 'monolith base URL, when running without a config file')
    .option('--host <host>', 'address to listen on', '127.0.0.1')
    .option('--port <n>', 'proxy port', toPort)
    .option('--admin-port <n>', 'admin API port', toPort)
    .option('--db <file>', 'SQLite file for routes, history and stats')
    .option(
      '--sessions [key]',
      'record which routes each session hits, for `strangler analyze --traffic` (authorization | header:NAME | cookie:NAME; default authorization)',
    )
    .option('--log-level <level>', 'pino log level', 'info')
    .option('--print-schema', 'print the configuration JSON Schema and exit')
    .action(async (flags: ProxyFlags) => {
      if (flags.printSchema) {
        writeLine(ctx.stdout, JSON.stringify(getConfigJsonSchema(), null, 2));
        return;
      }
      const configFile = flags.config ? resolve(ctx.cwd, flags.config) : undefined;
      const config = configFile
        ? await loadConfigFile(configFile)
        : configFromFlags({
            ...flags,
            db: flags.db && resolve(ctx.cwd, flags.db),
            sessions: flags.sessions === true ? 'authorization' : flags.sessions,
          });
      // JSON logs on stdout; human notes (address, generated token) on stderr.
      const logger = pino({ level: flags.logLevel, base: { name: 'strangler-proxy' } });
      const envToken = ctx.env.STRANGLER_ADMIN_TOKEN;
      // Loaded on use, so other commands do not pay for the proxy's dependencies at start-up.
      const { createProxy } = await import('../../proxy/index.ts');
      const proxy = createProxy(config, {
        logger,
        configFile,
        adminTokens: envToken ? [{ name: 'admin', token: envToken }] : [],
      });
      const { port, adminPort } = await proxy.listen().catch(async (error: unknown) => {
        await proxy.close();
        throw error;
      });
      writeLine(ctx.stderr, `strangler proxy listening on http://${config.listen.host}:${port}`);
      if (adminPort !== null) writeLine(ctx.stderr, `admin API on http://${config.admin?.host}:${adminPort}`);
      if (proxy.generatedToken) {
        writeLine(
          ctx.stderr,
          `admin token (shown once, pass it as STRANGLER_ADMIN_TOKEN): ${proxy.generatedToken}`,
        );
      }
      await runUntilSignal(proxy, logger, configFile);
    });
}

/** SIGHUP re-reads the config file; SIGINT/SIGTERM shut down gracefully. */
function runUntilSignal(
  proxy: StranglerProxy,
  logger: pino.Logger,
  configFile: string | undefined,
): Promise<void> {
  return new Promise((done) => {
    const onHangup = () => {
      if (!configFile) {
        logger.warn('SIGHUP ignored: the proxy was started from flags, there is no config file to re-read');
        return;
      }
      // reload() logs why an invalid file was refused; the previous config keeps serving.
      proxy.reload().catch(() => undefined);
    };
    const onStop = (signal: NodeJS.Signals) => {
      logger.info({ signal }, 'shutting down');
      process.off('SIGHUP', onHangup);
      process.off('SIGINT', onStop);
      process.off('SIGTERM', onStop);
      proxy.close().then(done, (error: unknown) => {
        logger.error({ err: error }, 'shutdown failed');
        done();
      });
    };
    process.on('SIGHUP', onHangup);
    process.on('SIGINT', onStop);
    process.on('SIGTERM', onStop);
  });
}
