import { config } from './config.ts';

type Level = 'debug' | 'info' | 'warn' | 'error';

const ORDER: Record<Level | 'silent', number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 99 };

export interface Logger {
  debug(msg: string, fields?: Record<string, unknown>): void;
  info(msg: string, fields?: Record<string, unknown>): void;
  warn(msg: string, fields?: Record<string, unknown>): void;
  error(msg: string, fields?: Record<string, unknown>): void;
  child(bindings: Record<string, unknown>): Logger;
}

// One JSON line per entry; the log shipper in production parses these.
function write(
  level: Level,
  bindings: Record<string, unknown>,
  msg: string,
  fields?: Record<string, unknown>,
) {
  if (ORDER[level] < ORDER[config().logLevel]) return;
  const line = JSON.stringify({ level, time: new Date().toISOString(), msg, ...bindings, ...fields });
  if (level === 'error' || level === 'warn') process.stderr.write(`${line}\n`);
  else process.stdout.write(`${line}\n`);
}

export function createLogger(bindings: Record<string, unknown> = {}): Logger {
  return {
    debug: (msg, fields) => write('debug', bindings, msg, fields),
    info: (msg, fields) => write('info', bindings, msg, fields),
    warn: (msg, fields) => write('warn', bindings, msg, fields),
    error: (msg, fields) => write('error', bindings, msg, fields),
    child: (more) => createLogger({ ...bindings, ...more }),
  };
}

export const logger = createLogger({ app: 'shop' });
