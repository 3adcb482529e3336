import { defineErrors } from '../../errors/index.ts';

export const CLUSTER_ERRORS = defineErrors({
  CLUSTER_CONSTRAINTS_INVALID: {
    hint: 'A constraints file looks like {"together": [["src/a/**", "src/b.ts"]], "apart": [["src/x/**", "src/y/**"]], "pin": {"src/legacy/**": "billing"}}; see docs/analyzer.md.',
  },
});
