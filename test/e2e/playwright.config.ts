import { defineConfig } from '@playwright/test';

/**
 * End-to-end tests against the BUILT renderer (`npm run test:e2e` builds it
 * first) served by `vite preview`, in Debian's Chromium with the browser
 * AppApi. Every test gets a fresh browser context, so a fresh IndexedDB.
 */
const baseURL = 'http://localhost:4173';

export default defineConfig({
  testDir: '.',
  testMatch: '**/*.spec.ts',
  outputDir: '../../test-results/e2e',
  forbidOnly: true,
  fullyParallel: false,
  workers: process.env.CI ? 1 : 2,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never', outputFolder: '../../playwright-report' }]],
  webServer: {
    command: 'npx vite preview --port 4173 --strictPort',
    cwd: '../..',
    url: baseURL,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
  },
  use: {
    baseURL,
    headless: true,
    viewport: { width: 1366, height: 860 },
    actionTimeout: 10_000,
    navigationTimeout: 20_000,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
    },
  },
});
