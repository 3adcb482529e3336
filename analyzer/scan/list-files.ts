import { readdirSync } from 'node:fs';
import path from 'node:path';
import picomatch from 'picomatch';

export const SOURCE_EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs'];

/** Build output and dependencies: never the monolith's own code. */
const ALWAYS_SKIPPED_DIRS = new Set(['node_modules', 'dist', 'build', 'out', 'coverage', '.git']);
/** Tests and their fixtures: skipped unless `includeTests`, since they are not runtime coupling. */
const TEST_DIRS = new Set(['test', 'tests', '__tests__', '__mocks__', 'fixtures', '__fixtures__', 'e2e']);
const TEST_FILE = /\.(test|spec|e2e-spec)\.[cm]?[jt]sx?$/;

export interface FileFilter {
  includeTests: boolean;
  exclude: string[];
}

/** Turns the filter into one predicate over root-relative POSIX paths. */
export function createFileFilter({ includeTests, exclude }: FileFilter): (relative: string) => boolean {
  const excluded = exclude.length > 0 ? picomatch(exclude, { dot: true }) : () => false;
  return (relative) => {
    if (relative.endsWith('.d.ts') || relative.endsWith('.d.mts') || relative.endsWith('.d.cts'))
      return false;
    if (!SOURCE_EXTENSIONS.includes(path.posix.extname(relative))) return false;
    const parts = relative.split('/');
    for (const dir of parts.slice(0, -1)) {
      if (ALWAYS_SKIPPED_DIRS.has(dir)) return false;
      if (!includeTests && TEST_DIRS.has(dir)) return false;
    }
    if (!includeTests && TEST_FILE.test(relative)) return false;
    return !excluded(relative);
  };
}

/** Walks `root` for source files when no tsconfig names them, never entering skipped folders. */
export function walkSourceFiles(root: string, keep: (relative: string) => boolean): string[] {
  const found: string[] = [];
  const pending = [''];
  while (pending.length > 0) {
    const dir = pending.pop()!;
    for (const entry of readdirSync(path.join(root, dir), { withFileTypes: true })) {
      const relative = dir ? `${dir}/${entry.name}` : entry.name;
      if (entry.isDirectory()) {
        if (!ALWAYS_SKIPPED_DIRS.has(entry.name) && !entry.name.startsWith('.')) pending.push(relative);
      } else if ((entry.isFile() || entry.isSymbolicLink()) && keep(relative)) {
        // A linked source file is read through its link; a dangling one becomes an
        // UNREADABLE_FILE warning instead of vanishing. Linked folders are not entered (loops).
        found.push(relative);
      }
    }
  }
  return found.sort();
}

export function toRelative(root: string, absolute: string): string {
  return path.relative(root, absolute).split(path.sep).join('/');
}
