// What other capabilities may use: the seed and the pre-checks.
export { seedFileReviewStandard, reviewResults } from './actions.js';
export { runPrechecks, type CaseFileFacts, type PrecheckFinding } from './rules/prechecks.js';
