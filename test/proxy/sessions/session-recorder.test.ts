/**
 * The recorder over a real SQLite file: nothing is written per request, finished sessions
 * arrive in batches under a keyed hash, the table is pruned to the newest `keep`, and the
 * hash is stable within one database and different across databases.
 */
import { createHmac } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pino } from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sessionsConfigSchema } from '../../../proxy/config/schema.ts';
import type { RouteTable } from '../../../proxy/model.ts';
import { compileTable } from '../../../proxy/routing/create-router.ts';
import { createSessionRecorder, type SessionRecorder } from '../../../proxy/sessions/index.ts';
import { MIGRATIONS } from '../../../proxy/store/migrations/index.ts';
import { openDatabase } from '../../../proxy/store/open-database.ts';
import { readRecordedSessions } from '../../../proxy/store/read-sessions.ts';
import { openSessionLog } from '../../../proxy/store/session-log.ts';
import { openRouteStore } from '../../../proxy/store/sqlite-route-store.ts';

let dir: string;
let table: RouteTable;

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'strangler-sessions-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function start(file: string, settings: Record<string, unknown> = {}, now?: () => number) {
  const store = openRouteStore(file);
  store.seed(
    {
      services: [],
      routes: [
        {
          key: 'GET /api/cart',
          methods: ['GET'],
          path: '/api/cart',
          mode: 'monolith',
          percent: 0,
          service: null,
        },
        {
          key: 'GET /api/orders/:id',
          methods: ['GET'],
          path: '/api/orders/:id',
          mode: 'monolith',
          percent: 0,
          service: null,
        },
      ],
    },
    { actor: 'test' },
  );
  table = store.getTable();
  store.close();
  return createSessionRecorder({
    settings: sessionsConfigSchema.parse({ flushIntervalMs: 60_000, ...settings }),
    dbFile: file,
    logger: pino({ level: 'silent' }),
    ...(now ? { now } : {}),
  });
}

const get = (url: string, token: string) =>
  ({ method: 'GET', url, headers: { authorization: `Bearer ${token}` } }) as unknown as IncomingMessage;

/** What the request path does: match the route once, then hand it to the recorder. */
function visit(recorder: SessionRecorder, url: string, token: string): void {
  const path = url.split('?')[0]!;
  recorder.observe(get(url, token), compileTable(table).match('GET', path) ?? null);
}

describe('session recorder', () => {
  it('writes nothing per request; idle sessions are written together by the next flush', () => {
    let t = 0;
    const file = path.join(dir, 'proxy.db');
    const recorder = start(file, { idleSeconds: 60 }, () => t);
    visit(recorder, '/api/cart', 'token-a');
    visit(recorder, '/api/orders/12', 'token-a');
    visit(recorder, '/api/orders/13?expand=items', 'token-b');
    visit(recorder, '/api/unrouted', 'token-c');
    expect(recorder.active).toBe(2);
    recorder.flush();
    expect(readRecordedSessions(file).sessions).toEqual([]);
    t = 61_000;
    recorder.flush();
    expect(readRecordedSessions(file).sessions.map((s) => s.routes)).toEqual([
      ['GET /api/cart', 'GET /api/orders/:id'],
      ['GET /api/orders/:id'],
    ]);
    recorder.close();
  });

  it('keeps only the newest sessions', () => {
    const file = path.join(dir, 'proxy.db');
    const recorder = start(file, { keep: 3 });
    for (let i = 0; i < 5; i++) {
      visit(recorder, i % 2 ? '/api/cart' : '/api/orders/1', `token-${i}`);
    }
    recorder.close();
    const { sessions } = readRecordedSessions(file);
    expect(sessions).toHaveLength(3);
  });

  it('stores HMAC(salt of this database, key): stable across restarts, different in another database', () => {
    const hashesIn = (file: string) => {
      const db = openDatabase(file);
      const rows = db.prepare('SELECT session FROM traffic_sessions ORDER BY id').pluck().all() as string[];
      db.close();
      return rows;
    };
    const one = path.join(dir, 'one.db');
    const two = path.join(dir, 'two.db');
    for (const file of [one, one, two]) {
      const recorder = start(file);
      visit(recorder, '/api/cart', 'same-token');
      recorder.close();
    }
    const [first, second] = hashesIn(one);
    const [other] = hashesIn(two);
    expect(first).toMatch(/^[0-9a-f]{64}$/);
    expect(second).toBe(first);
    expect(other).not.toBe(first);
    const log = openSessionLog(one, { keep: 10 });
    expect(createHmac('sha256', log.salt).update('same-token').digest('hex')).toBe(first);
    log.close();
  });
});

describe('reading sessions', () => {
  it('reads a proxy database from before session recording as one without sessions, without migrating it', () => {
    const file = path.join(dir, 'old.db');
    openDatabase(file, MIGRATIONS.slice(0, 2)).close();
    expect(readRecordedSessions(file)).toEqual({ sessions: [], recordsSessions: false });
    const db = openDatabase(file, MIGRATIONS.slice(0, 2));
    expect(db.pragma('user_version', { simple: true })).toBe(2);
    db.close();
  });
});

describe('bounds on keys', () => {
  it('does not record a key longer than 4 KB', () => {
    const file = path.join(dir, 'proxy.db');
    const recorder = start(file);
    visit(recorder, '/api/cart', 'k'.repeat(4097));
    visit(recorder, '/api/cart', 'k'.repeat(4096));
    expect(recorder.active).toBe(1);
    recorder.close();
  });
});
