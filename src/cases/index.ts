// What other capabilities may use of enforcement cases.
export { openLeadFromEvent, runCaseAction, type LeadInput, type ActionInputs } from './actions.js';
export { findCaseRow, type CaseRow } from './queries.js';
export { loadPeriodCalendar } from './calendar.js';
export { cases, leads, caseSteps } from './tables.js';
