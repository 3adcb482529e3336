import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

describe('metrics in the browser', () => {
  it('bundles for the browser without Node built-ins or the glob matcher', async () => {
    const result = await build({
      entryPoints: [fileURLToPath(new URL('../../../analyzer/metrics/index.ts', import.meta.url))],
      bundle: true,
      platform: 'browser',
      format: 'esm',
      write: false,
      metafile: true,
      logLevel: 'silent',
    });
    const inputs = Object.keys(result.metafile.inputs);
    expect(inputs.filter((file) => file.includes('node_modules'))).toEqual([]);
    expect(inputs.some((file) => file.endsWith('mojo.ts'))).toBe(true);
    const code = result.outputFiles[0]!.text;
    expect(code).toContain('computeMetrics');
  });
});
