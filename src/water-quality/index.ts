// What other capabilities may use of water-quality.
export { computeWaterSummary, evaluatePeriod } from './actions.js';
export { seedWaterDemo } from './demo.js';
// The registry's sections, for other capabilities' targets (campaigns) to reference and name.
export { waterSites } from './tables.js';
