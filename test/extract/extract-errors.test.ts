/**
 * `strangler extract` refuses clearly: an unknown service (listing the known ones), a target
 * folder with files in it (unless --force), an analysis from another version. Run through the
 * CLI's `main` with an in-memory context, so exit codes and hints are what a user sees.
 */
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../cli/main.ts';

const repo = fileURLToPath(new URL('../..', import.meta.url));
const analysisFile = path.join(repo, 'extracted/analysis.json');
const monolith = path.join(repo, 'sample-monolith');
let dir: string;

function capture() {
  let text = '';
  const stream = new Writable({
    write(chunk, _encoding, done) {
      text += String(chunk);
      done();
    },
  });
  return { stream, text: () => text };
}

async function extract(...args: string[]) {
  const stdout = capture();
  const stderr = capture();
  const code = await main(['extract', ...args], {
    stdout: stdout.stream,
    stderr: stderr.stream,
    env: {},
    cwd: dir,
  });
  return { code, stdout: stdout.text(), stderr: stderr.text() };
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'strangler-extract-errors-'));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('strangler extract refuses', () => {
  it('an unknown service, naming the known ones (exit 2)', async () => {
    const result = await extract('billing', '--analysis', analysisFile, '--to', 'out', '--root', monolith);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^error EXTRACT_UNKNOWN_SERVICE: .*Known services: .*notifications/m);
    expect(result.stderr).toMatch(/^hint: /m);
  });

  it('a target folder that is not empty, unless --force', async () => {
    const target = path.join(dir, 'busy');
    await mkdir(target);
    await writeFile(path.join(target, 'keep.txt'), 'mine');
    const refused = await extract(
      'notifications',
      '--analysis',
      analysisFile,
      '--to',
      target,
      '--root',
      monolith,
    );
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/^error EXTRACT_TARGET_NOT_EMPTY: /m);
    const forced = await extract(
      'notifications',
      '--analysis',
      analysisFile,
      '--to',
      target,
      '--root',
      monolith,
      '--force',
    );
    expect(forced.code).toBe(0);
    expect(await readFile(path.join(target, 'keep.txt'), 'utf8')).toBe('mine');
    expect(await readFile(path.join(target, 'server.ts'), 'utf8')).toContain(
      "app.use('/api/notifications', notificationsRouter)",
    );
  }, 60_000);

  it('an analysis written by an older version', async () => {
    const old = path.join(dir, 'old-analysis.json');
    const current = JSON.parse(await readFile(analysisFile, 'utf8'));
    await writeFile(old, JSON.stringify({ ...current, version: 0 }));
    const result = await extract('notifications', '--analysis', old, '--to', 'out2');
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^error REPORT_ANALYSIS_VERSION: /m);
  });

  it('a monolith folder that is not there', async () => {
    const result = await extract(
      'notifications',
      '--analysis',
      analysisFile,
      '--to',
      'out3',
      '--root',
      path.join(dir, 'gone'),
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^error EXTRACT_ROOT_NOT_FOUND: /m);
  });
});
