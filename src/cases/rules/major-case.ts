// Which cases are major (重大), need legal review, collective discussion, or qualify for a hearing.
import type { PenaltyKind } from './penalties.js';

/** A fine line per kind of party (fen). */
export interface FineThresholds { organisationFen: number; individualFen: number }

/** The bureau's configurable thresholds (settings; defaults below). Hearing and major-case lines are different concepts. */
export interface MajorCaseThresholds {
  /** 较大数额罚款: a fine at or above it carries the hearing right (行政处罚法 第六十三条 (一); 环境行政处罚听证程序规定 第五条). */
  hearing: FineThresholds;
  /** The bureau's line for a large fine that makes the case major (legal review and collective discussion). */
  majorFine: FineThresholds;
  /** Whether every major case also goes to the committee's collective discussion (the seed's practice). */
  committeeForEveryMajorCase: boolean;
  /** A typing guard, not law: no fine above it is accepted. */
  fineCeilingFen: number;
}

// 环境行政处罚听证程序规定 (2010) 第五条: 较大数额罚款 is 50 000 yuan or more for an organisation, 5 000 yuan or
// more for a citizen (a province may set lower figures, so it is a setting). The major-fine line is the demo
// bureau's own rule (unconfirmed); the fine ceiling a sanity guard of 1 000 000 000 yuan.
export const DEFAULT_THRESHOLDS: MajorCaseThresholds = {
  hearing: { organisationFen: 50_000_00, individualFen: 5_000_00 },
  majorFine: { organisationFen: 100_000_00, individualFen: 10_000_00 },
  committeeForEveryMajorCase: true,
  fineCeilingFen: 1_000_000_000_00,
};

const lineFor = (t: FineThresholds, partyKind: 'organisation' | 'individual') => (partyKind === 'organisation' ? t.organisationFen : t.individualFen);

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

const HEAVY_KINDS: PenaltyKind[] = ['confiscation_large', 'licence_revocation', 'qualification_lowering', 'suspension', 'closure', 'practice_restriction', 'production_restriction'];

/** 行政处罚法 第六十三条: penalties for which the party must be told of the right to a hearing. */
export function qualifiesForHearing(f: Pick<MajorCaseFacts, 'partyKind' | 'penaltyKinds' | 'fineFen'>, t: MajorCaseThresholds): boolean {
  // 第六十三条 (一) 较大数额罚款, at the bureau's hearing threshold.
  const largeFine = f.penaltyKinds.includes('fine') && f.fineFen >= lineFor(t.hearing, f.partyKind);
  return largeFine || f.penaltyKinds.some((k) => HEAVY_KINDS.includes(k));
}

/** The reasons a case is major, empty when it is not (statutory kinds plus the bureau's thresholds). */
export function majorCaseReasons(f: MajorCaseFacts, t: MajorCaseThresholds): string[] {
  const reasons: string[] = [];
  if (f.majorPublicInterest) reasons.push('MAJOR_PUBLIC_INTEREST');
  if (f.hearingHeld) reasons.push('HEARING_HELD');
  if (f.complexSeveralLegalRelations) reasons.push('COMPLEX_SEVERAL_LEGAL_RELATIONS');
  if (f.requiredByOtherLaw) reasons.push('REQUIRED_BY_OTHER_LAW');
  // The bureau treats heavy penalties (suspension, revocation…) and fines above its major-fine line as major.
  if (f.penaltyKinds.some((k) => HEAVY_KINDS.includes(k))) reasons.push('HEAVY_PENALTY');
  if (isMajorFine(f, t)) reasons.push('LARGE_FINE');
  return reasons;
}

/** 行政处罚法 第五十八条: legal review before the decision for major cases. */
export const needsLegalReview = (f: MajorCaseFacts, t: MajorCaseThresholds): boolean => majorCaseReasons(f, t).length > 0;

const isMajorFine = (f: Pick<MajorCaseFacts, 'partyKind' | 'penaltyKinds' | 'fineFen'>, t: MajorCaseThresholds) =>
  f.penaltyKinds.includes('fine') && f.fineFen >= lineFor(t.majorFine, f.partyKind);

/** 重大违法行为 whatever the settings say: 停产停业, 关闭, 吊销 and large fines. */
const GRAVE_KINDS: PenaltyKind[] = ['suspension', 'closure', 'licence_revocation'];

/**
 * 行政处罚法 第五十七条第二款: 对情节复杂或者重大违法行为给予行政处罚，行政机关负责人应当集体讨论决定 — mandatory
 * for complex cases and grave penalties whatever the settings; other major cases by the bureau's rule.
 */
export function needsCollectiveDiscussion(f: MajorCaseFacts, t: MajorCaseThresholds): boolean {
  if (f.complexSeveralLegalRelations) return true;
  if (f.penaltyKinds.some((k) => GRAVE_KINDS.includes(k)) || isMajorFine(f, t)) return true;
  return t.committeeForEveryMajorCase && needsLegalReview(f, t);
}

/** Whether a fine sits on different sides of two hearing thresholds (for the review after a settings change). */
export function crossesHearingThreshold(f: Pick<MajorCaseFacts, 'partyKind' | 'penaltyKinds' | 'fineFen'>, a: FineThresholds, b: FineThresholds): boolean {
  if (!f.penaltyKinds.includes('fine')) return false;
  return (f.fineFen >= lineFor(a, f.partyKind)) !== (f.fineFen >= lineFor(b, f.partyKind));
}
