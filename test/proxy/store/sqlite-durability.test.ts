import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../../proxy/store/migrations/index.ts';
import { openDatabase } from '../../../proxy/store/open-database.ts';
import { openRouteStore } from '../../../proxy/store/sqlite-route-store.ts';
import { shopSeed } from './route-store.contract.ts';

describe('SQLite route store durability', () => {
  let dir: string;
  let file: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'strangler-durable-'));
    file = join(dir, 'proxy.db');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('runs in WAL mode and is at the latest schema version', () => {
    const store = openRouteStore(file);
    const reader = new Database(file, { readonly: true });
    expect(reader.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(reader.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    reader.close();
    store.close();
  });

  it('makes a change visible to another connection as soon as setRoute returns', () => {
    const store = openRouteStore(file);
    store.seed(shopSeed, { actor: 'config' });
    store.setRoute('get-api-orders-id', { mode: 'service' }, { actor: 'alice' });
    // A second connection stands in for a process that restarts after a crash: no close, no checkpoint.
    const other = new Database(file, { readonly: true });
    const row = other.prepare("SELECT mode FROM routes WHERE id = 'get-api-orders-id'").get() as {
      mode: string;
    };
    expect(row.mode).toBe('service');
    const history = other.prepare('SELECT COUNT(*) AS n FROM route_history').get() as { n: number };
    expect(history.n).toBe(4);
    other.close();
    store.close();
  });

  it('keeps routes and history across a reopen', () => {
    const first = openRouteStore(file);
    first.seed(shopSeed, { actor: 'config' });
    first.setRoute('post-api-orders', { mode: 'shadow' }, { actor: 'alice', reason: 'compare' });
    const revision = first.getRevision();
    first.close();
    const second = openRouteStore(file);
    expect(second.getRevision()).toBe(revision);
    expect(second.findRoute('post-api-orders')?.mode).toBe('shadow');
    expect(second.history({ limit: 1 })[0]?.reason).toBe('compare');
    second.close();
  });

  it('refuses a database written by a newer schema', () => {
    const db = new Database(file);
    db.pragma(`user_version = ${MIGRATIONS.length + 1}`);
    db.close();
    expect(() => openDatabase(file)).toThrow(expect.objectContaining({ code: 'PROXY_STORE_TOO_NEW' }));
  });

  it('applies only the migrations a database is missing', () => {
    const db = openDatabase(file, MIGRATIONS);
    db.close();
    const extra = {
      version: MIGRATIONS.length + 1,
      name: 'shadow-probe',
      sql: 'CREATE TABLE probe (x INTEGER);',
    };
    const again = openDatabase(file, [...MIGRATIONS, extra]);
    expect(again.pragma('user_version', { simple: true })).toBe(extra.version);
    again.close();
  });
});
