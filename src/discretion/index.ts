// What other capabilities may use: the seed, and the departure check the case procedure calls.
// Importing it registers that check as the case procedure's discretion checks (src/cases/decision-checks.ts).
import { registerDiscretionChecks } from '../cases/index.js';
import { checkCaseFineAgainstBenchmark, legalRangeOfProvision } from './actions.js';

registerDiscretionChecks({ checkCaseFineAgainstBenchmark, legalRangeOfProvision });

export { seedDiscretionTables, checkCaseFineAgainstBenchmark, latestComputedFen, legalRangeOfProvision, tablesInForce } from './actions.js';
export { checkFineAgainstBenchmark, computeBenchmarkFine } from './rules/benchmark.js';
export { violationCatalogue } from './violations.js';
export { citationText, type Violation } from './rules/violations.js';
export { tableInForceOn } from './rules/benchmark.js';
