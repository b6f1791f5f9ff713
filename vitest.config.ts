import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/support/redisBinary.ts'],
    testTimeout: 20_000,
    // Tests that start servers or child processes stay reliable on a 2-core machine.
    maxWorkers: 2,
    // Log lines would bury the test report; tests that check logging capture them themselves.
    env: { LOG_LEVEL: 'silent' },
  },
});
