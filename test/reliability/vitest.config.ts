/** `npm run test:reliability`: load, faults and hostile input against real servers; prints a figures table. */
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    root: new URL('../..', import.meta.url).pathname,
    include: ['test/reliability/**/*.test.ts'],
    globalSetup: ['test/reliability/figures-table.ts'],
    pool: 'forks',
    // One file at a time: the figures measure the proxy, not the two cores fighting each other.
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 60_000,
  },
});
