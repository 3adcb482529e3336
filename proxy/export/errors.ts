import { defineErrors } from '../../errors/index.ts';

export const EXPORT_ERRORS = defineErrors({
  EXPORT_UNKNOWN_TARGET: {
    hint: 'Choose one of nginx, envoy or gateway-api, e.g. `strangler export nginx --db proxy.db`.',
    exitCode: 2,
  },
  EXPORT_NO_SOURCE: {
    hint: 'Say where the routes are: `--db proxy.db` (the proxy store, with its history) or `--config strangler.yaml`.',
    exitCode: 2,
  },
  EXPORT_DB_NOT_FOUND: {
    hint: 'Pass the database the proxy runs with (its `db:` setting or `--db`); export never creates one.',
  },
  EXPORT_NO_MONOLITH: {
    hint: 'Add `--config strangler.yaml` (its `monolith:` URL), or start the proxy once with this database.',
  },
  EXPORT_WRITE_FAILED: {
    hint: 'Check that the folder of --out exists and is writable, or leave --out off to print to stdout.',
  },
});
