// The articles the coercive and special measures apply, cited where each rule is applied.
// Texts checked while writing this capability (see the notes in each rule file): articles marked
// "(unconfirmed)" were recalled but could not be read in a published copy; they are cited by the
// number recalled and should be checked against the official text.
import type { Citation } from '../../law/outcome.js';

const EPL = '环境保护法';
const APL = '行政处罚法';
const ACL = '行政强制法';
const DAILY = '环境保护主管部门实施按日连续处罚办法';
const SEIZURE = '环境保护主管部门实施查封、扣押办法';
const RESTRICTION = '环境保护主管部门实施限制生产、停产整治办法';
const DETENTION = '行政主管部门移送适用行政拘留环境违法案件暂行办法';
const CRIME = '行政执法机关移送涉嫌犯罪案件的规定';

export const CITE = {
  // 环境保护法 (2014)
  seizure: { law: EPL, article: '第二十五条' },
  dailyPenalty: { law: EPL, article: '第五十九条' },
  productionRestriction: { law: EPL, article: '第六十条' },
  detention: { law: EPL, article: '第六十三条' },
  // 行政处罚法 (2021)
  transferCrime: { law: APL, article: '第二十七条' },
  fineOffsetsCriminalFine: { law: APL, article: '第三十五条' },
  twoOfficers: { law: APL, article: '第四十二条' },
  // 行政强制法 (2011)
  seizureEmergency: { law: ACL, article: '第十九条' },
  seizurePeriod: { law: ACL, article: '第二十五条' },
  seizureHandling: { law: ACL, article: '第二十七条' },
  seizureRelease: { law: ACL, article: '第二十八条' },
  // 按日连续处罚办法 (环境保护部令第28号): 第五条, 第七条, 第八条, 第十七条–第二十条 read; 第十二条, 第十三条 (unconfirmed).
  dailyGrounds: { law: DAILY, article: '第五条' },
  dailyAfterPenaltyDecision: { law: DAILY, article: '第七条' },
  dailyReinspection: { law: DAILY, article: '第十二条' },
  dailyRefusal: { law: DAILY, article: '第十三条' },
  dailyCounting: { law: DAILY, article: '第十七条' },
  dailyCycleRestarts: { law: DAILY, article: '第十八条' },
  dailyAmount: { law: DAILY, article: '第十九条' },
  // 查封、扣押办法 (环境保护部令第29号): 第四条 read.
  seizureGrounds: { law: SEIZURE, article: '第四条' },
  // 限制生产、停产整治办法 (环境保护部令第30号): 第五条–第七条 read; 第十三条–第十五条, 第十七条 (unconfirmed).
  restrictionGrounds: { law: RESTRICTION, article: '第五条' },
  suspensionGrounds: { law: RESTRICTION, article: '第六条' },
  restrictionService: { law: RESTRICTION, article: '第十三条' },
  restrictionPeriod: { law: RESTRICTION, article: '第十四条' },
  rectificationPlan: { law: RESTRICTION, article: '第十五条' },
  restrictionLifting: { law: RESTRICTION, article: '第十七条' },
  // 暂行办法 (公治〔2014〕853号): transfer after the penalty decision (第二条) and within 3 days of the transfer decision (read).
  detentionAfterPenalty: { law: DETENTION, article: '第二条' },
  detentionTransferPeriod: { law: DETENTION, article: '移送时限' },
  // 国务院令第310号 (2020 修订): 第五条 read; 第八条, 第九条, 第十一条 (unconfirmed numbers).
  crimeTransferApproval: { law: CRIME, article: '第五条' },
  crimePoliceReview: { law: CRIME, article: '第八条' },
  crimeReconsideration: { law: CRIME, article: '第九条' },
  crimeNoSubstitution: { law: CRIME, article: '第十一条' },
  // 第十条 (read): a case the police decline is dealt with by the bureau; 第十三条: cases the police hand back.
  crimeResumption: { law: CRIME, article: '第十条' },
} as const satisfies Record<string, Citation>;
