// What other capabilities may use of cases.
export { applyApiError } from './form-errors';
export { EnterpriseSelect, StaffSelect } from './fields';
export { citationText, todayOn, Yuan } from './shared';
export { ProvisionalTag } from './ProvisionalTag';
