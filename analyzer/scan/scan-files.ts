import path from 'node:path';
import type { ts } from 'ts-morph';
import type { AnalysisWarning } from '../facts/types.ts';
import type { FileScan } from './file-scan.ts';
import { readFile } from './read-file.ts';
import { createImportResolver } from './resolve-imports.ts';

export interface ScanFilesOptions {
  root: string;
  options: ts.CompilerOptions;
  /** File ids (relative to the root), in the order the scans come back. */
  files: readonly string[];
  onProgress?: (done: number, total: number) => void;
}

/**
 * Reads and scans every file, each exactly once, in one thread. A helper thread reading half
 * the files was tried (2026-11-23): on the 2-core machine the main thread slowed down by as
 * much as the helper took off it, and the helper's start-up (a TypeScript loader and the
 * compiler, ~3 s of CPU) made the run ~1 s slower at 5,000 files (docs/performance.md).
 */
export function scanFiles(options: ScanFilesOptions): { scans: FileScan[]; warnings: AnalysisWarning[] } {
  const { root, files } = options;
  const ids = new Map(files.map((id) => [path.join(root, id), id]));
  const resolveImport = createImportResolver(root, options.options, ids);
  const scans: FileScan[] = [];
  const warnings: AnalysisWarning[] = [];
  for (const [index, id] of files.entries()) {
    const absolute = path.join(root, id);
    const reading = readFile(id, absolute, (specifier) => resolveImport(specifier, absolute));
    scans.push(reading.scan);
    warnings.push(...reading.warnings);
    options.onProgress?.(index + 1, files.length);
  }
  return { scans, warnings };
}
