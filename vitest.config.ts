import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    // The sample monolith's own tsconfig alias, so its modules can be imported in tests.
    alias: { '@shop': fileURLToPath(new URL('./sample-monolith/src', import.meta.url)) },
  },
  test: {
    include: ['{analyzer,proxy,cli,errors,walkthrough,test,sample-monolith,extracted}/**/*.test.ts'],
    exclude: ['**/node_modules/**', '**/fixtures/**', 'test/reliability/**'],
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
