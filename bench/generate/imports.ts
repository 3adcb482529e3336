import { posix } from 'node:path';
import type { Random } from './random.ts';

/** Extension-less specifier from one project file to another, the way most TS code bases write it. */
export function relativeSpecifier(from: string, to: string): string {
  const path = posix.relative(posix.dirname(from), to).replace(/\.ts$/, '');
  return path.startsWith('.') ? path : `./${path}`;
}

/**
 * A specifier that sometimes goes through the tsconfig path aliases (`@shared/*` -> src/shared/*,
 * `@app/*` -> src/*), as code written by different people over the years does.
 */
export function specifier(from: string, to: string, random: Random, aliasRate = 0.5): string {
  if (random.chance(aliasRate)) {
    if (to.startsWith('src/shared/')) return `@shared/${to.slice('src/shared/'.length).replace(/\.ts$/, '')}`;
    if (to.startsWith('src/')) return `@app/${to.slice('src/'.length).replace(/\.ts$/, '')}`;
  }
  return relativeSpecifier(from, to);
}

export const KERNEL_FILE = {
  db: 'src/shared/db.ts',
  logger: 'src/shared/logger.ts',
  config: 'src/shared/config.ts',
  errors: 'src/shared/errors.ts',
  auth: 'src/shared/auth.ts',
  http: 'src/shared/http.ts',
  validate: 'src/shared/validate.ts',
  dates: 'src/utils/dates.ts',
  money: 'src/utils/money.ts',
  strings: 'src/utils/strings.ts',
  pagination: 'src/utils/pagination.ts',
  ids: 'src/utils/ids.ts',
} as const;
