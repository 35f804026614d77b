// What other capabilities may use of water-quality.
export { computeWaterSummary, evaluatePeriod } from './actions.js';
export { seedWaterDemo } from './demo.js';
