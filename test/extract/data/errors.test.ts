import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { StranglerError } from '../../../errors/index.ts';
import { DATA_ERRORS, initSync, installChangeCapture, syncChanges } from '../../../extract/data/index.ts';
import { createShopDb, makeTempDir, ORDER_TABLES, strangler } from './helpers.ts';

let temp: ReturnType<typeof makeTempDir>;
let shopFile: string;
let serviceFile: string;

beforeEach(() => {
  temp = makeTempDir();
  shopFile = path.join(temp.dir, 'shop.db');
  serviceFile = path.join(temp.dir, 'ordering.db');
  createShopDb(shopFile);
});
afterEach(() => temp.cleanup());

function codeOf(work: () => unknown): string | undefined {
  try {
    work();
  } catch (error) {
    return (error as StranglerError).code;
  }
  return undefined;
}

function sync(options: { tables?: string[] } = {}): string | undefined {
  const shop = new Database(shopFile);
  const service = new Database(serviceFile);
  try {
    return codeOf(() => syncChanges(shop, service, options));
  } finally {
    shop.close();
    service.close();
  }
}

describe('sync refusals', () => {
  it('refuses a source without capture, then a target never copied from it', () => {
    expect(sync()).toBe(DATA_ERRORS.DATA_NOT_CAPTURED.code);
    const shop = new Database(shopFile);
    installChangeCapture(shop, ORDER_TABLES);
    shop.close();
    expect(sync()).toBe(DATA_ERRORS.DATA_NOT_INITIALIZED.code);
  });

  it('refuses unknown tables at --init and a different table set afterwards', () => {
    expect(codeOf(() => initSync(shopFile, serviceFile, ['orders', 'loyalty_points']))).toBe(
      DATA_ERRORS.DATA_TABLE_NOT_FOUND.code,
    );
    initSync(shopFile, serviceFile, ORDER_TABLES);
    expect(sync({ tables: ['orders'] })).toBe(DATA_ERRORS.DATA_TABLES_CHANGED.code);
    expect(sync({ tables: [...ORDER_TABLES].reverse() })).toBeUndefined();
  });

  it('refuses when the monolith gained a column the copy and the capture do not have', () => {
    initSync(shopFile, serviceFile, ORDER_TABLES);
    const shop = new Database(shopFile);
    shop.exec("ALTER TABLE orders ADD COLUMN channel TEXT NOT NULL DEFAULT 'web'");
    shop.close();
    expect(sync()).toBe(DATA_ERRORS.DATA_SCHEMA_MISMATCH.code);
  });

  it('refuses a target copied from another source (a re-created monolith database)', () => {
    initSync(shopFile, serviceFile, ORDER_TABLES);
    const other = path.join(temp.dir, 'shop-recreated.db');
    createShopDb(other);
    const fresh = new Database(other);
    installChangeCapture(fresh, ORDER_TABLES);
    fresh.close();
    const service = new Database(serviceFile);
    const recreated = new Database(other);
    try {
      expect(codeOf(() => syncChanges(recreated, service))).toBe(DATA_ERRORS.DATA_SOURCE_CHANGED.code);
    } finally {
      service.close();
      recreated.close();
    }
  });
});

describe('strangler sync on the command line', () => {
  it('exits 1 with the code and a hint when a database file is missing', async () => {
    const result = await strangler(temp.dir, 'sync', '--from', 'missing.db', '--to', 'ordering.db');
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/error DATA_DB_NOT_FOUND: .*missing\.db/);
    expect(result.stderr).toMatch(/^hint: /m);
  });

  it('exits 2 when --init is given no tables', async () => {
    const result = await strangler(temp.dir, 'sync', '--init', '--from', 'shop.db', '--to', 'ordering.db');
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/error DATA_USAGE/);
  });
});
