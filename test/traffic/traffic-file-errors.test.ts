/**
 * `strangler analyze --traffic FILE` with the wrong file: each mistake names itself, with its
 * code and hint, before any parsing starts; a proxy database that recorded nothing is a
 * warning, and the analysis still runs.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Analysis } from '../../analyzer/analysis.ts';
import { openRouteStore } from '../../proxy/store/sqlite-route-store.ts';
import { strangler } from '../support/run-strangler.ts';

const shop = new URL('../fixtures/traffic/shop', import.meta.url).pathname;
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'strangler-traffic-errors-'));
});

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const analyzeWith = (traffic: string, ...more: string[]) =>
  strangler('analyze', shop, '--traffic', traffic, '--out', path.join(dir, 'out'), '--format', 'md', ...more);

describe('strangler analyze --traffic with the wrong file', () => {
  it('says the file is missing', async () => {
    const run = await analyzeWith(path.join(dir, 'nope.db'));
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('PROXY_STORE_TRAFFIC_NOT_FOUND');
    expect(run.stderr).toContain('hint:');
  });

  it('refuses a file that is not SQLite', async () => {
    const file = path.join(dir, 'notes.txt');
    writeFileSync(file, 'GET /api/cart\nPOST /api/orders\n'.repeat(100));
    const run = await analyzeWith(file);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('PROXY_STORE_NOT_A_PROXY_DB');
  });

  it("refuses a SQLite database that is not the proxy's (the monolith's own, say)", async () => {
    const file = path.join(dir, 'shop.db');
    const db = new Database(file);
    db.exec('CREATE TABLE orders (id INTEGER PRIMARY KEY, total INTEGER)');
    db.close();
    const run = await analyzeWith(file);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('PROXY_STORE_NOT_A_PROXY_DB');
  });

  it('warns, and still analyses, when the proxy database holds no sessions', async () => {
    const file = path.join(dir, 'quiet-proxy.db');
    openRouteStore(file).close();
    const run = await analyzeWith(file);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain('warning TRAFFIC_NO_SESSIONS');
    const analysis = JSON.parse(readFileSync(path.join(dir, 'out', 'analysis.json'), 'utf8')) as Analysis;
    expect(analysis.warnings.map((w) => w.code)).toContain('TRAFFIC_NO_SESSIONS');
    expect(analysis.settings.traffic).toEqual({ sessions: 0, endpoints: 0, unmatchedEndpoints: 0 });
    expect(analysis.services.length).toBeGreaterThan(0);
  });
});
