// What other capabilities may use of water-quality.
export { computeWaterSummary, evaluatePeriod } from './actions.js';
export { seedWaterDemo } from './demo.js';
// The registry's sections, for other capabilities' targets (campaigns) to reference and name.
export { waterSites } from './tables.js';
// The demo bureau's 2020 (src/demo/year-2020-environment.ts): sites and samples through the same actions as the pages.
export { createSite, importSamples, type SampleInput, type SampleImportSummary } from './actions.js';
export { listSamples, loadSiteCodeIndex } from './queries.js';
export { planWaterSites, planWaterYear } from './demo-years.js';
