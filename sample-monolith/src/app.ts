import { jsonBody } from '@shop/shared/body-parser.ts';
import { type Db, openDatabase, useDatabase } from '@shop/shared/db.ts';
import { errorHandler, notFoundHandler } from '@shop/shared/error-handler.ts';
import { logger } from '@shop/shared/logger.ts';
import { prepareDatabase } from '@shop/shared/migrate.ts';
import { requestId } from '@shop/shared/request-id.js';
import express, { type Express } from 'express';
import { mountRoutes } from './routes.ts';

/** Opens (creating if needed) the shop's SQLite file, migrates it and seeds an empty one. */
export function openShopDatabase(file: string): Db {
  const db = openDatabase(file);
  prepareDatabase(db);
  return db;
}

export interface AppOptions {
  /** An open, migrated database, e.g. from openShopDatabase. */
  db: Db;
}

/**
 * Builds the shop without listening, so tests and tools can mount it or serve it themselves.
 * Repositories share one connection per process (shared/db.ts), so build one app per process.
 */
export function createApp({ db }: AppOptions): Express {
  useDatabase(db);
  const app = express();
  app.disable('x-powered-by');
  app.set('query parser', 'extended');
  app.use(requestId(logger));
  app.use(jsonBody());
  mountRoutes(app);
  app.use(notFoundHandler);
  app.use(errorHandler);
  return app;
}
