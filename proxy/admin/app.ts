/**
 * The admin REST API. Every endpoint but `/healthz` needs a bearer token; every change is
 * written to SQLite (and committed) before the answer, then the route table is swapped.
 */
import express, { type ErrorRequestHandler, type Express, type Request } from 'express';
import { z } from 'zod';
import { isStranglerError, StranglerError } from '../../errors/index.ts';
import { formatPath } from '../config/load.ts';
import { ROUTE_MODES } from '../model.ts';
import type { AdminOptions } from './admin-options.ts';
import { rejectQueryTokens, requireToken } from './auth.ts';
import { PROXY_ADMIN_ERRORS } from './errors.ts';
import { toHttpStatus } from './status-code.ts';

const setBody = z.strictObject({
  mode: z.enum(ROUTE_MODES),
  percent: z.number().min(0).max(100).optional(),
  target: z.string().min(1).optional(),
  reason: z.string().max(500).optional(),
});
const rollbackBody = z.strictObject({
  revision: z.number().int().positive().optional(),
  reason: z.string().max(500).optional(),
});
const resetBody = z.strictObject({ reason: z.string().max(500).optional() });

function parseBody<T>(schema: z.ZodType<T>, body: unknown): T {
  const result = schema.safeParse(body ?? {});
  if (result.success) return result.data;
  const problems = result.error.issues.map((i) => `${formatPath(i.path)}: ${i.message}`);
  throw new StranglerError(PROXY_ADMIN_ERRORS.PROXY_ADMIN_BAD_REQUEST, problems.join('; '), {
    details: { problems },
  });
}

const actorOf = (res: { locals: Record<string, unknown> }) => String(res.locals.actor);
const routeParam = (req: Request) => String(req.params.id);

export function createAdminApp(options: AdminOptions): Express {
  const { store, logger } = options;
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  app.use(rejectQueryTokens);
  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok', revision: store.getRevision() });
  });

  const protect = requireToken(options.tokens);
  options.extend?.(app, protect);
  app.use(protect);
  app.use(express.json({ limit: '1mb', strict: true }));

  const changed = (
    what: string,
    res: { locals: Record<string, unknown> },
    details: Record<string, unknown>,
  ) => {
    options.afterChange();
    logger.info(
      { event: 'route-change', actor: actorOf(res), revision: store.getRevision(), ...details },
      what,
    );
  };

  app.get('/routes', async (_req, res) => {
    const table = store.getTable();
    const info = options.routeInfo ? await options.routeInfo() : null;
    res.json(info ? { ...table, routes: table.routes.map((r) => ({ ...r, ...info.get(r.id) })) } : table);
  });
  app.put('/routes/:id', (req, res) => {
    const body = parseBody(setBody, req.body);
    const patch = { mode: body.mode, percent: body.percent, service: body.target };
    const change = store.setRoute(routeParam(req), patch, {
      actor: actorOf(res),
      reason: body.reason ?? null,
    });
    if (change) changed('route set', res, { route: change.routeId, after: change.after });
    res.json({ route: store.findRoute(routeParam(req)), change });
  });
  app.post('/routes/:id/rollback', (req, res) => {
    const body = parseBody(rollbackBody, req.body);
    const change = store.rollback(routeParam(req), { actor: actorOf(res), ...body });
    changed('route rolled back', res, { route: change.routeId, after: change.after });
    res.json({ route: store.findRoute(routeParam(req)), change });
  });
  app.post('/routes/import', (req, res) => {
    const result = store.importPlan(req.body, { actor: actorOf(res), reason: 'route plan import' });
    if (result.changes.length > 0 || result.services.length > 0)
      changed('route plan imported', res, { added: result.changes.length, services: result.services });
    res.json({ revision: store.getRevision(), ...result });
  });
  app.post('/reload', async (_req, res) => {
    if (!options.reload) {
      throw new StranglerError(
        PROXY_ADMIN_ERRORS.PROXY_ADMIN_NO_CONFIG_FILE,
        'The proxy has no config file to re-read.',
      );
    }
    res.json(await options.reload());
  });
  app.get('/history', (req, res) => {
    const limit = Math.min(Number(req.query.limit) || 100, 1000);
    const route = typeof req.query.route === 'string' ? req.query.route : undefined;
    res.json(store.history({ route, limit }));
  });
  app.get('/stats', (req, res) => {
    const minutes = Math.min(Number(req.query.minutes) || 15, 24 * 60);
    res.json({
      revision: store.getRevision(),
      live: options.getLiveStats(),
      minutes: store.readTraffic(minutes),
    });
  });
  app.get('/diffs', async (req, res) => {
    const route = typeof req.query.route === 'string' ? req.query.route : undefined;
    res.json(options.diffs ? await options.diffs({ route }) : []);
  });
  app.get('/diffs/:id', async (req, res) => {
    res.json(await requireShadow(options.routeDiffs)(routeParam(req)));
  });
  app.post('/diffs/:id/reset', async (req, res) => {
    const body = parseBody(resetBody, req.body);
    const reset = await requireShadow(options.resetDiffs)(routeParam(req));
    const at = new Date().toISOString();
    // Not a route change (the table is untouched), but who wiped a route's evidence, and why,
    // must be on record like one.
    logger.info(
      { event: 'diffs-reset', actor: actorOf(res), route: reset.routeId, reason: body.reason ?? null },
      'shadow results reset',
    );
    res.json({ ...reset, reset: true, actor: actorOf(res), at, reason: body.reason ?? null });
  });
  app.get('/metrics', async (_req, res) => {
    const metrics = await options.getMetrics();
    res.type(metrics.contentType).send(metrics.body);
  });

  app.use((req, _res, next) => {
    next(
      new StranglerError(
        PROXY_ADMIN_ERRORS.PROXY_ADMIN_NOT_FOUND,
        `No admin endpoint ${req.method} ${req.path}.`,
      ),
    );
  });
  app.use(createErrorHandler(options));
  return app;
}

function requireShadow<T>(provider: T | undefined): T {
  if (provider === undefined) {
    throw new StranglerError(
      PROXY_ADMIN_ERRORS.PROXY_ADMIN_NO_SHADOW,
      'This proxy keeps no shadow comparison results.',
    );
  }
  return provider;
}

/** Errors become `{ error: { code, message, hint } }` with the status from status-code.ts. */
function createErrorHandler({ logger }: AdminOptions): ErrorRequestHandler {
  return (error, _req, res, _next) => {
    const known = toStranglerError(error);
    const status = known ? toHttpStatus(known.code) : 500;
    if (!known || status >= 500) logger.error({ err: error }, 'admin request failed');
    const body = known
      ? { code: known.code, message: known.message, hint: known.hint }
      : { code: 'PROXY_ADMIN_INTERNAL', message: 'Internal error; see the proxy log.', hint: '' };
    res.status(status).json({ error: body });
  };
}

/** body-parser's errors carry a `type`; turn the ones a client causes into catalog errors. */
function toStranglerError(error: unknown): StranglerError | null {
  if (isStranglerError(error)) return error;
  const type = (error as { type?: string } | null)?.type;
  if (type === 'entity.parse.failed')
    return new StranglerError(PROXY_ADMIN_ERRORS.PROXY_ADMIN_BAD_JSON, 'The request body is not valid JSON.');
  if (type === 'entity.too.large')
    return new StranglerError(
      PROXY_ADMIN_ERRORS.PROXY_ADMIN_BODY_TOO_LARGE,
      'The request body is too large.',
    );
  if (type === 'encoding.unsupported' || type === 'charset.unsupported')
    return new StranglerError(PROXY_ADMIN_ERRORS.PROXY_ADMIN_BAD_REQUEST, 'Unsupported body encoding.');
  return null;
}
