import { defineErrors } from '../../errors/index.ts';

export const REPORT_ERRORS = defineErrors({
  REPORT_ANALYSIS_NOT_FOUND: {
    hint: 'Pass the analysis.json that `strangler analyze <dir> --out DIR` wrote, e.g. `strangler report out/analysis.json`.',
  },
  REPORT_ANALYSIS_INVALID: {
    hint: 'The file is not an analysis.json strangler wrote (or it was edited by hand); re-run `strangler analyze <dir> --out DIR`.',
  },
  REPORT_ANALYSIS_VERSION: {
    hint: 'The file was written by a different strangler version; re-run `strangler analyze <dir> --out DIR` to refresh it.',
  },
  REPORT_UNKNOWN_FORMAT: {
    hint: 'Use a comma-separated list of: md, html, mermaid, dot, svg, routes, boundaries, json (e.g. `--format md,html`).',
    exitCode: 2,
  },
  REPORT_BUNDLE_FAILED: {
    hint: 'The HTML report could not bundle its scripts; run `npm ci` to restore node_modules, or use `--format` without html.',
  },
});
