import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import {
  type ChangeCommit,
  type ChangeHistory,
  DEFAULT_HISTORY_OPTIONS,
  type HistoryOptions,
} from './types.ts';

/**
 * Reads recent history with `git log` (an input edge, like `scan`). Paths come back relative
 * to `root` (`--relative`), so a monolith that lives in a sub-folder of a bigger repository
 * works too. Returns null when `root` is not inside a git work tree or git is missing.
 */
export async function readGitHistory(
  root: string,
  options: Partial<HistoryOptions> = {},
): Promise<ChangeHistory | null> {
  const { maxCommits, maxFilesPerCommit } = { ...DEFAULT_HISTORY_OPTIONS, ...options };
  let output: string;
  try {
    output = await runGit(root, [
      '-c',
      'core.quotepath=off',
      'log',
      '--no-merges',
      '--no-renames',
      `--max-count=${Math.max(1, Math.floor(maxCommits))}`,
      '--name-only',
      '--relative',
      '--format=%x00%H',
      '--',
      '.',
    ]);
  } catch {
    return null;
  }
  return parseGitLog(output, maxFilesPerCommit);
}

/** Parses `git log --name-only --format=%x00%H` output. Exported for tests. */
export function parseGitLog(output: string, maxFilesPerCommit: number): ChangeHistory {
  const commits: ChangeCommit[] = [];
  let skippedHuge = 0;
  for (const block of output.split('\0')) {
    const lines = block
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean);
    const [hash, ...files] = lines;
    if (!hash || files.length === 0) continue;
    if (files.length > maxFilesPerCommit) {
      skippedHuge += 1;
      continue;
    }
    commits.push({ hash, files: [...new Set(files)].sort() });
  }
  return { commits, skippedHuge };
}

function runGit(cwd: string, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile('git', args, { cwd, maxBuffer: 256 * 1024 * 1024, encoding: 'utf8' }, (error, stdout) => {
      if (error) reject(error);
      else resolve(stdout);
    });
  });
}

/** The co-change signal is on by default when the analysed folder is itself a repository. */
export function hasOwnGitDirectory(root: string): boolean {
  return existsSync(join(root, '.git'));
}
