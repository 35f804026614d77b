// The statutory no-penalty and lighter-penalty grounds (行政处罚法 第三十条 to 第三十三条) an officer
// records on a case and the reviewer sees. Pure data and one check.
import { allowed, refuse, type Citation, type Outcome } from '../../law/outcome.js';

export type GroundEffect = 'no_penalty' | 'may_exempt' | 'lighter_or_mitigated' | 'may_lighter_or_mitigated';

export interface StatutoryGround {
  citation: Citation;
  effect: GroundEffect;
  /** Grounds about age or mental capacity concern natural persons only. */
  party: 'individual' | 'any';
  zh: string;
  en: string;
}

const APL = '行政处罚法';

export const STATUTORY_GROUNDS = {
  // 第三十条: 不满十四周岁的未成年人有违法行为的，不予行政处罚；已满十四周岁不满十八周岁的，应当从轻或者减轻行政处罚。
  minorUnder14: { citation: { law: APL, article: '第三十条' }, effect: 'no_penalty', party: 'individual', zh: '不满十四周岁的未成年人', en: 'A minor under 14' },
  minor14To18: { citation: { law: APL, article: '第三十条' }, effect: 'lighter_or_mitigated', party: 'individual', zh: '已满十四周岁不满十八周岁的未成年人', en: 'A minor aged 14 to 17' },
  // 第三十一条: 不能辨认或者不能控制自己行为时，不予行政处罚；尚未完全丧失辨认或者控制能力的，可以从轻或者减轻。
  noCapacity: { citation: { law: APL, article: '第三十一条' }, effect: 'no_penalty', party: 'individual', zh: '精神病人、智力残疾人在不能辨认或者不能控制自己行为时', en: 'Unable to recognise or control own acts (mental illness or intellectual disability)' },
  limitedCapacity: { citation: { law: APL, article: '第三十一条' }, effect: 'may_lighter_or_mitigated', party: 'individual', zh: '尚未完全丧失辨认或者控制自己行为能力的精神病人、智力残疾人', en: 'Partly able to recognise or control own acts' },
  // 第三十二条: 应当从轻或者减轻行政处罚的情形（一）至（五）。
  eliminatedHarm: { citation: { law: APL, article: '第三十二条', item: '（一）' }, effect: 'lighter_or_mitigated', party: 'any', zh: '主动消除或者减轻违法行为危害后果', en: 'Eliminated or reduced the harm on its own initiative' },
  coerced: { citation: { law: APL, article: '第三十二条', item: '（二）' }, effect: 'lighter_or_mitigated', party: 'any', zh: '受他人胁迫或者诱骗实施违法行为', en: 'Coerced or deceived into the act' },
  confessed: { citation: { law: APL, article: '第三十二条', item: '（三）' }, effect: 'lighter_or_mitigated', party: 'any', zh: '主动供述行政机关尚未掌握的违法行为', en: 'Confessed acts the agency did not yet know of' },
  meritorious: { citation: { law: APL, article: '第三十二条', item: '（四）' }, effect: 'lighter_or_mitigated', party: 'any', zh: '配合行政机关查处违法行为有立功表现', en: 'Meritorious cooperation in the investigation' },
  otherStatutory: { citation: { law: APL, article: '第三十二条', item: '（五）' }, effect: 'lighter_or_mitigated', party: 'any', zh: '法律、法规、规章规定其他应当从轻或者减轻行政处罚的', en: 'Another lighter-penalty ground set by law, regulation or rule' },
  // 第三十三条第一款: 轻微不罚 and 首违不罚; 第二款: 无主观过错不罚。
  minorCorrectedNoHarm: { citation: { law: APL, article: '第三十三条', paragraph: '第一款' }, effect: 'no_penalty', party: 'any', zh: '违法行为轻微并及时改正，没有造成危害后果', en: 'Minor violation, corrected in time, no harm' },
  firstViolation: { citation: { law: APL, article: '第三十三条', paragraph: '第一款' }, effect: 'may_exempt', party: 'any', zh: '初次违法且危害后果轻微并及时改正', en: 'First violation, minor harm, corrected in time' },
  noFault: { citation: { law: APL, article: '第三十三条', paragraph: '第二款' }, effect: 'no_penalty', party: 'any', zh: '当事人有证据足以证明没有主观过错', en: 'The party proves it had no fault' },
} as const satisfies Record<string, StatutoryGround>;

export type StatutoryGroundCode = keyof typeof STATUTORY_GROUNDS;
export const STATUTORY_GROUND_CODES = Object.keys(STATUTORY_GROUNDS) as [StatutoryGroundCode, ...StatutoryGroundCode[]];

/** 行政处罚法 第三十条, 第三十一条: age and capacity grounds apply to natural persons, not to organisations. */
export function checkGroundForParty(ground: StatutoryGroundCode, partyKind: 'organisation' | 'individual'): Outcome {
  const g: StatutoryGround = STATUTORY_GROUNDS[ground];
  return g.party === 'individual' && partyKind !== 'individual' ? refuse('GROUND_NOT_FOR_PARTY', g.citation, 'ground') : allowed;
}

/** Whether recorded grounds allow a fine below the legal minimum (减轻处罚, 行政处罚法 第三十条 to 第三十二条). */
export function allowsMitigation(grounds: readonly StatutoryGroundCode[]): boolean {
  return grounds.some((g) => {
    const effect: GroundEffect = STATUTORY_GROUNDS[g].effect;
    return effect === 'lighter_or_mitigated' || effect === 'may_lighter_or_mitigated';
  });
}
