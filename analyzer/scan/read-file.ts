import { readFileSync } from 'node:fs';
import type { AnalysisWarning } from '../facts/types.ts';
import type { FileScan } from './file-scan.ts';
import type { Resolution } from './resolve-imports.ts';
import { scanFile } from './scan-file.ts';

/** Bundled or generated code this large says nothing about the design and costs seconds to walk. */
const MAX_FILE_BYTES = 1_000_000;

export interface FileReading {
  scan: FileScan;
  /** Why the file could not be read in full (its own walk's warnings are in `scan.warnings`). */
  warnings: AnalysisWarning[];
}

/**
 * One file's scan. A file that cannot be read, is too large, or trips the walker still becomes
 * a module (with no facts) and a warning, so the run goes on and edges to it stay valid.
 */
export function readFile(
  id: string,
  absolute: string,
  resolve: (specifier: string) => Resolution,
): FileReading {
  const warnings: AnalysisWarning[] = [];
  const warn = (code: string, message: string) => warnings.push({ code, file: id, message });
  let text: string;
  try {
    text = readFileSync(absolute, 'utf8');
  } catch (error) {
    warn('UNREADABLE_FILE', error instanceof Error ? error.message : String(error));
    return { scan: scanFile(id, '', resolve), warnings };
  }
  if (text.length > MAX_FILE_BYTES) {
    warn('FILE_TOO_LARGE', `Skipped: ${Math.round(text.length / 1000)} kB, likely bundled or generated code`);
    return { scan: scanFile(id, '', resolve), warnings };
  }
  try {
    return { scan: scanFile(id, text, resolve), warnings };
  } catch (error) {
    warn(
      'PARSE_ERROR',
      `Could not read the file's syntax: ${error instanceof Error ? error.message : String(error)}`,
    );
    return { scan: scanFile(id, '', resolve), warnings };
  }
}
