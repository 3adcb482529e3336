import { defineErrors } from '../errors/index.ts';

/** Failures of `strangler extract` a user can fix; documented in docs/errors.md (## Extraction). */
export const EXTRACT_ERRORS = defineErrors({
  EXTRACT_UNKNOWN_SERVICE: {
    hint: 'Pick one of the services listed in the message (they come from analysis.json `services[].name`).',
    exitCode: 2,
  },
  EXTRACT_TARGET_NOT_EMPTY: {
    hint: 'Choose an empty or new folder for --to, or pass --force to overwrite what is there.',
  },
  EXTRACT_ROOT_NOT_FOUND: {
    hint: 'analysis.json records the monolith folder in `root`; re-run `strangler analyze <dir>` on this machine, or pass --root DIR.',
  },
  EXTRACT_MODULE_NOT_FOUND: {
    hint: 'The monolith changed since the analysis: re-run `strangler analyze <dir>` and extract again.',
  },
});
