// What other capabilities may use: the seed, and the departure check the case procedure calls.
export { seedDiscretionTables, checkCaseFineAgainstBenchmark, latestComputedFen } from './actions.js';
export { checkFineAgainstBenchmark, computeBenchmarkFine } from './rules/benchmark.js';
