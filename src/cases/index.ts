// What other capabilities may use of enforcement cases. Importing it registers the recomputation of
// provisional deadlines that follows a recorded holiday year (src/platform/wiring.ts loads it).
import { onHolidayYearRecorded } from '../calendar/index.js';
import { recomputeProvisionalDeadlines } from './deadline-records.js';

onHolidayYearRecorded(recomputeProvisionalDeadlines);

export { openLeadFromEvent, refreshDecisionDueOn, runCaseAction, type LeadInput, type ActionInputs } from './actions.js';
export { findCaseRow, type CaseRow } from './queries.js';
export { loadPeriodCalendar } from './calendar.js';
export { recomputeProvisionalDeadlines } from './deadline-records.js';
export { cases, leads, caseSteps } from './tables.js';
export { casesBetweenHearingThresholds, type ThresholdReviewItem } from './threshold-review.js';
// The list queries the workbench counts with, so its counts equal the lists' totals.
export { countCases, countLeads, listCases, listLeads, type CaseFilter } from './queries.js';
export { deadlineBoard, listMeetings, openDeadlineItems, registerBoardSource, type BoardSource, type BoardSourceItem, type DeadlineItem } from './board.js';
export { citesPermitRegulation, registerPartyPermitProvider, type PartyPermit, type PartyPermitProvider } from './party-permits.js';
export { registerDiscretionChecks, registerExemptionChecks, type DiscretionChecks, type ExemptionChecks, type ExemptionDocumentFields } from './decision-checks.js';
export { createCommitteeMeeting, fileLead, registerLead } from './actions.js';
export { findOfficers } from './queries.js';
export type { CaseActionName } from './rules/available-actions.js';
export { caseOfficers, hearings, legalReviews } from './tables.js';
export { registerSurchargePauseSource, type SurchargePauseSource } from './surcharge-pauses.js';
