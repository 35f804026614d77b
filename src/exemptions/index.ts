// What other capabilities may use: the seed, the year-end figure, and the hooks the case procedure calls.
export { seedExemptionCatalogue, groundsOfCase, applyExemption } from './actions.js';
export { countExemptedEnterprises } from './queries.js';
export { allowsMitigation, STATUTORY_GROUNDS, type StatutoryGroundCode } from './rules/grounds.js';
export { checkExemptionDecision, exemptionDocumentFields } from './hooks.js';
