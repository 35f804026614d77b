// 行政复议 and 行政诉讼 against the bureau's decisions: the record, its dates, the head in court, the outcome, the
// year's rates, and the pause of the late-payment surcharge. Pure.
//
// Read (LawRefBook/Laws, 行政复议法 2023 revision, in force 2024-01-01): 第六十三条 变更, 第六十四条 撤销,
// 第六十五条 确认违法, 第六十八条 维持, 第六十九条 驳回, 第七十四条 撤回 (withdrawal after a settlement);
// 第五十一条第三款 the respondent's head attends the reconsideration hearing.
// Read (LawRefBook/Laws, 行政诉讼法 2017): 第三条第三款 被诉行政机关负责人应当出庭应诉, else a staff member is
// entrusted; 第五十六条 the decision is not stopped by the action; 第六十二条 撤诉, 第六十九条 驳回, 第七十条 撤销,
// 第七十四条 确认违法, 第七十七条 变更.
// Surcharge: 行政处罚法 第七十三条第三款 (see src/law/late-payment.ts): the surcharge is not counted during the
// reconsideration or litigation, although 行政诉讼法 第五十六条 / 行政复议法 第四十二条 keep the decision in force.
import { allowed, refuse, type Citation, type Outcome } from '../law/outcome.js';
import type { SurchargePause } from '../law/late-payment.js';

export const ALL_3_3: Citation = { law: '行政诉讼法', article: '第三条', paragraph: '第三款' };
export const ARL_63: Citation = { law: '行政复议法', article: '第六十三条' };

export const CHALLENGE_KINDS = ['reconsideration', 'litigation'] as const; // 行政复议, 行政诉讼
export type ChallengeKind = (typeof CHALLENGE_KINDS)[number];
export const CHALLENGE_SUBJECT_KINDS = ['case', 'licence', 'disclosure_reply', 'info_request_reply'] as const;
export type ChallengeSubjectKind = (typeof CHALLENGE_SUBJECT_KINDS)[number];
/** 维持 / 撤销 / 变更 / 确认违法 / 驳回 / 撤回. */
export const CHALLENGE_OUTCOMES = ['upheld', 'revoked', 'changed', 'confirmed_unlawful', 'dismissed', 'withdrawn'] as const;
export type ChallengeOutcome = (typeof CHALLENGE_OUTCOMES)[number];
/** The outcomes that reverse the bureau (行政复议法 第六十三条–第六十五条; 行政诉讼法 第七十条, 第七十四条, 第七十七条). */
export const REVERSING_OUTCOMES: readonly ChallengeOutcome[] = ['revoked', 'changed', 'confirmed_unlawful'];

export interface ChallengeHearing { heldOn: string; headAppeared: boolean; appearedBy: string; note: string | null }
export interface ChallengeFacts { kind: ChallengeKind; filedOn: string; hearings: ChallengeHearing[]; closedOn: string | null }

/** A date a user enters: not before the step it follows, not after today. */
export function checkEnteredDate(on: string, notBeforeOn: string | null, todayOn: string, field: string): Outcome {
  if (on > todayOn) return refuse('DATE_IN_FUTURE', undefined, field);
  if (notBeforeOn && on < notBeforeOn) return refuse('DATE_BEFORE_PREVIOUS_STEP', undefined, field);
  return allowed;
}

/**
 * 行政诉讼法 第三条第三款: 被诉行政机关负责人应当出庭应诉。不能出庭的，应当委托行政机关相应的工作人员出庭 — a hearing
 * names who appeared for the bureau, the head or the entrusted staff member; none after the challenge closed.
 */
export function checkHearing(c: ChallengeFacts, h: ChallengeHearing, todayOn: string): Outcome {
  if (c.closedOn !== null) return refuse('CHALLENGE_CLOSED');
  if (!h.appearedBy.trim()) return refuse('CHALLENGE_APPEARANCE_REQUIRED', ALL_3_3, 'appearedBy');
  return checkEnteredDate(h.heldOn, c.filedOn, todayOn, 'heldOn');
}

/**
 * Closing: once, with an outcome; dated after the filing and the last hearing; a change (行政复议法 第六十三条,
 * 行政诉讼法 第七十七条) or a partial revocation records what was changed.
 */
export function checkClose(c: ChallengeFacts, close: { outcome: ChallengeOutcome; closedOn: string; changes: string | null }, todayOn: string): Outcome {
  if (c.closedOn !== null) return refuse('CHALLENGE_CLOSED');
  const lastHearingOn = c.hearings.map((h) => h.heldOn).sort().at(-1) ?? null;
  const date = checkEnteredDate(close.closedOn, lastHearingOn && lastHearingOn > c.filedOn ? lastHearingOn : c.filedOn, todayOn, 'closedOn');
  if (!date.ok) return date;
  if (close.outcome === 'changed' && !close.changes?.trim()) return refuse('CHALLENGE_CHANGES_REQUIRED', ARL_63, 'changes');
  return allowed;
}

/** 行政处罚法 第七十三条第三款: each challenge of a case pauses its surcharge from filing to closing (open while pending). */
export function surchargePausesOf(challenges: { filedOn: string; closedOn: string | null }[]): SurchargePause[] {
  return challenges.map((c) => ({ fromOn: c.filedOn, toOn: c.closedOn }));
}

export interface LitigationYearFigures {
  year: number;
  /** Challenges filed in the year, by kind. */
  challenged: { total: number; reconsideration: number; litigation: number };
  /** Challenges closed in the year, by outcome. */
  closed: number;
  byOutcome: Record<ChallengeOutcome, number>;
  /** 撤销 + 变更 + 确认违法 among those closed in the year. */
  reversed: number;
  reversalRate: number | null;
  /** Court hearings in the year, and those where the head appeared (行政诉讼法 第三条第三款). */
  courtHearings: number;
  headAppeared: number;
  headAppearanceRate: number | null;
}

const rate = (n: number, d: number) => (d === 0 ? null : Math.round((n / d) * 10_000) / 10_000);

/** The year's challenges, outcomes, reversal rate and head-appearance rate. */
export function computeLitigationYearFigures(rows: (ChallengeFacts & { outcome: ChallengeOutcome | null })[], year: number): LitigationYearFigures {
  const inYear = (on: string | null) => on !== null && on.startsWith(`${year}-`);
  const filed = rows.filter((r) => inYear(r.filedOn));
  const closed = rows.filter((r) => inYear(r.closedOn) && r.outcome !== null);
  const byOutcome = Object.fromEntries(CHALLENGE_OUTCOMES.map((o) => [o, 0])) as Record<ChallengeOutcome, number>;
  for (const r of closed) byOutcome[r.outcome!] += 1;
  const reversed = REVERSING_OUTCOMES.reduce((s, o) => s + byOutcome[o], 0);
  const hearings = rows.filter((r) => r.kind === 'litigation').flatMap((r) => r.hearings).filter((h) => inYear(h.heldOn));
  const headAppeared = hearings.filter((h) => h.headAppeared).length;
  return {
    year,
    challenged: { total: filed.length, reconsideration: filed.filter((r) => r.kind === 'reconsideration').length, litigation: filed.filter((r) => r.kind === 'litigation').length },
    closed: closed.length, byOutcome, reversed, reversalRate: rate(reversed, closed.length),
    courtHearings: hearings.length, headAppeared, headAppearanceRate: rate(headAppeared, hearings.length),
  };
}
