// Party-group (党组会), director (局长办公会) and leadership study (中心组学法) meetings; the law studied before
// business (会前学法); the year's counts. Pure.
//
// Counting (seed-figures.md #2, #4): meetings held in the year by kind; "召开党组会议23次，局长办公会议8次" counts the
// meetings that studied law before business; leadership study sessions "每季度至少1次" are checked per quarter.
// The quarterly minimum is the bureau's own rule-of-law work plan (no statute read; unconfirmed).
import { allowed, refuse, type Outcome } from '../law/outcome.js';

export const MEETING_KINDS = ['party_group', 'director', 'leadership_study', 'other'] as const; // 党组会, 局长办公会, 中心组学法, 其他
export type MeetingKind = (typeof MEETING_KINDS)[number];
export const AGENDA_KINDS = ['major_decision', 'normative_document', 'case', 'other'] as const;
export type AgendaKind = (typeof AGENDA_KINDS)[number];

export interface LawStudy { topic: string; materials: string; speaker: string }
export interface AgendaItem { kind: AgendaKind; ref: string | null; title: string }

/** A meeting is recorded after it is held: its date is not in the future; a study session studies law. */
export function checkMeeting(m: { kind: MeetingKind; heldOn: string; lawStudy: LawStudy | null }, todayOn: string): Outcome {
  if (m.heldOn > todayOn) return refuse('DATE_IN_FUTURE', undefined, 'heldOn');
  if (m.kind === 'leadership_study' && m.lawStudy === null) return refuse('MEETING_STUDY_TOPIC_REQUIRED', undefined, 'lawStudy');
  return allowed;
}

/** A case agenda item names the case by its id. */
export function checkAgenda(items: AgendaItem[]): Outcome {
  const i = items.findIndex((a) => a.kind === 'case' && !(a.ref && /^\d+$/.test(a.ref)));
  return i < 0 ? allowed : refuse('MEETING_AGENDA_CASE_ID', undefined, `agenda.${i}.ref`);
}

export interface MeetingYearFigures {
  year: number;
  byKind: Record<MeetingKind, { held: number; withLawStudy: number }>;
  /** Leadership study sessions per quarter; `missing` when the quarter ended (as of today) without one. */
  studyQuarters: { quarter: 1 | 2 | 3 | 4; sessions: number; missing: boolean }[];
}

const QUARTER_ENDS = ['03-31', '06-30', '09-30', '12-31'] as const;

/** Meetings held in the year by kind, with law study before business, and study sessions per quarter. */
export function computeMeetingYearFigures(meetings: { kind: MeetingKind; heldOn: string; lawStudy: LawStudy | null }[], year: number, todayOn: string): MeetingYearFigures {
  const inYear = meetings.filter((m) => m.heldOn.startsWith(`${year}-`));
  const byKind = Object.fromEntries(MEETING_KINDS.map((k) => [k, { held: 0, withLawStudy: 0 }])) as MeetingYearFigures['byKind'];
  for (const m of inYear) {
    byKind[m.kind].held += 1;
    if (m.lawStudy) byKind[m.kind].withLawStudy += 1;
  }
  const studyQuarters = QUARTER_ENDS.map((end, i) => {
    const sessions = inYear.filter((m) => m.kind === 'leadership_study' && Math.floor((Number(m.heldOn.slice(5, 7)) - 1) / 3) === i).length;
    return { quarter: (i + 1) as 1 | 2 | 3 | 4, sessions, missing: sessions === 0 && `${year}-${end}` < todayOn };
  });
  return { year, byKind, studyQuarters };
}
