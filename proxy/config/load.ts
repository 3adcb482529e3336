/**
 * Reads, validates and freezes the configuration. Every message names the field path and
 * the source (`routes[3].percent: must be 0-100 (proxy.yaml)`), so a user fixes it at once.
 */
import { readFile } from 'node:fs/promises';
import { basename, dirname, isAbsolute, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { z } from 'zod';
import { StranglerError } from '../../errors/index.ts';
import { PROXY_CONFIG_ERRORS } from './errors.ts';
import { type ProxyConfig, proxyConfigSchema } from './schema.ts';

/** `['routes', 3, 'percent']` → `routes[3].percent`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out ? `.${String(part)}` : String(part);
  }
  return out || '(root)';
}

export interface ConfigProblem {
  path: string;
  message: string;
}

function toProblems(issues: readonly z.core.$ZodIssue[]): ConfigProblem[] {
  return issues.map((issue) => ({ path: formatPath(issue.path), message: issue.message }));
}

/** Validates already-parsed data; `source` names where it came from in messages. */
export function parseConfig(input: unknown, source: string): ProxyConfig {
  const result = proxyConfigSchema.safeParse(input);
  if (!result.success) {
    const problems = toProblems(result.error.issues);
    const lines = problems.map((p) => `${p.path}: ${p.message} (${source})`);
    throw new StranglerError(
      PROXY_CONFIG_ERRORS.PROXY_CONFIG_INVALID,
      `Invalid proxy configuration:\n  ${lines.join('\n  ')}`,
      { details: { source, problems } },
    );
  }
  return deepFreeze(result.data);
}

/** Loads a YAML or JSON file (YAML is a superset of JSON, so one parser reads both). */
export async function loadConfigFile(file: string): Promise<ProxyConfig> {
  const source = basename(file);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new StranglerError(PROXY_CONFIG_ERRORS.PROXY_CONFIG_NOT_FOUND, `Cannot read ${file}`, {
      cause: error,
      details: { file },
    });
  }
  let data: unknown;
  try {
    data = parseYaml(text, { prettyErrors: true });
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new StranglerError(PROXY_CONFIG_ERRORS.PROXY_CONFIG_SYNTAX, `${reason} (${source})`, {
      cause: error,
      details: { file },
    });
  }
  const config = parseConfig(data ?? {}, source);
  // The database path is relative to the file, so a config works from any directory.
  if (config.db === ':memory:' || isAbsolute(config.db)) return config;
  return deepFreeze({ ...config, db: resolve(dirname(file), config.db) });
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}
