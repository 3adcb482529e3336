import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseGitLog, readGitHistory } from '../../../analyzer/history/git-log.ts';

describe('git history', () => {
  let repo: string;
  const git = (...args: string[]) =>
    execFileSync('git', ['-c', 'user.name=Ada', '-c', 'user.email=ada@example.com', ...args], { cwd: repo });
  const commit = (files: string[], message: string) => {
    for (const file of files) {
      mkdirSync(join(repo, file, '..'), { recursive: true });
      writeFileSync(join(repo, file), `// ${message}\n`, { flag: 'a' });
    }
    git('add', '.');
    git('commit', '-q', '-m', message);
  };

  beforeAll(() => {
    repo = mkdtempSync(join(tmpdir(), 'strangler-history-'));
    git('init', '-q');
    commit(['shop/src/orders/service.ts', 'shop/src/orders/repo.ts'], 'orders: first cut');
    commit(['shop/src/orders/service.ts', 'shop/src/orders/repo.ts', 'docs/notes.md'], 'orders: totals');
    commit(
      Array.from({ length: 8 }, (_, i) => `shop/src/sweep/file-${i}.ts`),
      'reformat everything',
    );
  });
  afterAll(() => rmSync(repo, { recursive: true, force: true }));

  it('reads recent commits relative to a sub-folder and skips huge commits', async () => {
    const history = await readGitHistory(join(repo, 'shop'), { maxCommits: 10, maxFilesPerCommit: 5 });
    expect(history!.skippedHuge).toBe(1);
    expect(history!.commits.map((c) => c.files)).toEqual([
      ['src/orders/repo.ts', 'src/orders/service.ts'],
      ['src/orders/repo.ts', 'src/orders/service.ts'],
    ]);
  });

  it('bounds the number of commits read', async () => {
    const history = await readGitHistory(join(repo, 'shop'), { maxCommits: 1, maxFilesPerCommit: 5 });
    expect(history!.commits.length + history!.skippedHuge).toBe(1);
  });

  it('returns null outside a git work tree', async () => {
    const outside = mkdtempSync(join(tmpdir(), 'strangler-nogit-'));
    try {
      expect(await readGitHistory(outside)).toBeNull();
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });

  it('parses the log format it asks git for', () => {
    const parsed = parseGitLog('\0abc\n\nsrc/a.ts\nsrc/b.ts\n\0def\n\nsrc/a.ts\n', 10);
    expect(parsed.commits).toEqual([
      { hash: 'abc', files: ['src/a.ts', 'src/b.ts'] },
      { hash: 'def', files: ['src/a.ts'] },
    ]);
  });
});
