// The real ground of a no-penalty decision (不予行政处罚), read from 行政处罚法 (2021):
// 第五十七条第一款 (二) 违法行为轻微，依法可以不予行政处罚的，不予行政处罚；(三) 违法事实不能成立的，不予行政处罚。
// 第三十条 不满十四周岁的未成年人有违法行为的，不予行政处罚，责令监护人加以管教。
// 第三十一条 精神病人、智力残疾人在不能辨认或者不能控制自己行为时有违法行为的，不予行政处罚。
// 第三十三条第一款 违法行为轻微并及时改正，没有造成危害后果的，不予行政处罚 (mandatory; no first-violation
// condition)。初次违法且危害后果轻微并及时改正的，可以不予行政处罚 (discretionary)。
// 第三十三条第二款 当事人有证据足以证明没有主观过错的，不予行政处罚。
// 第三十三条第三款 依法不予行政处罚的，行政机关应当对当事人进行教育 (printed only where it happened).
import { allowed, refuse, type Citation, type Outcome } from '../../law/outcome.js';

export const NO_PENALTY_GROUNDS = ['factsNotEstablished', 'minorCorrected', 'firstViolation', 'noFault', 'minorUnder14', 'noCapacity'] as const;
export type NoPenaltyGroundCode = (typeof NO_PENALTY_GROUNDS)[number];

const APL = '行政处罚法';
export interface NoPenaltyGroundInfo {
  citation: Citation;
  /** How the decision document cites the article. */
  articleText: string;
  /** The article's words, quoted in the decision. */
  text: string;
  /** 应当 (mandatory) or 可以 (the bureau's discretion). */
  mandatory: boolean;
  /** Age and capacity grounds concern natural persons only. */
  individualOnly: boolean;
  /** The statutory ground the officer records on the case (with its evidence) before deciding; null: none needed. */
  recordedAs: null | 'minorCorrectedNoHarm' | 'firstViolation' | 'noFault' | 'minorUnder14' | 'noCapacity';
}

export const NO_PENALTY_GROUND_INFO: Record<NoPenaltyGroundCode, NoPenaltyGroundInfo> = {
  factsNotEstablished: {
    citation: { law: APL, article: '第五十七条', paragraph: '第一款', item: '（三）' }, articleText: '第五十七条第一款第（三）项',
    text: '违法事实不能成立的，不予行政处罚', mandatory: true, individualOnly: false, recordedAs: null,
  },
  minorCorrected: {
    citation: { law: APL, article: '第三十三条', paragraph: '第一款' }, articleText: '第三十三条第一款',
    text: '违法行为轻微并及时改正，没有造成危害后果的，不予行政处罚', mandatory: true, individualOnly: false, recordedAs: 'minorCorrectedNoHarm',
  },
  firstViolation: {
    citation: { law: APL, article: '第三十三条', paragraph: '第一款' }, articleText: '第三十三条第一款',
    text: '初次违法且危害后果轻微并及时改正的，可以不予行政处罚', mandatory: false, individualOnly: false, recordedAs: 'firstViolation',
  },
  noFault: {
    citation: { law: APL, article: '第三十三条', paragraph: '第二款' }, articleText: '第三十三条第二款',
    text: '当事人有证据足以证明没有主观过错的，不予行政处罚', mandatory: true, individualOnly: false, recordedAs: 'noFault',
  },
  minorUnder14: {
    citation: { law: APL, article: '第三十条' }, articleText: '第三十条',
    text: '不满十四周岁的未成年人有违法行为的，不予行政处罚，责令监护人加以管教', mandatory: true, individualOnly: true, recordedAs: 'minorUnder14',
  },
  noCapacity: {
    citation: { law: APL, article: '第三十一条' }, articleText: '第三十一条',
    text: '精神病人、智力残疾人在不能辨认或者不能控制自己行为时有违法行为的，不予行政处罚', mandatory: true, individualOnly: true, recordedAs: 'noCapacity',
  },
};

const APL_57: Citation = { law: APL, article: '第五十七条', paragraph: '第一款' };

export interface NoPenaltyGroundFacts {
  decisionKind: 'no_penalty' | 'exemption';
  ground: NoPenaltyGroundCode | null | undefined;
  partyKind: 'organisation' | 'individual';
  /** Statutory grounds recorded on the case with their evidence (exemptions capability). */
  recordedGrounds: readonly string[];
}

/** 行政处罚法 第五十七条, 第三十条, 第三十一条, 第三十三条: a no-penalty decision names one real ground that fits the party and the record. */
export function checkNoPenaltyGround(f: NoPenaltyGroundFacts): Outcome {
  if (!f.ground) return refuse('NO_PENALTY_GROUND_REQUIRED', APL_57, 'noPenaltyGround');
  const info = NO_PENALTY_GROUND_INFO[f.ground];
  // 首违不罚 / 轻微不罚 through the catalogue: only the 第三十三条第一款 grounds.
  if (f.decisionKind === 'exemption' && f.ground !== 'minorCorrected' && f.ground !== 'firstViolation') {
    return refuse('NO_PENALTY_GROUND_NOT_FOR_EXEMPTION', info.citation, 'noPenaltyGround');
  }
  // 第三十条, 第三十一条: age and mental capacity are grounds of natural persons.
  if (info.individualOnly && f.partyKind !== 'individual') return refuse('GROUND_NOT_FOR_PARTY', info.citation, 'noPenaltyGround');
  // A plain no-penalty decision on a 第三十条–第三十三条 ground needs the ground on record with its evidence;
  // an exemption carries its own evaluation (catalogue conditions).
  if (f.decisionKind === 'no_penalty' && info.recordedAs && !f.recordedGrounds.includes(info.recordedAs)) {
    return refuse('NO_PENALTY_GROUND_NOT_RECORDED', info.citation, 'noPenaltyGround');
  }
  return allowed;
}
