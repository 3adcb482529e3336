import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Analysis } from '../../../analyzer/analysis.ts';
import { extractData, getCapturedTables } from '../../../extract/data/index.ts';
import { makeTempDir, readTable, SAMPLE_MONOLITH } from './helpers.ts';

// A hand-cut analysis of the sample monolith: only what the data step reads.
const analysis = {
  root: SAMPLE_MONOLITH,
  services: [
    {
      name: 'ordering',
      tables: ['orders', 'order_items', 'order_status_history', 'carts', 'cart_items', 'coupons'],
    },
    { name: 'health', tables: [] },
  ],
} as unknown as Analysis;

let temp: ReturnType<typeof makeTempDir>;
beforeEach(() => {
  temp = makeTempDir();
});
afterEach(() => temp.cleanup());

/** The shop's database as its server leaves it: migrations, then the fixed seed. */
function seededShop(file: string): void {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  const dir = path.join(SAMPLE_MONOLITH, 'db/migrations');
  for (const name of readdirSync(dir).sort()) db.exec(readFileSync(path.join(dir, name), 'utf8'));
  db.exec(readFileSync(path.join(SAMPLE_MONOLITH, 'db/seed.sql'), 'utf8'));
  db.close();
}

describe('extractData (the data step of strangler extract)', () => {
  it("with --monolith-db: writes the schema, copies the owned tables into <service>.db and captures the monolith's changes", async () => {
    const shopFile = path.join(temp.dir, 'shop.db');
    seededShop(shopFile);
    const dir = path.join(temp.dir, 'ordering');
    const result = await extractData({ analysis, service: 'ordering', dir, monolithDb: shopFile });

    expect(result?.files).toEqual(['db/schema.sql', 'ordering.db']);
    const owned = analysis.services[0]?.tables ?? [];
    for (const table of owned)
      expect(readTable(path.join(dir, 'ordering.db'), table), table).toEqual(readTable(shopFile, table));
    const shop = new Database(shopFile, { readonly: true });
    expect([...getCapturedTables(shop).keys()].sort()).toEqual([...owned].sort());
    shop.close();
    expect(result?.notes.join('\n')).toMatch(
      /strangler sync --from .*shop\.db --to \.\/ordering\.db --follow/,
    );

    // The schema file stands on its own: a service can apply it to an empty database.
    const fresh = new Database(path.join(temp.dir, 'fresh.db'));
    fresh.pragma('foreign_keys = ON');
    fresh.exec(readFileSync(path.join(dir, 'db/schema.sql'), 'utf8'));
    fresh.exec(readFileSync(path.join(dir, 'db/schema.sql'), 'utf8')); // and again, on every start
    expect(
      fresh
        .prepare("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
        .pluck()
        .get(),
    ).toBe(owned.length);
    fresh.close();
  });

  it('without a database: the schema from the DDL in the code, and the command that copies the data', async () => {
    const dir = path.join(temp.dir, 'ordering');
    const result = await extractData({ analysis, service: 'ordering', dir });
    expect(result?.files).toEqual(['db/schema.sql']);
    expect(readFileSync(path.join(dir, 'db/schema.sql'), 'utf8')).toMatch(
      /CREATE TABLE IF NOT EXISTS orders/,
    );
    expect(result?.notes.join('\n')).toMatch(
      /strangler sync --init --from MONOLITH_DB --to \.\/ordering\.db --tables /,
    );
    expect(existsSync(path.join(dir, 'ordering.db'))).toBe(false);
  });

  it('says so when the service owns no tables', async () => {
    const result = await extractData({ analysis, service: 'health', dir: path.join(temp.dir, 'health') });
    expect(result).toEqual({ files: [], notes: [expect.stringMatching(/owns no tables/)] });
  });
});
