// What other capabilities may use of enterprises.
export { insertEnterprise } from './actions.js';
export { findEnterprise } from './queries.js';
export { CREDIT_CODE_CHARSET, computeCreditCodeCheckCharacter } from './rules/credit-code.js';
export type { CreditRating, EnterpriseFields, KeyUnitCategory } from './rules/enterprise.js';
export { enterprises, outfalls } from './tables.js';
