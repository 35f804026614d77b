import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Browser walks share two cores with the server, the database and other suites.
    testTimeout: 120_000,
    hookTimeout: 180_000,
    // A polled value on a loaded machine (a form drafting its text, a list refreshing) may take seconds.
    expect: { poll: { timeout: 20_000, interval: 100 } },
    pool: 'forks',
    // PGlite instances are memory-hungry; two cores on CI.
    maxWorkers: 2,
    projects: [
      { extends: true, test: { name: 'unit', include: ['src/**/*.test.ts', 'test/**/*.test.ts'], exclude: ['**/*.e2e.test.ts', '**/node_modules/**'] } },
      // A walk that fails once on a loaded machine (a click lost while a dialog opens) runs once more; a real
      // defect fails both times, and the first failure stays in the report.
      { extends: true, test: { name: 'browser', include: ['src/**/*.e2e.test.ts', 'test/**/*.e2e.test.ts'], retry: 1 } },
    ],
  },
});
