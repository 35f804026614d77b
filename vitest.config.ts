import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    // Browser walks share two cores with the server, the database and other suites.
    testTimeout: 120_000,
    hookTimeout: 180_000,
    // A polled value on a loaded machine (a form drafting its text, a list refreshing) may take seconds.
    expect: { poll: { timeout: 20_000, interval: 100 } },
    pool: 'forks',
    // PGlite instances are memory-hungry; two cores on CI.
    maxWorkers: 2,
  },
});
