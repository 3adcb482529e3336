import { defineErrors } from '../../errors/index.ts';

export const METRICS_ERRORS = defineErrors({
  METRICS_EXPECTED_INVALID: {
    hint: 'The --expected file must look like { "services": { "orders": ["src/orders/**"] } }, globs relative to the analysed folder.',
  },
});
