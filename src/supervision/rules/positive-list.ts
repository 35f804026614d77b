// 监督执法正面清单: admission criteria. The seed (Yantai 2020) exempts listed enterprises from on-site
// inspection without cause (无事不扰). The criteria below are the bureau's, kept here as one rule; the
// national and provincial texts were not available to check (unconfirmed).
import type { CreditRating } from '../../enterprises/index.js';

export type AdmissionCriterion =
  | 'creditGood' | 'noPenalty12m' | 'noSubstantiatedComplaint12m' | 'noExceedance12m' | 'noOverdueRectification' | 'notOnKeyList';

export interface AdmissionFacts {
  creditRating: CreditRating | null;
  penalties12m: number;
  substantiatedComplaints12m: number;
  exceedanceEvents12m: number;
  overdueRectifications: number;
  onKeyList: boolean;
}

export interface AdmissionCheck { eligible: boolean; criteria: { criterion: AdmissionCriterion; met: boolean; evidence: string }[] }

/** Every criterion must hold; each is listed with what it was judged on. */
export function checkPositiveListAdmission(f: AdmissionFacts): AdmissionCheck {
  const criteria: AdmissionCheck['criteria'] = [
    { criterion: 'creditGood', met: f.creditRating === 'green' || f.creditRating === 'blue', evidence: `creditRating=${f.creditRating ?? 'none'}` },
    { criterion: 'noPenalty12m', met: f.penalties12m === 0, evidence: `penalties12m=${f.penalties12m}` },
    { criterion: 'noSubstantiatedComplaint12m', met: f.substantiatedComplaints12m === 0, evidence: `substantiatedComplaints12m=${f.substantiatedComplaints12m}` },
    { criterion: 'noExceedance12m', met: f.exceedanceEvents12m === 0, evidence: `exceedanceEvents12m=${f.exceedanceEvents12m}` },
    { criterion: 'noOverdueRectification', met: f.overdueRectifications === 0, evidence: `overdueRectifications=${f.overdueRectifications}` },
    { criterion: 'notOnKeyList', met: !f.onKeyList, evidence: `onKeyList=${f.onKeyList}` },
  ];
  return { eligible: criteria.every((c) => c.met), criteria };
}
