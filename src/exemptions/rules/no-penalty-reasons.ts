// Which 第三十三条第一款 ground an applied exemption rests on, and the reasons as the 不予行政处罚决定书 states
// them: official wording, dates as 2021年7月19日, no system phrases. 行政处罚法 第三十三条第一款 (read):
// 违法行为轻微并及时改正，没有造成危害后果的，不予行政处罚 (mandatory, whatever the party's history)。
// 初次违法且危害后果轻微并及时改正的，可以不予行政处罚 (discretionary).
import type { Eligibility } from './eligibility.js';

export type ExemptionGround = 'minorCorrected' | 'firstViolation';

const met = (e: Eligibility, key: string) => e.conditions.find((c) => c.key === key)?.result === 'met';

/** No harm and corrected in time → the mandatory first sentence; otherwise (eligible) the first-violation sentence. */
export function exemptionGroundOf(e: Eligibility, consequence: 'none' | 'minor' | 'serious' | null): ExemptionGround {
  return consequence === 'none' && met(e, 'correctedInTime') ? 'minorCorrected' : 'firstViolation';
}

/** '2021-07-19' → '2021年7月19日'. */
export const chineseDate = (on: string): string => `${Number(on.slice(0, 4))}年${Number(on.slice(5, 7))}月${Number(on.slice(8, 10))}日`;

export interface ReasonsFacts {
  party: '你单位' | '你';
  lookBackMonths: number;
  consequence: 'none' | 'minor';
  correctedOn: string;
  correctionDueOn: string;
  entryTitle: string;
}

/** The reasons clause, without a final full stop (the template puts it inside 鉴于……，). */
export function exemptionReasonsText(ground: ExemptionGround, f: ReasonsFacts): string {
  const parts: string[] = [`${f.party}的违法行为属于“${f.entryTitle}”，情节轻微`];
  if (ground === 'firstViolation') parts.push(`${f.party}在本次违法行为发生前${f.lookBackMonths}个月内未因环境违法行为受到行政处罚，系初次违法`);
  parts.push(f.consequence === 'none' ? '未造成危害后果' : '危害后果轻微');
  parts.push(`${f.party}已于${chineseDate(f.correctedOn)}改正违法行为，未超过责令改正期限（${chineseDate(f.correctionDueOn)}），属于及时改正`);
  return parts.join('；');
}
