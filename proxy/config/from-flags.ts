import { StranglerError } from '../../errors/index.ts';
import { PROXY_CONFIG_ERRORS } from './errors.ts';
import { parseConfig } from './load.ts';
import type { ProxyConfig, ProxyConfigInput } from './schema.ts';

export interface ProxyFlags {
  monolith?: string;
  port?: number;
  host?: string;
  adminPort?: number;
  adminHost?: string;
  db?: string;
  /** `authorization`, `header:NAME` or `cookie:NAME`: record sessions for `analyze --traffic`. */
  sessions?: string;
}

/** `strangler proxy --monolith URL --port N --admin-port N --db FILE` builds the same config a file would. */
export function configFromFlags(flags: ProxyFlags): ProxyConfig {
  if (!flags.monolith) {
    throw new StranglerError(
      PROXY_CONFIG_ERRORS.PROXY_CONFIG_FLAGS,
      'No configuration: `--monolith URL` is required.',
    );
  }
  const input: ProxyConfigInput = {
    listen: { host: flags.host ?? '127.0.0.1', port: flags.port ?? 8080 },
    admin: { host: flags.adminHost ?? '127.0.0.1', port: flags.adminPort ?? 8081 },
    db: flags.db ?? 'strangler-proxy.db',
    monolith: flags.monolith,
    ...(flags.sessions === undefined ? {} : { sessions: { key: toSessionKey(flags.sessions) } }),
  };
  return parseConfig(input, 'command-line flags');
}

function toSessionKey(flag: string): NonNullable<ProxyConfigInput['sessions']>['key'] {
  if (flag === 'authorization') return 'authorization';
  const [kind, name] = [flag.slice(0, flag.indexOf(':')), flag.slice(flag.indexOf(':') + 1)];
  if ((kind === 'header' || kind === 'cookie') && name)
    return kind === 'header' ? { header: name } : { cookie: name };
  throw new StranglerError(
    PROXY_CONFIG_ERRORS.PROXY_CONFIG_SESSIONS_FLAG,
    `--sessions ${flag}: expected \`authorization\`, \`header:NAME\` or \`cookie:NAME\`.`,
  );
}
