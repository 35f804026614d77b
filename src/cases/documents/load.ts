// Gathers a case's records into the shape the document templates are filled from.
import { eq, inArray } from 'drizzle-orm';
import type { Db } from '../../platform/db/index.js';
import { users } from '../../users/index.js';
import { committeeDiscussions, committeeMeetings, leads } from '../tables.js';
import { loadCaseDetail, type CaseRow } from '../queries.js';
import type { CaseDocumentSource } from './from-case.js';
import { exemptionDocumentFields } from '../decision-checks.js';

export async function loadCaseDocumentSource(db: Db, row: CaseRow, amountDueFen: number): Promise<CaseDocumentSource> {
  const detail = await loadCaseDetail(db, row);
  const [lead] = await db.select().from(leads).where(eq(leads.id, row.leadId));
  const meetingRows = await db.select({ meeting: committeeMeetings }).from(committeeDiscussions)
    .innerJoin(committeeMeetings, eq(committeeMeetings.id, committeeDiscussions.meetingId)).where(eq(committeeDiscussions.caseId, row.id));
  const peopleIds = [...new Set([row.filedById, ...meetingRows.flatMap((m) => [...m.meeting.memberIds, m.meeting.chairId])])];
  const people = peopleIds.length ? await db.select({ id: users.id, displayName: users.displayName }).from(users).where(inArray(users.id, peopleIds)) : [];
  const names = new Map(people.map((p) => [p.id, p.displayName]));
  return {
    row, lead: lead!, enterprise: detail.enterprise, officers: detail.officers, steps: detail.steps, reviews: detail.reviews, discussions: detail.discussions,
    meetingPeople: names,
    meetings: new Map(meetingRows.map((m) => [String(m.meeting.id), m.meeting])),
    hearing: detail.hearing, payments: detail.payments, amountDueFen, leaderName: names.get(row.filedById) ?? '',
    exemption: row.decisionKind === 'exemption' ? await exemptionDocumentFields(db, row.id) : null,
  };
}
