/**
 * Bundles the page script (browser/main.ts, which imports the analyzer's own metrics) with
 * esbuild at report time, so the what-if numbers come from the same code as `strangler
 * analyze`. Cytoscape is inlined separately from its own minified build.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { StranglerError } from '../../errors/index.ts';
import { bundlePageScript } from '../../web/bundle-page-script.ts';
import { REPORT_ERRORS } from './errors.ts';

const ENTRY = fileURLToPath(new URL('./browser/main.ts', import.meta.url));
const require = createRequire(import.meta.url);

let cached: Promise<{ app: string; cytoscape: string }> | undefined;

/** The two inline scripts of report.html; built once per process. */
export function getPageScripts(): Promise<{ app: string; cytoscape: string }> {
  cached ??= Promise.all([bundleApp(), readCytoscape()]).then(([app, cytoscape]) => ({ app, cytoscape }));
  cached.catch(() => {
    cached = undefined;
  });
  return cached;
}

async function bundleApp(): Promise<string> {
  try {
    return await bundlePageScript(ENTRY);
  } catch (error) {
    throw new StranglerError(
      REPORT_ERRORS.REPORT_BUNDLE_FAILED,
      `Could not bundle the report script: ${(error as Error).message}`,
      {
        cause: error,
      },
    );
  }
}

async function readCytoscape(): Promise<string> {
  try {
    const file = require.resolve('cytoscape/dist/cytoscape.min.js');
    return await readFile(file, 'utf8');
  } catch (error) {
    throw new StranglerError(REPORT_ERRORS.REPORT_BUNDLE_FAILED, 'cytoscape is not installed.', {
      cause: error,
    });
  }
}
