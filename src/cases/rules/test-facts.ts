// For rule tests: a filed organisation case with a 20 000-yuan proposal and nothing done yet.
import { NO_RECORDS } from './case-records.js';
import type { CaseFacts } from './procedure.js';

export const FILED_FACTS: CaseFacts = {
  partyKind: 'organisation', penaltyKinds: ['fine'], fineFen: 20_000_00,
  majorPublicInterest: false, complexSeveralLegalRelations: false, requiredByOtherLaw: false, hearingHeld: false,
  investigatorIds: [1, 2], filedOn: '2021-07-01', decisionDueOn: '2021-09-29', evidenceRecords: 0,
  submittedAt: null, caseReviewPassedAt: null, reviews: [], committeeDecidedAt: null, notification: null,
  statementWaived: false, hearing: null, caseReviewerId: null, decision: null, servedOn: null, amountDueFen: 0, paidFen: 0,
  courtEnforcementAppliedOn: null, closedAt: null, archivedAt: null, records: NO_RECORDS,
};
