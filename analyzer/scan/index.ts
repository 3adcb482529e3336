import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { StranglerError } from '../../errors/index.ts';
import { composeFacts } from '../facts/compose-facts.ts';
import { readPrismaModels } from '../facts/prisma-schema.ts';
import type { AnalysisWarning, ProjectFacts } from '../facts/types.ts';
import { findCycles } from './cycles.ts';
import { SCAN_ERRORS } from './errors.ts';
import type { FileScan, ImportSite } from './file-scan.ts';
import { createFileFilter, toRelative, walkSourceFiles } from './list-files.ts';
import { crossCheckWithMadge } from './madge-cross-check.ts';
import { createImportResolver, type Resolution } from './resolve-imports.ts';
import { scanFile } from './scan-file.ts';
import { loadProjectConfig } from './tsconfig.ts';

export interface ReadProjectOptions {
  /** The monolith's root folder. */
  root: string;
  /** A tsconfig/jsconfig to use instead of the one at the root (relative to the root). */
  tsconfig?: string;
  /** Globs (relative to the root) of files to leave out. */
  exclude?: string[];
  /** Keep tests and fixtures, skipped by default. */
  includeTests?: boolean;
  onProgress?: (done: number, total: number) => void;
  /** Also let madge resolve the project and warn where it disagrees (slow; off by default). */
  crossCheck?: boolean;
}

/**
 * Reads a project's facts: its files, import graph, endpoints, table accesses, transactions
 * and cycles. Each file is read and parsed once; what leaves is plain data.
 */
export async function readProjectFacts(options: ReadProjectOptions): Promise<ProjectFacts> {
  const root = path.resolve(options.root);
  if (!existsSync(root) || !statSync(root).isDirectory()) {
    throw new StranglerError(SCAN_ERRORS.ANALYZE_DIR_NOT_FOUND, `Directory not found: ${options.root}`, {
      details: { root },
    });
  }
  const config = loadProjectConfig(root, options.tsconfig);
  const keep = createFileFilter({
    includeTests: options.includeTests ?? false,
    exclude: options.exclude ?? [],
  });
  const files = config.fileNames
    ? config.fileNames
        .map((file) => toRelative(root, file))
        .filter((file) => !file.startsWith('../') && keep(file))
        .sort()
    : walkSourceFiles(root, keep);
  if (files.length === 0) {
    throw new StranglerError(
      SCAN_ERRORS.ANALYZE_NO_SOURCE_FILES,
      `No source files found in ${options.root}`,
      {
        details: { root, tsconfig: config.configFile },
      },
    );
  }
  const ids = new Map(files.map((id) => [path.join(root, id), id]));
  const resolveImport = createImportResolver(root, config.options, ids);
  const warnings: AnalysisWarning[] = [];
  const scans: FileScan[] = [];
  for (const [index, id] of files.entries()) {
    const absolute = path.join(root, id);
    scans.push(readOneFile(id, absolute, (specifier) => resolveImport(specifier, absolute), warnings));
    options.onProgress?.(index + 1, files.length);
  }
  if (options.crossCheck) warnings.push(...(await crossCheckWithMadge(root, config.configFile, scans)));
  const facts = composeFacts(root, scans, { prismaModels: readPrisma(root), warnings });
  const cycles = await findCycles(
    new Map<string, ImportSite[]>(scans.map((scan) => [scan.id, scan.imports])),
  );
  return { ...facts, cycles };
}

/** Bundled or generated code this large says nothing about the design and costs seconds to walk. */
const MAX_FILE_BYTES = 1_000_000;

/**
 * One file's scan. A file that cannot be read, is too large, or trips the walker still becomes
 * a module (with no facts) and a warning, so the run goes on and edges to it stay valid.
 */
function readOneFile(
  id: string,
  absolute: string,
  resolve: (specifier: string) => Resolution,
  warnings: AnalysisWarning[],
): FileScan {
  const warn = (code: string, message: string) => warnings.push({ code, file: id, message });
  let text: string;
  try {
    text = readFileSync(absolute, 'utf8');
  } catch (error) {
    warn('UNREADABLE_FILE', error instanceof Error ? error.message : String(error));
    return scanFile(id, '', resolve);
  }
  if (text.length > MAX_FILE_BYTES) {
    warn('FILE_TOO_LARGE', `Skipped: ${Math.round(text.length / 1000)} kB, likely bundled or generated code`);
    return scanFile(id, '', resolve);
  }
  try {
    return scanFile(id, text, resolve);
  } catch (error) {
    warn(
      'PARSE_ERROR',
      `Could not read the file's syntax: ${error instanceof Error ? error.message : String(error)}`,
    );
    return scanFile(id, '', resolve);
  }
}

/** Prisma's schema lives outside the sources: `prisma/schema.prisma` or `schema.prisma`. */
function readPrisma(root: string): Map<string, string> {
  for (const candidate of ['prisma/schema.prisma', 'schema.prisma']) {
    const file = path.join(root, candidate);
    if (existsSync(file)) return readPrismaModels(readFileSync(file, 'utf8'));
  }
  return new Map();
}
