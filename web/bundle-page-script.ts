/**
 * The script of a self-contained page (report.html, the proxy's dashboard): one minified IIFE
 * for the browser, built by esbuild from a TypeScript entry, nothing left to fetch. Callers
 * wrap a failure in their own typed error, since each page fails for its own reasons.
 */
import { build } from 'esbuild';

export async function bundlePageScript(entry: string): Promise<string> {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'es2020',
    minify: true,
    legalComments: 'none',
    charset: 'utf8',
    logLevel: 'silent',
  });
  return result.outputFiles[0]?.text ?? '';
}
