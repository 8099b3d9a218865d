import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    reporters: ['default', './tests/summary-reporter.ts'],
    // DuckDB files and the CLI's child processes make some tests take seconds on a 2-core runner.
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
