// Which cases are major (重大), need legal review, collective discussion, or qualify for a hearing.
import type { PenaltyKind } from './penalties.js';

/** The bureau's configurable thresholds (kept as data; defaults are the demo bureau's). */
export interface MajorCaseThresholds {
  /** A fine at or above this is a "large fine" (较大数额罚款) for an organisation: hearing right and legal review. */
  largeFineOrganisationFen: number;
  /** …and for an individual. */
  largeFineIndividualFen: number;
  /** Whether every major case also goes to the committee's collective discussion (the seed's practice). */
  committeeForEveryMajorCase: boolean;
}

// Shandong sets "较大数额" by provincial rule; these defaults are configurable and (unconfirmed).
export const DEFAULT_THRESHOLDS: MajorCaseThresholds = {
  largeFineOrganisationFen: 100_000_00,
  largeFineIndividualFen: 10_000_00,
  committeeForEveryMajorCase: true,
};

export interface MajorCaseFacts {
  partyKind: 'organisation' | 'individual';
  /** The proposed or decided penalty. */
  penaltyKinds: PenaltyKind[];
  fineFen: number;
  /** Recorded by the officer / reviewer with reasons. */
  majorPublicInterest: boolean;            // 第五十八条 (一) 涉及重大公共利益
  complexSeveralLegalRelations: boolean;   // 第五十八条 (三) 案件情况疑难复杂、涉及多个法律关系
  requiredByOtherLaw: boolean;             // 第五十八条 (四) 法律、法规规定的其他情形
  hearingHeld: boolean;                    // 第五十八条 (二) 直接关系当事人重大权益，经过听证程序
}

const HEAVY_KINDS: PenaltyKind[] = ['confiscation_large', 'licence_revocation', 'qualification_lowering', 'suspension', 'closure', 'practice_restriction'];

/** 行政处罚法 第六十三条: penalties for which the party must be told of the right to a hearing. */
export function qualifiesForHearing(f: Pick<MajorCaseFacts, 'partyKind' | 'penaltyKinds' | 'fineFen'>, t: MajorCaseThresholds): boolean {
  const largeFine = f.penaltyKinds.includes('fine')
    && f.fineFen >= (f.partyKind === 'organisation' ? t.largeFineOrganisationFen : t.largeFineIndividualFen);
  return largeFine || f.penaltyKinds.some((k) => HEAVY_KINDS.includes(k));
}

/** The reasons a case is major, empty when it is not (statutory kinds plus the bureau's thresholds). */
export function majorCaseReasons(f: MajorCaseFacts, t: MajorCaseThresholds): string[] {
  const reasons: string[] = [];
  if (f.majorPublicInterest) reasons.push('MAJOR_PUBLIC_INTEREST');
  if (f.hearingHeld) reasons.push('HEARING_HELD');
  if (f.complexSeveralLegalRelations) reasons.push('COMPLEX_SEVERAL_LEGAL_RELATIONS');
  if (f.requiredByOtherLaw) reasons.push('REQUIRED_BY_OTHER_LAW');
  // The bureau treats penalties that carry a hearing right (large fines, suspension, revocation…) as major.
  if (qualifiesForHearing(f, t)) reasons.push('HEAVY_PENALTY');
  return reasons;
}

/** 行政处罚法 第五十八条: legal review before the decision for major cases. */
export const needsLegalReview = (f: MajorCaseFacts, t: MajorCaseThresholds): boolean => majorCaseReasons(f, t).length > 0;

/** 行政处罚法 第五十七条: collective discussion for complex or major violations (every major case, by bureau rule). */
export function needsCollectiveDiscussion(f: MajorCaseFacts, t: MajorCaseThresholds): boolean {
  if (f.complexSeveralLegalRelations) return true;
  return t.committeeForEveryMajorCase && needsLegalReview(f, t);
}
