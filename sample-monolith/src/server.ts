import type { AddressInfo } from 'node:net';
import { config } from '@shop/shared/config.ts';
import { closeDatabase } from '@shop/shared/db.ts';
import { logger } from '@shop/shared/logger.ts';
import { createApp, openShopDatabase } from './app.ts';

const settings = config();
const db = openShopDatabase(settings.dbFile);

const app = createApp({ db });
const server = app.listen(settings.port, settings.host, () => {
  const { port } = server.address() as AddressInfo;
  logger.info('listening', { url: `http://${settings.host}:${port}`, port, dbFile: settings.dbFile });
});

server.on('error', (err) => {
  logger.error('server failed to start', { err: String(err) });
  process.exit(1);
});

let stopping = false;
function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  logger.info('shutting down', { signal });
  // Stop accepting connections, let in-flight requests finish, then close the database.
  server.close(() => {
    closeDatabase();
    process.exit(0);
  });
  server.closeIdleConnections();
  setTimeout(() => {
    logger.warn('forcing shutdown after 10s');
    process.exit(1);
  }, 10_000).unref();
}

process.on('SIGTERM', () => shutdown('SIGTERM'));
process.on('SIGINT', () => shutdown('SIGINT'));
