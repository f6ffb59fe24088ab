import { defineConfig } from 'vitest/config';

/**
 * Unit and API tests. TEST_DB=pglite (default) runs them on the embedded PGlite, TEST_DB=postgres on
 * the server at TEST_DATABASE_URL (scripts/test-all.sh starts a private PostgreSQL 15 for it).
 */
export default defineConfig({
  test: {
    include: ['apps/**/*.test.ts', 'packages/**/*.test.ts'],
    exclude: ['**/node_modules/**', 'e2e/**', 'apps/web/**'],
    globalSetup: ['apps/server/test/global-setup.ts'],
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 180_000,
  },
});
