// What other web capabilities may use of compliance: the 12-quarter grid (the enterprise page shows it).
export { ComplianceGrid } from './ComplianceGrid';
export { complianceApi } from './api';
export type { EnterpriseCompliance } from './types';
