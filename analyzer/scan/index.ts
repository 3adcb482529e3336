import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { StranglerError } from '../../errors/index.ts';
import { composeFacts } from '../facts/compose-facts.ts';
import { readPrismaModels } from '../facts/prisma-schema.ts';
import type { ProjectFacts } from '../facts/types.ts';
import { findCycles } from './cycles.ts';
import { SCAN_ERRORS } from './errors.ts';
import type { ImportSite } from './file-scan.ts';
import { createFileFilter, toRelative, walkSourceFiles } from './list-files.ts';
import { crossCheckWithMadge } from './madge-cross-check.ts';
import { scanFiles } from './scan-files.ts';
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
  const { scans, warnings } = scanFiles({
    root,
    options: config.options,
    files,
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
  });
  if (options.crossCheck) warnings.push(...(await crossCheckWithMadge(root, config.configFile, scans)));
  const facts = composeFacts(root, scans, { prismaModels: readPrisma(root), warnings });
  const cycles = await findCycles(
    new Map<string, ImportSite[]>(scans.map((scan) => [scan.id, scan.imports])),
  );
  return { ...facts, cycles };
}

/** Prisma's schema lives outside the sources: `prisma/schema.prisma` or `schema.prisma`. */
function readPrisma(root: string): Map<string, string> {
  for (const candidate of ['prisma/schema.prisma', 'schema.prisma']) {
    const file = path.join(root, candidate);
    if (existsSync(file)) return readPrismaModels(readFileSync(file, 'utf8'));
  }
  return new Map();
}
