// 集体讨论: each attending member's own opinion, recorded by himself before the discussion is concluded,
// and how the concluded discussion takes it. Pure: the facts are loaded by src/cases/member-opinions.ts.
import { allowed, refuse, type Outcome, type Refusal } from '../../law/outcome.js';
import { CITE } from './citations.js';
import { checkRecordDate, type Predecessor } from './record-dates.js';

export const MEMBER_STANCES = ['agree', 'disagree', 'abstain'] as const;
export type MemberStance = (typeof MEMBER_STANCES)[number];

/** One opinion as the concluded discussion stores it; `selfRecorded` marks one the member recorded himself. */
export interface DiscussionOpinion {
  memberId: number;
  opinion: string;
  selfRecorded?: boolean;
  stance?: MemberStance;
  recordedAt?: string;
}

/** A member's own opinion as recorded (committee_member_opinions). */
export interface SelfRecordedOpinion { memberId: number; stance: MemberStance; words: string; updatedAt: string }

/** The record's wording (集体讨论记录 carries text): the stance, then the member's words. */
const STANCE_TEXT: Record<MemberStance, string> = { agree: '同意拟处理意见', disagree: '不同意', abstain: '弃权' };

export function opinionTextOf(stance: MemberStance, words: string): string {
  const w = words.trim();
  return w ? `${STANCE_TEXT[stance]}：${w}` : STANCE_TEXT[stance];
}

export interface MemberOpinionFacts {
  memberId: number;
  meeting: { heldOn: string; attendeeIds: number[] };
  /** The case's stage now (rules/procedure.ts deriveStage). */
  stage: string;
  /** This meeting has already concluded its discussion of this case. */
  concluded: boolean;
  /** The steps the meeting follows (filing, case review, legal review: record-dates.ts meetingPredecessors). */
  predecessors: Predecessor[];
  todayOn: string;
}

/**
 * 行政处罚法 第五十七条第二款: the heads who discuss the case collectively each give their own opinion — so only an
 * attendee of a meeting that may discuss this case (held after the filing and the reviews it relies on,
 * 第四十七条), while the case awaits collective discussion and before that meeting has concluded it.
 */
export function checkMemberOpinion(f: MemberOpinionFacts): Outcome {
  if (!f.meeting.attendeeIds.includes(f.memberId)) return refuse('OPINION_NOT_AN_ATTENDEE', CITE.collectiveDiscussionByHeads, 'meetingId');
  // Concluded first: once concluded the case has moved on, and "concluded" is the reason that tells.
  if (f.concluded) return refuse('DISCUSSION_ALREADY_CONCLUDED', CITE.collectiveDiscussion);
  const dated = checkRecordDate(f.todayOn, 'meetingId', f.meeting.heldOn, f.predecessors);
  if (!dated.ok) return dated;
  if (f.stage !== 'collective_discussion') return refuse('CASE_NOT_IN_COLLECTIVE_DISCUSSION', CITE.collectiveDiscussion, undefined, { stage: f.stage });
  return allowed;
}

/**
 * An opinion counts for the proposal as it now stands only if recorded after the case review and legal review
 * that put this proposal before the committee (第五十七条, 第五十八条): one given on a proposal since returned
 * or amended is not taken as self-recorded (the member records anew, or is minuted).
 */
export function isCurrentOpinion(updatedAt: string, reviewsAt: (string | null)[]): boolean {
  return reviewsAt.every((at) => at === null || updatedAt >= at);
}

/** 第四十七条 (全过程记录): changing or withdrawing one's recorded opinion says why. */
export function checkOpinionChange(previous: { stance: MemberStance; words: string } | null, next: { stance: MemberStance; words: string } | null, reason: string | null | undefined): Outcome {
  if (previous === null) return next === null ? refuse('OPINION_NOT_RECORDED') : allowed;
  const same = next !== null && next.stance === previous.stance && next.words.trim() === previous.words.trim();
  if (!same && !reason?.trim()) return refuse('OPINION_CHANGE_REASON_REQUIRED', CITE.fullRecord, 'reason');
  return allowed;
}

/**
 * The opinions the concluded discussion stores. A member's self-recorded opinion is his own (第五十七条第二款):
 * it is taken as recorded, and the submitter cannot replace it — an entry for him that says something else is
 * refused naming him (not silently overwritten either way, so what the submitter saw is what is stored).
 * Members who recorded none are taken as minuted by the submitter.
 */
export function mergeDiscussionOpinions(
  minuted: { memberId: number; opinion: string }[], recorded: SelfRecordedOpinion[], attendeeIds: number[],
): { ok: true; opinions: DiscussionOpinion[] } | Refusal {
  const own = new Map(recorded.map((r) => [r.memberId, r]));
  const out: DiscussionOpinion[] = [];
  const seen = new Set<number>();
  for (const [i, m] of minuted.entries()) {
    if (seen.has(m.memberId)) return refuse('OPINION_MEMBER_TWICE', undefined, `opinions.${i}.memberId`, { memberId: m.memberId });
    seen.add(m.memberId);
    const r = own.get(m.memberId);
    if (r && m.opinion.trim() !== opinionTextOf(r.stance, r.words)) {
      return refuse('OPINION_SELF_RECORDED', CITE.collectiveDiscussionByHeads, `opinions.${i}.opinion`, { memberId: m.memberId });
    }
    if (!r) out.push({ memberId: m.memberId, opinion: m.opinion, selfRecorded: false });
  }
  for (const r of recorded) {
    out.push({ memberId: r.memberId, opinion: opinionTextOf(r.stance, r.words), selfRecorded: true, stance: r.stance, recordedAt: r.updatedAt });
  }
  if (out.length === 0) return refuse('OPINIONS_REQUIRED', CITE.collectiveDiscussion, 'opinions');
  // In the meeting's order of attendance, as the record lists them.
  const rank = (id: number) => { const i = attendeeIds.indexOf(id); return i < 0 ? attendeeIds.length : i; };
  return { ok: true, opinions: out.sort((a, b) => rank(a.memberId) - rank(b.memberId)) };
}
