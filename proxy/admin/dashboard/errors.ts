import { defineErrors } from '../../../errors/index.ts';

/** Failures of the dashboard page served by the admin port. */
export const PROXY_DASHBOARD_ERRORS = defineErrors({
  PROXY_DASHBOARD_BUNDLE_FAILED: {
    hint: 'The dashboard script could not be bundled with esbuild; reinstall dependencies (`npm ci`) and check the proxy log for the esbuild message.',
  },
});
