// What other capabilities may use: the seed, the year-end figure, and the hooks the case procedure calls.
// Importing it registers those hooks as the case procedure's exemption checks (src/cases/decision-checks.ts).
import { registerExemptionChecks } from '../cases/index.js';
import { groundsOfCase } from './actions.js';
import { checkExemptionDecision, exemptionDocumentFields } from './hooks.js';
import { allowsMitigation } from './rules/grounds.js';

registerExemptionChecks({ checkExemptionDecision, groundsOfCase, allowsMitigation, exemptionDocumentFields });

export { seedExemptionCatalogue, groundsOfCase, applyExemption, recordGround } from './actions.js';
// The demo bureau's 2020 (src/demo/year-2020-people.ts) records the facts of its 首违不罚 cases through this.
export { putCaseFacts } from './actions.js';
export { countExemptedEnterprises } from './queries.js';
export { allowsMitigation, STATUTORY_GROUNDS, type StatutoryGroundCode } from './rules/grounds.js';
export { checkExemptionDecision, exemptionDocumentFields } from './hooks.js';
export { provisionsMatch } from './rules/provision-match.js';
export { exemptionEntriesInForce } from './queries.js';
