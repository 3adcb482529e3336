import path from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { type FileReading, readFile } from './read-file.ts';
import { createImportResolver } from './resolve-imports.ts';
import type { HelperChunk, HelperInput } from './scan-files.ts';

/**
 * The helper thread's loop: claim the next chunk of files from the shared counter, read them,
 * post the scans back. Stops when every file is claimed, by either thread.
 */
const { root, options, files, counters, chunk } = workerData as HelperInput;
const shared = new Int32Array(counters);
const ids = new Map(files.map((id) => [path.join(root, id), id]));
const resolveImport = createImportResolver(root, options, ids);
for (;;) {
  const start = Atomics.add(shared, 0, chunk);
  if (start >= files.length) break;
  const readings: FileReading[] = [];
  for (let index = start; index < Math.min(start + chunk, files.length); index++) {
    const absolute = path.join(root, files[index]!);
    readings.push(readFile(files[index]!, absolute, (specifier) => resolveImport(specifier, absolute)));
    Atomics.add(shared, 1, 1);
  }
  parentPort!.postMessage({ start, readings } satisfies HelperChunk);
}
parentPort!.postMessage('done');
