import { defineErrors } from '../../errors/index.ts';

/** Failures of reading a project, before any fact is known. Documented in docs/errors.md. */
export const SCAN_ERRORS = defineErrors({
  ANALYZE_DIR_NOT_FOUND: {
    hint: 'Pass the root folder of the monolith, e.g. `strangler analyze ./my-app`.',
  },
  ANALYZE_NO_SOURCE_FILES: {
    hint: 'Point at the folder holding the .ts/.js sources, or loosen --exclude; add --include-tests if the code lives under test/.',
  },
  ANALYZE_TSCONFIG_UNREADABLE: {
    hint: 'Fix the JSON of the tsconfig (and of every file it `extends`), or pass another one with --tsconfig FILE.',
  },
});
