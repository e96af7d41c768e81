import { defineConfig } from '@playwright/test';

/**
 * The real desktop app, driven with Playwright's `_electron`. Needs the
 * Electron binary (`npx electron --version` downloads it once), so it is not
 * part of `npm test`; run it with `npm run test:electron`, which builds first.
 * Each test starts the app with its own temporary data folder.
 */
export default defineConfig({
  testDir: '.',
  testMatch: '**/*.spec.ts',
  outputDir: '../../test-results/electron-e2e',
  forbidOnly: true,
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 90_000,
  expect: { timeout: 15_000 },
  reporter: [['list']],
  use: { trace: 'retain-on-failure', screenshot: 'only-on-failure' },
});
