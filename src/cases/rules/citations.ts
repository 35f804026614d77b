// The articles the case procedure applies, cited where each rule is applied.
import type { Citation } from '../../law/outcome.js';

const APL = '行政处罚法';
const EPL = '环境保护法';
const EEPM = '生态环境行政处罚办法';

export const CITE = {
  limitation: { law: APL, article: '第三十六条' },
  transferCrime: { law: APL, article: '第二十七条' },
  twoOfficers: { law: APL, article: '第四十二条' },
  investigation: { law: APL, article: '第五十四条' },
  statement: { law: APL, article: '第四十五条' },
  caseReview: { law: APL, article: '第五十七条', paragraph: '第一款' },
  hearingRequest: { law: APL, article: '第六十四条', item: '（一）' },
  serviceByConsent: { law: APL, article: '第六十一条', paragraph: '第二款' },
  notification: { law: APL, article: '第四十四条' },
  noHeavierForDefence: { law: APL, article: '第四十五条' },
  fullRecord: { law: APL, article: '第四十七条' },
  mitigation: { law: APL, article: '第三十二条' },
  discretion: { law: APL, article: '第三十四条' },
  collectiveDiscussionByHeads: { law: APL, article: '第五十七条', paragraph: '第二款' },
  evidencePreservation: { law: APL, article: '第五十六条' },
  collectiveDiscussion: { law: APL, article: '第五十七条' },
  legalReview: { law: APL, article: '第五十八条', paragraph: '第一款' },
  reviewerQualification: { law: APL, article: '第五十八条', paragraph: '第二款' },
  decisionContent: { law: APL, article: '第五十九条' },
  decisionWithin90Days: { law: APL, article: '第六十条' },
  service: { law: APL, article: '第六十一条' },
  noDecisionWithoutHearingParty: { law: APL, article: '第六十二条' },
  hearingRight: { law: APL, article: '第六十三条' },
  hearingProcedure: { law: APL, article: '第六十四条' },
  hearingRecord: { law: APL, article: '第六十五条' },
  payment: { law: APL, article: '第六十七条' },
  latePayment: { law: APL, article: '第七十二条' },
  workingDays: { law: APL, article: '第八十五条' },
  filingWindow: { law: EEPM, article: '立案' },
  seizure: { law: EPL, article: '第二十五条' },
  dailyPenalty: { law: EPL, article: '第五十九条' },
  productionRestriction: { law: EPL, article: '第六十条' },
  detentionTransfer: { law: EPL, article: '第六十三条' },
} as const satisfies Record<string, Citation>;
