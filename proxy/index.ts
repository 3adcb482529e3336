/**
 * `createProxy(config)`: the composition root. It opens the store, seeds it from the config,
 * keeps the in-memory route table (swapped atomically after each committed change), and
 * wires the data plane (request handler), the admin API and the stats flusher. It never
 * touches `process`: the CLI passes the environment's token and handles signals.
 */
import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { type Logger, pino } from 'pino';
import { StranglerError } from '../errors/index.ts';
import type { AdminOptions, DiffsProvider, ReloadResult } from './admin/admin-options.ts';
import { createAdminApp } from './admin/app.ts';
import type { NamedToken } from './admin/auth.ts';
import { mountDashboard } from './admin/dashboard/mount-dashboard.ts';
import { PROXY_CONFIG_ERRORS } from './config/errors.ts';
import { loadConfigFile } from './config/load.ts';
import { toRoute } from './config/route-key.ts';
import type { ProxyConfig } from './config/schema.ts';
import type { CapturedExchange, RouteTable } from './model.ts';
import { createRequestHandler } from './request-handler.ts';
import { createSessionRecorder } from './sessions/index.ts';
import { createShadow } from './shadow/index.ts';
import { createProxyStats, type ProxyStats } from './stats/create-stats.ts';
import type { RouteStore, SeedInput } from './store/route-store.ts';
import { openRouteStore } from './store/sqlite-route-store.ts';
import { createStatsFlusher } from './store/stats-flusher.ts';

export type { ProxyConfig } from './config/schema.ts';

export interface CreateProxyOptions {
  /** Structured JSON logs; silent when omitted (the library never prints). */
  logger?: Logger;
  /** Tokens besides the config's named ones, e.g. STRANGLER_ADMIN_TOKEN passed in by the CLI. */
  adminTokens?: NamedToken[];
  /** The file the config came from: enables `reload()` without arguments and `POST /reload`. */
  configFile?: string;
  /** Fills `GET /diffs` (the shadow runner). */
  diffs?: DiffsProvider;
  /** Mounts more admin endpoints (the dashboard page) behind the same token check. */
  extendAdmin?: AdminOptions['extend'];
  /** Receives each shadow-mode exchange after the primary response was sent. */
  onShadow?: (exchange: CapturedExchange) => void;
}

export interface StranglerProxy {
  listen(): Promise<{ port: number; adminPort: number | null }>;
  /** Stops accepting, lets requests in flight finish (bounded by `shutdown.graceMs`), flushes stats, closes the db. */
  close(): Promise<void>;
  /** Applies a new config (or re-reads the config file): new services and routes are added, stored routes keep their state. */
  reload(config?: ProxyConfig): Promise<ReloadResult>;
  /** The table requests are routed with right now. */
  getTable(): RouteTable;
  readonly store: RouteStore;
  readonly stats: ProxyStats;
  /** The admin token generated at start when none was configured; the CLI prints it once. */
  readonly generatedToken: string | null;
  readonly config: ProxyConfig;
}

/** Config routes and services in the store's terms. */
export function toSeed(config: ProxyConfig): SeedInput {
  return {
    monolith: config.monolith,
    services: Object.entries(config.services).map(([name, url]) => ({ name, url })),
    routes: config.routes.map((route) => toRoute(route)),
  };
}

export function createProxy(initialConfig: ProxyConfig, options: CreateProxyOptions = {}): StranglerProxy {
  const logger = options.logger ?? pino({ level: 'silent' });
  let config = initialConfig;
  const sqlite = openRouteStore(config.db);
  sqlite.seed(toSeed(config), { actor: 'config', reason: 'config file' });
  let table = sqlite.getTable();
  /** Requests in flight keep the table object they started with; new ones see the new one. */
  const refreshTable = () => {
    table = sqlite.getTable();
  };
  // Whoever changes a route (admin API, guardrail, library user), the table follows the commit.
  const store: RouteStore = {
    ...sqlite,
    seed: (...args) => afterCommit(sqlite.seed(...args)),
    importPlan: (...args) => afterCommit(sqlite.importPlan(...args)),
    setRoute: (...args) => afterCommit(sqlite.setRoute(...args)),
    rollback: (...args) => afterCommit(sqlite.rollback(...args)),
  };
  function afterCommit<T>(result: T): T {
    refreshTable();
    return result;
  }
  const getTable = () => table;

  const stats = createProxyStats();
  const flusher = createStatsFlusher({
    store,
    read: () => stats.getStatsSnapshot().routes,
    intervalMs: config.stats.flushIntervalMs,
    onError: (error) => logger.error({ err: error }, 'stats flush failed'),
  });

  // The parallel run: compares shadow routes, fills GET /diffs, rolls routes back on guardrails.
  const shadow = createShadow({
    settings: config.shadow,
    dbFile: config.db,
    getTable,
    logger,
    rollback: (change) =>
      store.rollback(change.routeId, {
        actor: change.actor,
        reason: change.reason,
        kind: 'auto-rollback',
        revision: change.revision,
      }),
    history: (routeId) => store.history({ route: routeId, limit: 100 }),
  });
  for (const metric of shadow.metrics) stats.registry.registerMetric(metric);
  const onShadow = (exchange: CapturedExchange) => {
    shadow.onShadow(exchange);
    options.onShadow?.(exchange);
  };
  // Which routes each client session hits (`analyze --traffic`); on when `sessions` is configured.
  const sessions = config.sessions
    ? createSessionRecorder({ settings: config.sessions, dbFile: config.db, logger })
    : null;
  for (const metric of sessions?.metrics ?? []) stats.registry.registerMetric(metric);
  const handler = createRequestHandler({
    getTable,
    config,
    stats: shadow.observe(stats),
    logger,
    onShadow,
    ...(sessions ? { onRouted: sessions.observe } : {}),
    // The shadow runner skips (and counts) bodies over this cap; capture no more than it can use.
    limits: { captureBytes: config.shadow.captureBytes },
  });
  const server = createServer(handler.handle);
  server.on('upgrade', handler.upgrade);
  const sockets = new Set<Socket>();
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  // While closing, a keep-alive connection is closed as soon as its last response is done.
  server.on('request', (_req, res) => {
    res.once('finish', () => {
      if (closing) setImmediate(() => server.closeIdleConnections());
    });
  });

  const tokens: NamedToken[] = [...(config.admin?.tokens ?? []), ...(options.adminTokens ?? [])];
  const generatedToken = config.admin && tokens.length === 0 ? randomBytes(24).toString('base64url') : null;
  if (generatedToken) tokens.push({ name: 'admin', token: generatedToken });

  async function reload(next?: ProxyConfig): Promise<ReloadResult> {
    if (!next && !options.configFile)
      throw new Error('reload() needs a config when the proxy has no config file');
    let loaded: ProxyConfig;
    try {
      loaded = next ?? (await loadConfigFile(options.configFile!));
    } catch (error) {
      logger.warn({ err: error }, 'config reload failed; the previous config keeps serving');
      throw error;
    }
    const result = store.seed(toSeed(loaded), { actor: 'config', reason: 'config reload' });
    refreshTable();
    // Routes, services and the monolith URL apply now; the rest is read once at start.
    const liveKeys = new Set(['monolith', 'services', 'routes']);
    const restartNeeded = (Object.keys(loaded) as Array<keyof ProxyConfig>).filter(
      (key) => !liveKeys.has(key) && JSON.stringify(loaded[key]) !== JSON.stringify(config[key]),
    );
    if (restartNeeded.length > 0)
      logger.warn({ fields: restartNeeded }, 'these settings take effect on restart');
    config = { ...loaded, ...Object.fromEntries(restartNeeded.map((key) => [key, config[key]])) };
    const summary = {
      revision: store.getRevision(),
      added: result.changes.map((c) => c.routeId),
      kept: result.kept,
      services: result.services,
      restartNeeded,
    };
    logger.info({ event: 'config-reload', ...summary }, 'config reloaded');
    return summary;
  }

  const admin = config.admin
    ? createServer(
        createAdminApp({
          store,
          tokens,
          logger,
          afterChange: refreshTable,
          getLiveStats: () => stats.getStatsSnapshot(),
          getMetrics: async () => ({
            contentType: stats.registry.contentType,
            body: await stats.registry.metrics(),
          }),
          diffs: options.diffs ?? ((query) => shadow.diffs(query)),
          routeDiffs: (route) => shadow.routeDiffs(route),
          resetDiffs: (route) => shadow.reset(route),
          routeInfo: () =>
            new Map(shadow.diffs({}).map((report) => [report.routeId, { readiness: report.readiness }])),
          reload: options.configFile ? () => reload() : undefined,
          // The dashboard page at `GET /` (it calls this same API with the person's token).
          extend: (app, protect) => {
            mountDashboard(app);
            options.extendAdmin?.(app, protect);
          },
        }),
      )
    : null;

  const listenOn = (target: Server, host: string, port: number) =>
    new Promise<number>((resolve, reject) => {
      const refuse = (error: NodeJS.ErrnoException) => {
        const message = `Cannot listen on ${host}:${port}: ${error.code ?? error.message}`;
        const details = { host, port };
        reject(
          new StranglerError(PROXY_CONFIG_ERRORS.PROXY_CONFIG_LISTEN, message, { cause: error, details }),
        );
      };
      target.once('error', refuse);
      target.listen(port, host, () => {
        target.off('error', refuse);
        // Later server errors (accept failures such as EMFILE) are logged, never fatal.
        target.on('error', (error) => logger.error({ err: error, port }, 'server error'));
        resolve((target.address() as AddressInfo).port);
      });
    });

  let closing: Promise<void> | null = null;
  async function shutdown(): Promise<void> {
    const drained = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeIdleConnections();
    const adminClosed = admin
      ? new Promise<void>((resolve) => admin.close(() => resolve()))
      : Promise.resolve();
    admin?.closeIdleConnections();
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<void>((resolve) => {
      timer = setTimeout(() => {
        logger.warn({ open: sockets.size }, 'shutdown grace period over; closing remaining connections');
        for (const socket of sockets) socket.destroy();
        resolve();
      }, config.shutdown.graceMs);
    });
    await Promise.race([drained, deadline]);
    clearTimeout(timer);
    // Admin requests are short; anything still open there (a dashboard stream) is cut now.
    admin?.closeAllConnections();
    await adminClosed;
    await handler.close();
    await shadow.close();
    flusher.stop();
    try {
      flusher.flush();
    } catch (error) {
      logger.error({ err: error }, 'final stats flush failed');
    }
    sessions?.close();
    store.close();
    logger.info('proxy stopped');
  }

  return {
    async listen() {
      const port = await listenOn(server, config.listen.host, config.listen.port);
      const adminPort =
        admin && config.admin ? await listenOn(admin, config.admin.host, config.admin.port) : null;
      logger.info(
        { port, adminPort, revision: table.revision, routes: table.routes.length },
        'proxy listening',
      );
      return { port, adminPort };
    },
    close() {
      closing ??= shutdown();
      return closing;
    },
    reload,
    getTable,
    store,
    stats,
    generatedToken,
    get config() {
      return config;
    },
  };
}
