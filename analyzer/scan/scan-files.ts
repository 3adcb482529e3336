import { availableParallelism, loadavg } from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { ts } from 'ts-morph';
import type { AnalysisWarning } from '../facts/types.ts';
import type { FileScan } from './file-scan.ts';
import { type FileReading, readFile } from './read-file.ts';
import { createImportResolver } from './resolve-imports.ts';

export type HelperMode = 'auto' | 'always' | 'never' | 'only';

export interface ScanFilesOptions {
  root: string;
  options: ts.CompilerOptions;
  /** File ids (relative to the root), in the order the scans come back. */
  files: readonly string[];
  onProgress?: (done: number, total: number) => void;
  /**
   * Let a helper thread read files beside this one: 'auto' (default) when the project is large
   * enough to repay the helper's start-up and a core is idle. 'only' leaves
   * every file to the helper (this thread reads what it could not): for tests.
   */
  helper?: HelperMode;
}

/**
 * Below this many files the helper thread would join after the work is done: it needs ~0.5-1 s
 * to load TypeScript, and this thread reads about 1,000 files a second.
 */
const HELPER_MIN_FILES = 1500;
/** Files claimed at a time: small enough that both threads finish together. */
const CHUNK = 32;

/**
 * Reads and scans every file, each exactly once. With a helper thread, both threads claim
 * chunks of the list from one shared counter and the helper posts its scans back; the result
 * is put back in file order, so it is the same, field for field, as reading alone.
 */
export async function scanFiles(
  options: ScanFilesOptions,
): Promise<{ scans: FileScan[]; warnings: AnalysisWarning[]; byHelper: number }> {
  const { root, files } = options;
  const total = files.length;
  const readings: Array<FileReading | undefined> = new Array(total);
  const ids = new Map(files.map((id) => [path.join(root, id), id]));
  const resolveImport = createImportResolver(root, options.options, ids);
  const readAt = (index: number) => {
    const absolute = path.join(root, files[index]!);
    readings[index] = readFile(files[index]!, absolute, (specifier) => resolveImport(specifier, absolute));
  };

  const mode = options.helper ?? 'auto';
  const useHelper = mode === 'always' || mode === 'only' || (mode === 'auto' && worthAHelper(total));
  if (!useHelper) {
    for (let index = 0; index < total; index++) {
      readAt(index);
      options.onProgress?.(index + 1, total);
    }
    return { ...collect(readings), byHelper: 0 };
  }

  // [0]: next unclaimed index; [1]: files the helper has finished (for the progress bar).
  const counters = new Int32Array(new SharedArrayBuffer(8));
  const helper = startHelper({
    root,
    options: options.options,
    files,
    counters: counters.buffer,
    chunk: CHUNK,
  });
  let done = 0;
  while (mode !== 'only') {
    const start = Atomics.add(counters, 0, CHUNK);
    if (start >= total) break;
    const end = Math.min(start + CHUNK, total);
    for (let index = start; index < end; index++) {
      readAt(index);
      done++;
      options.onProgress?.(done + Atomics.load(counters, 1), total);
    }
  }
  const fromHelper = await helper.finished;
  let byHelper = 0;
  for (const { start, readings: chunk } of fromHelper) {
    for (const [offset, reading] of chunk.entries()) readings[start + offset] = reading;
    byHelper += chunk.length;
  }
  // Whatever the helper claimed but did not hand back (it failed, or the thread died) is read here.
  for (let index = 0; index < total; index++) if (!readings[index]) readAt(index);
  options.onProgress?.(total, total);
  return { ...collect(readings), byHelper };
}

/**
 * A helper pays off on a large project when a core is idle. On a busy machine it only competes
 * with this thread and adds its start-up (~1-2 s of CPU), so the load average decides too.
 */
function worthAHelper(files: number): boolean {
  const spare = availableParallelism() - (loadavg()[0] ?? 0);
  return files >= HELPER_MIN_FILES && spare >= 1;
}

function collect(readings: Array<FileReading | undefined>): {
  scans: FileScan[];
  warnings: AnalysisWarning[];
} {
  const scans: FileScan[] = [];
  const warnings: AnalysisWarning[] = [];
  for (const reading of readings) {
    scans.push(reading!.scan);
    warnings.push(...reading!.warnings);
  }
  return { scans, warnings };
}

export interface HelperInput {
  root: string;
  options: ts.CompilerOptions;
  files: readonly string[];
  counters: ArrayBufferLike;
  chunk: number;
}

export interface HelperChunk {
  start: number;
  readings: FileReading[];
}

/** The helper thread; `finished` never rejects: a failed helper has simply read nothing more. */
function startHelper(input: HelperInput): { finished: Promise<HelperChunk[]> } {
  const chunks: HelperChunk[] = [];
  const finished = new Promise<HelperChunk[]>((resolve) => {
    let worker: Worker;
    try {
      // A plain .mjs entry: it registers the TypeScript loader in the new thread, which does not
      // inherit the one this thread runs under (tsx, or vitest's).
      worker = new Worker(new URL('./scan-helper.mjs', import.meta.url), { workerData: input });
    } catch {
      resolve(chunks);
      return;
    }
    worker.on('message', (message: HelperChunk | 'done') => {
      if (message === 'done') {
        resolve(chunks);
        void worker.terminate();
      } else {
        chunks.push(message);
      }
    });
    worker.on('error', () => resolve(chunks));
    worker.on('exit', () => resolve(chunks));
  });
  return { finished };
}
