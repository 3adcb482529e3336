import { existsSync } from 'node:fs';
import { basename } from 'node:path';
import { StranglerError } from '../../errors/index.ts';
import { loadConfigFile } from '../config/load.ts';
import { toRoute } from '../config/route-key.ts';
import type { ProxyConfig } from '../config/schema.ts';
import type { RouteTable } from '../model.ts';
import { openRouteStore } from '../store/sqlite-route-store.ts';
import { EXPORT_ERRORS } from './errors.ts';
import type { ExportInput } from './types.ts';

export interface ExportSource {
  /** The proxy's SQLite store: the source of truth for routes once the proxy has run. */
  db?: string;
  /** The proxy configuration: edge settings (listen, canary key, breaker), and routes when no db is given. */
  config?: string;
}

/** Reads the route table and edge settings an export is made from. */
export async function readExportInput(source: ExportSource): Promise<ExportInput> {
  if (!source.db && !source.config) {
    throw new StranglerError(EXPORT_ERRORS.EXPORT_NO_SOURCE, 'No route source given.');
  }
  const config = source.config ? await loadConfigFile(source.config) : null;
  const stored = source.db ? readStoredTable(source.db) : tableFromConfig(config!);
  // A store only fed a plan has never seen the monolith's address; the config knows it.
  const monolithUrl = stored.monolith.url || config?.monolith;
  if (!monolithUrl) {
    throw new StranglerError(
      EXPORT_ERRORS.EXPORT_NO_MONOLITH,
      `${source.db} does not record the monolith's address.`,
    );
  }
  const table = { ...stored, monolith: { ...stored.monolith, url: monolithUrl } };
  return {
    table,
    canaryKey: config?.canary.key ?? 'client-address',
    listen: config?.listen ?? { host: '127.0.0.1', port: 8080 },
    breaker: config?.breaker ?? { failures: 5, openSeconds: 30 },
    timeoutMs: config?.forward.timeoutMs ?? 30_000,
    servedByHeader: config?.forward.servedByHeader ?? 'x-strangler-served-by',
    source: basename(source.db ?? source.config!),
  };
}

function readStoredTable(file: string): RouteTable {
  if (!existsSync(file)) {
    throw new StranglerError(EXPORT_ERRORS.EXPORT_DB_NOT_FOUND, `No proxy database at ${file}.`, {
      details: { file },
    });
  }
  const store = openRouteStore(file);
  try {
    return store.getTable();
  } finally {
    store.close();
  }
}

function tableFromConfig(config: ProxyConfig): RouteTable {
  return {
    revision: 0,
    monolith: { name: 'monolith', url: config.monolith },
    services: Object.entries(config.services)
      .map(([name, url]) => ({ name, url }))
      .sort((a, b) => (a.name < b.name ? -1 : 1)),
    routes: config.routes.map((route) => toRoute(route)),
  };
}
