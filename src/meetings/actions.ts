// Meetings: check → write and audit in one transaction; the year's counts.
import type { Db } from '../platform/db/index.js';
import { refuse, success, type Result } from '../law/outcome.js';
import { chinaDateOf } from '../law/civil-date.js';
import { actorOf, appendAudit } from '../platform/audit/log.js';
import { can, type Principal } from '../platform/auth/roles.js';
import { checkAgenda, checkMeeting, computeMeetingYearFigures, type AgendaItem, type AgendaKind, type LawStudy, type MeetingKind } from './rules.js';
import { findMeeting, insertMeeting, listMeetings, usersNamed, type MeetingRow } from './queries.js';

/** Where the UI links an agenda item: a case opens its case page. */
const withLinks = (m: MeetingRow) => ({
  ...m, agenda: m.agenda.map((a) => ({ ...a, link: a.kind === 'case' && a.ref ? `/cases/${a.ref}` : null })),
});

export async function meetingList(db: Db, year?: number) {
  return (await listMeetings(db, year)).map(withLinks);
}

export async function meetingDetail(db: Db, id: number): Promise<Result<unknown>> {
  const m = await findMeeting(db, id);
  if (!m) return refuse('NOT_FOUND');
  return success({ ...withLinks(m), attendeeUsers: await usersNamed(db, m.attendeeUserIds) });
}

export interface MeetingInput {
  kind: MeetingKind; title: string; heldOn: string; attendeeUserIds: number[]; attendeeNames: string[];
  agenda: { kind: AgendaKind; ref?: string | null; title: string }[]; lawStudy?: LawStudy | null; minutes?: string | null;
}

export async function recordMeeting(db: Db, principal: Principal, input: MeetingInput, now: Date): Promise<Result<unknown>> {
  if (!can(principal, 'meeting.manage')) return refuse('FORBIDDEN');
  const agenda: AgendaItem[] = input.agenda.map((a) => ({ kind: a.kind, ref: a.ref || null, title: a.title }));
  const facts = { kind: input.kind, heldOn: input.heldOn, lawStudy: input.lawStudy ?? null };
  const gate = checkMeeting(facts, chinaDateOf(now));
  if (!gate.ok) return gate;
  const agendaGate = checkAgenda(agenda);
  if (!agendaGate.ok) return agendaGate;
  const ids = [...new Set(input.attendeeUserIds)];
  if ((await usersNamed(db, ids)).length !== ids.length) return refuse('MEETING_ATTENDEE_UNKNOWN', undefined, 'attendeeUserIds');
  return db.transaction(async (tx) => {
    const row = await insertMeeting(tx, {
      ...facts, title: input.title, attendeeUserIds: ids, attendeeNames: input.attendeeNames, agenda, minutes: input.minutes ?? null,
      createdById: principal.id, createdAt: now,
    });
    await appendAudit(tx, actorOf(principal), { action: 'meeting.record', entity: 'governance_meeting', entityId: row.id, after: row }, now);
    return success(withLinks(row));
  });
}

/** The year's meeting figures for the year-end report (seed-figures.md #2, #4). */
export async function meetingYearFigures(db: Db, year: number, now: Date = new Date()) {
  return computeMeetingYearFigures(await listMeetings(db, year), year, chinaDateOf(now));
}
