import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.{ts,tsx}'],
    exclude: ['test/e2e/**', 'test/electron-e2e/**', 'node_modules/**'],
    environment: 'node',
    allowOnly: false,
    testTimeout: 20_000,
  },
});
