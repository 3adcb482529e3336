import { KERNEL_FILE as K, relativeSpecifier as rel } from './imports.ts';

/** The shared kernel every domain uses: infrastructure, no tables, no endpoints. */
export function renderKernel(): Map<string, string> {
  const files = new Map<string, string>();
  files.set(
    K.config,
    `export const config = {
  port: Number(process.env.PORT ?? 3000),
  dbFile: process.env.DB_FILE ?? 'data/app.db',
  jwtSecret: process.env.JWT_SECRET ?? 'dev-secret',
  logLevel: process.env.LOG_LEVEL ?? 'info',
};

export type Config = typeof config;
`,
  );
  files.set(
    K.db,
    `import Database from 'better-sqlite3';
import { config } from '${rel(K.db, K.config)}';

export const db = new Database(config.dbFile);
db.pragma('journal_mode = WAL');
db.pragma('foreign_keys = ON');

export function closeDb(): void {
  db.close();
}
`,
  );
  files.set(
    K.logger,
    `import { config } from '${rel(K.logger, K.config)}';

type Level = 'debug' | 'info' | 'warn' | 'error';
const order: Level[] = ['debug', 'info', 'warn', 'error'];

function log(level: Level, message: string, fields: Record<string, unknown> = {}): void {
  if (order.indexOf(level) < order.indexOf(config.logLevel as Level)) return;
  process.stdout.write(\`\${JSON.stringify({ level, time: Date.now(), message, ...fields })}\\n\`);
}

export const logger = {
  debug: (message: string, fields?: Record<string, unknown>) => log('debug', message, fields),
  info: (message: string, fields?: Record<string, unknown>) => log('info', message, fields),
  warn: (message: string, fields?: Record<string, unknown>) => log('warn', message, fields),
  error: (message: string, fields?: Record<string, unknown>) => log('error', message, fields),
};
`,
  );
  files.set(
    K.errors,
    `export class AppError extends Error {
  constructor(
    message: string,
    readonly status = 500,
    readonly code = 'INTERNAL',
  ) {
    super(message);
  }
}

export class NotFoundError extends AppError {
  constructor(what: string, id: string) {
    super(\`\${what} \${id} not found\`, 404, 'NOT_FOUND');
  }
}

export class ValidationError extends AppError {
  constructor(message: string) {
    super(message, 400, 'VALIDATION');
  }
}

export class ForbiddenError extends AppError {
  constructor() {
    super('Forbidden', 403, 'FORBIDDEN');
  }
}
`,
  );
  files.set(
    K.auth,
    `import type { NextFunction, Request, Response } from 'express';
import { createHmac } from 'node:crypto';
import { config } from '${rel(K.auth, K.config)}';
import { ForbiddenError } from '${rel(K.auth, K.errors)}';

function verify(token: string): string | null {
  const [user, signature] = token.split('.');
  if (!user || !signature) return null;
  const expected = createHmac('sha256', config.jwtSecret).update(user).digest('hex');
  return expected === signature ? user : null;
}

export function requireAuth(req: Request, res: Response, next: NextFunction): void {
  const token = (req.headers.authorization ?? '').replace(/^Bearer /, '');
  const user = verify(token);
  if (!user) return next(new ForbiddenError());
  res.locals.user = user;
  next();
}
`,
  );
  files.set(
    K.http,
    `import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { AppError } from '${rel(K.http, K.errors)}';
import { logger } from '${rel(K.http, K.logger)}';

export function asyncHandler(fn: (req: Request, res: Response) => Promise<unknown>): RequestHandler {
  return (req, res, next) => {
    fn(req, res).catch(next);
  };
}

export function errorHandler(error: unknown, req: Request, res: Response, _next: NextFunction): void {
  const status = error instanceof AppError ? error.status : 500;
  if (status >= 500) logger.error('request failed', { path: req.path, error: String(error) });
  res.status(status).json({ error: error instanceof Error ? error.message : 'Internal error' });
}

export function requestLogger(req: Request, _res: Response, next: NextFunction): void {
  logger.debug('request', { method: req.method, path: req.path });
  next();
}
`,
  );
  files.set(
    K.validate,
    `import { ValidationError } from '${rel(K.validate, K.errors)}';

export function requireString(body: Record<string, unknown>, field: string): string {
  const value = body[field];
  if (typeof value !== 'string' || value.length === 0) throw new ValidationError(\`\${field} is required\`);
  return value;
}

export function optionalNumber(body: Record<string, unknown>, field: string): number | undefined {
  const value = body[field];
  if (value === undefined) return undefined;
  if (typeof value !== 'number') throw new ValidationError(\`\${field} must be a number\`);
  return value;
}
`,
  );
  files.set(
    K.dates,
    `export const now = (): string => new Date().toISOString();

export function addDays(iso: string, days: number): string {
  return new Date(Date.parse(iso) + days * 86_400_000).toISOString();
}
`,
  );
  files.set(
    K.money,
    `export const toCents = (amount: number): number => Math.round(amount * 100);

export function formatMoney(cents: number, currency = 'EUR'): string {
  return new Intl.NumberFormat('en', { style: 'currency', currency }).format(cents / 100);
}
`,
  );
  files.set(
    K.strings,
    `export const slugify = (text: string): string =>
  text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

export const truncate = (text: string, max: number): string => (text.length > max ? \`\${text.slice(0, max - 1)}…\` : text);
`,
  );
  files.set(
    K.pagination,
    `export interface Page<T> {
  items: T[];
  page: number;
  pageSize: number;
}

export function pageParams(page: number, pageSize = 20): { limit: number; offset: number } {
  const safe = Math.max(1, Math.floor(page) || 1);
  return { limit: pageSize, offset: (safe - 1) * pageSize };
}

export const paginate = <T>(items: T[], page: number, pageSize = 20): Page<T> => ({ items, page, pageSize });
`,
  );
  files.set(
    K.ids,
    `import { randomUUID } from 'node:crypto';

export const newId = (): string => randomUUID();
`,
  );
  return files;
}
