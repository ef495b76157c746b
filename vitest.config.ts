import { defineConfig } from 'vitest/config';

/**
 * Unit (src/rules, pure) and medium tests (modules on a real database). TEST_DB picks the
 * database: `pglite` (default) or `postgres` (the local PostgreSQL 15, TEST_DATABASE_URL).
 * Browser tests have their own config (vitest.e2e.config.ts).
 */
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    exclude: ['test/e2e/**', 'node_modules/**', 'web/**'],
    globalSetup: ['test/harness/global-setup.ts'],
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
