import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  createShopDb,
  makeTempDir,
  ORDER_TABLES,
  query,
  readTable,
  SHOP_WRITER,
  startFollow,
  strangler,
} from './helpers.ts';

let temp: ReturnType<typeof makeTempDir>;
const children: ChildProcess[] = [];

beforeEach(() => {
  temp = makeTempDir();
});
afterEach(() => {
  for (const child of children)
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  children.length = 0;
  temp.cleanup();
});

async function waitFor(check: () => boolean, what: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(25);
  }
}

/** The follower prints its `following ...` line once both databases are open and checked. */
async function ready(child: ChildProcess): Promise<void> {
  let seen = '';
  await new Promise<void>((resolve, reject) => {
    child.stderr?.on('data', (chunk) => {
      seen += String(chunk);
      if (seen.includes('following')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`sync exited with ${code}: ${seen}`)));
  });
}

function appliedCount(service: string): number {
  return query<{ n: number }>(service, 'SELECT applied_count AS n FROM strangler_sync_state')[0]?.n ?? 0;
}

function capturedIds(shop: string): number[] {
  return query<{ id: number }>(shop, 'SELECT id FROM strangler_changes ORDER BY id').map((row) => row.id);
}

describe('strangler sync --follow under load', () => {
  it('keeps the service database equal to the monolith through a kill -9 of the sync process, with no lost or doubled change', async () => {
    const shop = path.join(temp.dir, 'shop.db');
    const service = path.join(temp.dir, 'ordering.db');
    createShopDb(shop);
    const init = await strangler(
      temp.dir,
      'sync',
      '--init',
      '--from',
      'shop.db',
      '--to',
      'ordering.db',
      '--tables',
      ORDER_TABLES.join(','),
    );
    expect(init.code, init.stderr).toBe(0);

    const first = startFollow(temp.dir, 'shop.db', 'ordering.db');
    children.push(first);
    await ready(first);
    const writer = spawn(process.execPath, [SHOP_WRITER, shop, '1000', '3'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    children.push(writer);
    let writerOut = '';
    writer.stdout?.on('data', (chunk) => {
      writerOut += String(chunk);
    });
    const writerDone = once(writer, 'exit');

    // Kill the follower mid-stream: it has applied some changes and the writer is still writing.
    await waitFor(() => appliedCount(service) >= 200, 'the first changes to arrive');
    first.kill('SIGKILL');
    await once(first, 'exit');
    expect(writer.exitCode, 'the writer should still be running when the sync dies').toBeNull();
    const atKill = appliedCount(service);

    const second = startFollow(temp.dir, 'shop.db', 'ordering.db');
    children.push(second);
    let secondOut = '';
    second.stdout?.on('data', (chunk) => {
      secondOut += String(chunk);
    });
    const [writerCode] = await writerDone;
    expect(writerCode).toBe(0);
    expect(JSON.parse(writerOut).committed).toBe(900);

    const captured = capturedIds(shop);
    await waitFor(() => appliedCount(service) === captured.length, 'the sync to catch up');
    second.kill('SIGTERM');
    const [code] = await once(second, 'exit');
    expect(code).toBe(0);
    expect(secondOut).toMatch(/stopped: applied \d+ changes/);

    expect(atKill).toBeGreaterThan(0);
    expect(atKill).toBeLessThan(captured.length);
    for (const table of ORDER_TABLES)
      expect(readTable(service, table), table).toEqual(readTable(shop, table));
    // Exactly once and in order: the applied log is the captured ids, each once, ascending.
    const applied = query<{ change_id: number }>(
      service,
      'SELECT change_id FROM strangler_applied ORDER BY seq',
    ).map((row) => row.change_id);
    expect(applied).toEqual(captured);
    // The rolled-back rounds left nothing behind in either database.
    expect(query(shop, "SELECT 1 FROM orders WHERE order_number = 'SO-9'")).toEqual([]);
  }, 180_000);
});
