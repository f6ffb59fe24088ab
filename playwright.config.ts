// End-to-end tests (e2e/*.spec.ts) in Debian's Chromium (/usr/bin/chromium, installed by
// scripts/ensure-system-packages.sh; `npx playwright install` cannot download browsers here).
//
// By default Playwright starts the platform itself (scripts/e2e-server.sh: a fresh embedded
// PGlite database in .tmp/e2e-pglite, the demo province seeded, port $E2E_PORT or 3100) and stops it at the
// end. With E2E_BASE_URL set, the tests run against that already running server instead and
// nothing is started. See docs/testing.md.
import { defineConfig } from '@playwright/test';

const E2E_PORT = Number(process.env.E2E_PORT ?? 3100);
const externalBaseURL = process.env.E2E_BASE_URL || undefined;
const baseURL = externalBaseURL ?? `http://localhost:${E2E_PORT}`;

export default defineConfig({
  testDir: 'e2e',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: Boolean(process.env.CI),
  // scripts/test-all.sh adds the JSON reporter (--reporter=list,json).
  reporter: 'list',
  use: {
    baseURL,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        browserName: 'chromium',
        launchOptions: {
          executablePath: '/usr/bin/chromium',
          args: [
            '--no-sandbox',
            '--disable-gpu',
            '--disable-quic',
            '--no-first-run',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
          ],
        },
      },
    },
  ],
  ...(externalBaseURL
    ? {}
    : {
        webServer: {
          // Deletes PGLITE_DATA_DIR, then `exec node apps/cli/src/main.ts demo`.
          command: 'bash scripts/e2e-server.sh',
          env: { PORT: String(E2E_PORT), PGLITE_DATA_DIR: process.env.E2E_PGLITE_DIR ?? '.tmp/e2e-pglite' },
          url: `http://localhost:${E2E_PORT}/api/health`,
          timeout: 180_000,
          reuseExistingServer: false,
          stdout: 'ignore',
          stderr: 'pipe',
          gracefulShutdown: { signal: 'SIGTERM', timeout: 10_000 },
        },
      }),
});
