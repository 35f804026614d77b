// The only file of the training capability that talks to the database.
import { and, asc, between, desc, eq, gte, inArray, isNotNull, lt, lte, max, sql } from 'drizzle-orm';
import type { DbOrTx } from '../platform/db/index.js';
import type { Role } from '../platform/auth/roles.js';
import { users } from '../users/index.js';
import { departments, districts } from '../organisation/index.js';
import { cases } from '../cases/index.js';
import { enterprises } from '../enterprises/index.js';
import {
  popularisationActivities, popularisationItems, popularisationPlans, trainingEnrolments, trainingExams, trainingQuestions, trainingSittings,
  trainingStudyAttendees, trainingStudySessions, typicalCases,
} from './tables.js';
import type { QuestionKind } from './rules.js';

export type ExamRow = typeof trainingExams.$inferSelect;
export type SittingRow = typeof trainingSittings.$inferSelect;
export type QuestionRow = typeof trainingQuestions.$inferSelect;

export async function listActiveQuestionKinds(db: DbOrTx): Promise<{ id: number; kind: QuestionKind }[]> {
  return db.select({ id: trainingQuestions.id, kind: trainingQuestions.kind }).from(trainingQuestions).where(eq(trainingQuestions.active, true)).orderBy(asc(trainingQuestions.id));
}

export async function listQuestions(db: DbOrTx): Promise<QuestionRow[]> {
  return db.select().from(trainingQuestions).orderBy(asc(trainingQuestions.id));
}

export async function findQuestionsByIds(db: DbOrTx, ids: number[]): Promise<QuestionRow[]> {
  if (!ids.length) return [];
  const rows = await db.select().from(trainingQuestions).where(inArray(trainingQuestions.id, ids));
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.map((id) => byId.get(id)!).filter(Boolean);
}

export async function findExam(db: DbOrTx, id: number): Promise<ExamRow | null> {
  const [row] = await db.select().from(trainingExams).where(eq(trainingExams.id, id));
  return row ?? null;
}

export async function isEnrolled(db: DbOrTx, examId: number, userId: number): Promise<boolean> {
  const [row] = await db.select({ userId: trainingEnrolments.userId }).from(trainingEnrolments).where(and(eq(trainingEnrolments.examId, examId), eq(trainingEnrolments.userId, userId)));
  return Boolean(row);
}

/** Active staff users with one of the roles or one of the ids (enterprise users are never candidates). */
export async function findCandidates(db: DbOrTx, roles: Role[], userIds: number[]): Promise<{ id: number; role: Role; active: boolean }[]> {
  const byRole = roles.length ? await db.select({ id: users.id, role: users.role, active: users.active }).from(users).where(and(inArray(users.role, roles), eq(users.active, true))) : [];
  const byId = userIds.length ? await db.select({ id: users.id, role: users.role, active: users.active }).from(users).where(inArray(users.id, userIds)) : [];
  const all = new Map([...byRole, ...byId].map((u) => [u.id, u]));
  return [...all.values()].sort((a, b) => a.id - b.id);
}

/** Exams with the principal's own enrolment and sitting; every exam for `all`, else only those they are enrolled in. */
export async function listExams(db: DbOrTx, userId: number, all: boolean) {
  const enrolled = sql<boolean>`exists (select 1 from ${trainingEnrolments} e where e.exam_id = ${trainingExams.id} and e.user_id = ${userId})`;
  return db.select({
    exam: trainingExams,
    enrolled,
    enrolledCount: sql<number>`(select count(*)::int from ${trainingEnrolments} e where e.exam_id = ${trainingExams.id})`.mapWith(Number),
    satCount: sql<number>`(select count(*)::int from ${trainingSittings} s where s.exam_id = ${trainingExams.id} and s.submitted_at is not null)`.mapWith(Number),
    mySittingId: sql<number | null>`(select s.id from ${trainingSittings} s where s.exam_id = ${trainingExams.id} and s.user_id = ${userId})`,
  }).from(trainingExams).where(all ? undefined : enrolled).orderBy(desc(trainingExams.opensOn), desc(trainingExams.id));
}

export async function findSitting(db: DbOrTx, examId: number, userId: number, lock = false): Promise<SittingRow | null> {
  const q = db.select().from(trainingSittings).where(and(eq(trainingSittings.examId, examId), eq(trainingSittings.userId, userId)));
  const [row] = lock ? await q.for('update') : await q;
  return row ?? null;
}

/** Inserts the sitting unless one exists (the unique constraint decides a race); true when this call made it. */
export async function insertSitting(db: DbOrTx, values: typeof trainingSittings.$inferInsert): Promise<boolean> {
  const rows = await db.insert(trainingSittings).values(values).onConflictDoNothing({ target: [trainingSittings.examId, trainingSittings.userId] }).returning({ id: trainingSittings.id });
  return rows.length > 0;
}

/** Records a submission only while none is recorded: of two at once, exactly one updates the row. */
export async function recordSubmission(db: DbOrTx, sittingId: number, values: { submittedAt: Date; answers: Record<string, number[]>; correct: number; scorePercent: number; passed: boolean }): Promise<boolean> {
  const rows = await db.update(trainingSittings).set(values).where(and(eq(trainingSittings.id, sittingId), sql`${trainingSittings.submittedAt} is null`)).returning({ id: trainingSittings.id });
  return rows.length > 0;
}

/** Each enrolled candidate with their unit (department, else district) and sitting. */
export async function listCandidates(db: DbOrTx, examId: number) {
  return db.select({
    userId: users.id, displayName: users.displayName, role: users.role, departmentName: departments.name, districtName: districts.name,
    startedAt: trainingSittings.startedAt, submittedAt: trainingSittings.submittedAt, correct: trainingSittings.correct, total: trainingSittings.total,
    scorePercent: trainingSittings.scorePercent, passed: trainingSittings.passed,
  }).from(trainingEnrolments)
    .innerJoin(users, eq(users.id, trainingEnrolments.userId))
    .leftJoin(departments, eq(departments.id, users.departmentId))
    .leftJoin(districts, eq(districts.id, users.districtId))
    .leftJoin(trainingSittings, and(eq(trainingSittings.examId, trainingEnrolments.examId), eq(trainingSittings.userId, trainingEnrolments.userId)))
    .where(eq(trainingEnrolments.examId, examId)).orderBy(asc(users.id));
}

/** Active users holding an enforcement credential, with their latest passed sitting. */
export async function listCredentialedOfficers(db: DbOrTx) {
  const lastPassed = db.select({ userId: trainingSittings.userId, lastPassedAt: max(trainingSittings.submittedAt).as('last_passed_at') })
    .from(trainingSittings).where(and(eq(trainingSittings.passed, true), isNotNull(trainingSittings.submittedAt))).groupBy(trainingSittings.userId).as('last_passed');
  return db.select({
    userId: users.id, displayName: users.displayName, username: users.username, role: users.role, credentialNo: users.credentialNo,
    departmentName: departments.name, districtName: districts.name, lastPassedAt: lastPassed.lastPassedAt,
  }).from(users)
    .leftJoin(departments, eq(departments.id, users.departmentId))
    .leftJoin(districts, eq(districts.id, users.districtId))
    .leftJoin(lastPassed, eq(lastPassed.userId, users.id))
    .where(and(eq(users.active, true), isNotNull(users.credentialNo))).orderBy(asc(users.id));
}

// —— 学法 study sessions ——

export type StudySessionRow = typeof trainingStudySessions.$inferSelect;
export type PlanRow = typeof popularisationPlans.$inferSelect;
export type ItemRow = typeof popularisationItems.$inferSelect;
export type TypicalCaseRow = typeof typicalCases.$inferSelect;

/** Users by id with their unit (department, else district) — for hosts and attendees. */
export async function findStaff(db: DbOrTx, ids: number[]) {
  if (!ids.length) return [];
  return db.select({ id: users.id, displayName: users.displayName, role: users.role, active: users.active, departmentName: departments.name, districtName: districts.name })
    .from(users).leftJoin(departments, eq(departments.id, users.departmentId)).leftJoin(districts, eq(districts.id, users.districtId))
    .where(inArray(users.id, ids)).orderBy(asc(users.id));
}

export async function insertStudySession(db: DbOrTx, values: typeof trainingStudySessions.$inferInsert, attendeeIds: number[]): Promise<StudySessionRow> {
  const [row] = await db.insert(trainingStudySessions).values(values).returning();
  if (attendeeIds.length) await db.insert(trainingStudyAttendees).values(attendeeIds.map((userId) => ({ sessionId: row!.id, userId })));
  return row!;
}

const yearRange = (year: number) => [`${year}-01-01`, `${year}-12-31`] as const;

/** The year's sessions, newest first, with host name and attendance. */
export async function listStudySessions(db: DbOrTx, year: number) {
  const [from, to] = yearRange(year);
  return db.select({
    session: trainingStudySessions, hostName: users.displayName,
    attendance: sql<number>`(select count(*)::int from ${trainingStudyAttendees} a where a.session_id = ${trainingStudySessions.id})`.mapWith(Number),
  }).from(trainingStudySessions).innerJoin(users, eq(users.id, trainingStudySessions.hostId))
    .where(between(trainingStudySessions.heldOn, from, to)).orderBy(desc(trainingStudySessions.heldOn), desc(trainingStudySessions.id));
}

export async function findStudySession(db: DbOrTx, id: number): Promise<StudySessionRow | null> {
  const [row] = await db.select().from(trainingStudySessions).where(eq(trainingStudySessions.id, id));
  return row ?? null;
}

export async function listStudyAttendees(db: DbOrTx, sessionIds: number[]) {
  if (!sessionIds.length) return [];
  return db.select({ sessionId: trainingStudyAttendees.sessionId, userId: users.id, displayName: users.displayName, departmentName: departments.name, districtName: districts.name })
    .from(trainingStudyAttendees).innerJoin(users, eq(users.id, trainingStudyAttendees.userId))
    .leftJoin(departments, eq(departments.id, users.departmentId)).leftJoin(districts, eq(districts.id, users.districtId))
    .where(inArray(trainingStudyAttendees.sessionId, sessionIds)).orderBy(asc(trainingStudyAttendees.sessionId), asc(users.id));
}

// —— 谁执法谁普法 popularisation ——

export async function findPlanByYear(db: DbOrTx, year: number): Promise<PlanRow | null> {
  const [row] = await db.select().from(popularisationPlans).where(eq(popularisationPlans.year, year));
  return row ?? null;
}

export async function findPlan(db: DbOrTx, id: number): Promise<PlanRow | null> {
  const [row] = await db.select().from(popularisationPlans).where(eq(popularisationPlans.id, id));
  return row ?? null;
}

/** Inserts the year's plan unless one exists (the unique year decides a race); null when it existed. */
export async function insertPlan(db: DbOrTx, values: typeof popularisationPlans.$inferInsert): Promise<PlanRow | null> {
  const [row] = await db.insert(popularisationPlans).values(values).onConflictDoNothing({ target: popularisationPlans.year }).returning();
  return row ?? null;
}

export async function listPlans(db: DbOrTx): Promise<PlanRow[]> {
  return db.select().from(popularisationPlans).orderBy(desc(popularisationPlans.year));
}

export async function findDepartmentIds(db: DbOrTx, ids: number[]): Promise<number[]> {
  if (!ids.length) return [];
  return (await db.select({ id: departments.id }).from(departments).where(inArray(departments.id, ids))).map((r) => r.id);
}

export async function insertItems(db: DbOrTx, values: (typeof popularisationItems.$inferInsert)[]): Promise<ItemRow[]> {
  return values.length ? db.insert(popularisationItems).values(values).returning() : [];
}

export async function findItem(db: DbOrTx, id: number, lock = false) {
  const q = db.select({ item: popularisationItems, planYear: popularisationPlans.year, departmentName: departments.name }).from(popularisationItems)
    .innerJoin(popularisationPlans, eq(popularisationPlans.id, popularisationItems.planId))
    .innerJoin(departments, eq(departments.id, popularisationItems.departmentId))
    .where(eq(popularisationItems.id, id));
  const [row] = lock ? await q.for('update', { of: popularisationItems }) : await q;
  return row ?? null;
}

/** Records the item done, only while it is not: of two at once, one updates. */
export async function markItemDone(db: DbOrTx, id: number, doneOn: string): Promise<boolean> {
  const rows = await db.update(popularisationItems).set({ doneOn }).where(and(eq(popularisationItems.id, id), sql`${popularisationItems.doneOn} is null`)).returning({ id: popularisationItems.id });
  return rows.length > 0;
}

export async function listItems(db: DbOrTx, planId: number) {
  return db.select({
    item: popularisationItems, departmentName: departments.name,
    activities: sql<number>`(select count(*)::int from ${popularisationActivities} a where a.item_id = ${popularisationItems.id})`.mapWith(Number),
  }).from(popularisationItems).innerJoin(departments, eq(departments.id, popularisationItems.departmentId))
    .where(eq(popularisationItems.planId, planId)).orderBy(asc(departments.name), asc(popularisationItems.id));
}

export async function insertActivity(db: DbOrTx, values: typeof popularisationActivities.$inferInsert) {
  const [row] = await db.insert(popularisationActivities).values(values).returning();
  return row!;
}

/** The year's activities with their item's department. */
export async function listActivities(db: DbOrTx, year: number) {
  const [from, to] = yearRange(year);
  return db.select({ activity: popularisationActivities, itemContent: popularisationItems.content, departmentName: departments.name })
    .from(popularisationActivities).innerJoin(popularisationItems, eq(popularisationItems.id, popularisationActivities.itemId))
    .innerJoin(departments, eq(departments.id, popularisationItems.departmentId))
    .where(between(popularisationActivities.heldOn, from, to)).orderBy(desc(popularisationActivities.heldOn), desc(popularisationActivities.id));
}

export async function listYearItems(db: DbOrTx, year: number) {
  return db.select({ dueOn: popularisationItems.dueOn, doneOn: popularisationItems.doneOn, department: departments.name })
    .from(popularisationItems).innerJoin(popularisationPlans, eq(popularisationPlans.id, popularisationItems.planId))
    .innerJoin(departments, eq(departments.id, popularisationItems.departmentId)).where(eq(popularisationPlans.year, year));
}

// —— 以案释法 typical cases ——

/** The case a typical case is drafted from, with the party's identifiers from the enterprise register. */
export async function findCaseForTypicalCase(db: DbOrTx, caseId: number) {
  const [row] = await db.select({
    id: cases.id, number: cases.number, districtId: cases.districtId, districtName: districts.name, partyKind: cases.partyKind, cause: cases.cause,
    closedAt: cases.closedAt, proposal: cases.proposal, decision: cases.decision, decisionKind: cases.decisionKind, decisionFineFen: cases.decisionFineFen,
    enterpriseName: enterprises.name, creditCode: enterprises.creditCode, legalRepresentative: enterprises.legalRepresentative, address: enterprises.address,
  }).from(cases).innerJoin(enterprises, eq(enterprises.id, cases.enterpriseId)).innerJoin(districts, eq(districts.id, cases.districtId)).where(eq(cases.id, caseId));
  return row ?? null;
}

/** Inserts the draft unless the case has one (the unique case id decides a race); null when it had. */
export async function insertTypicalCase(db: DbOrTx, values: typeof typicalCases.$inferInsert): Promise<TypicalCaseRow | null> {
  const [row] = await db.insert(typicalCases).values(values).onConflictDoNothing({ target: typicalCases.caseId }).returning();
  return row ?? null;
}

export async function findTypicalCase(db: DbOrTx, id: number, lock = false): Promise<TypicalCaseRow | null> {
  const q = db.select().from(typicalCases).where(eq(typicalCases.id, id));
  const [row] = lock ? await q.for('update') : await q;
  return row ?? null;
}

export async function updateTypicalCase(db: DbOrTx, id: number, values: Partial<typeof typicalCases.$inferInsert>): Promise<TypicalCaseRow> {
  const [row] = await db.update(typicalCases).set(values).where(eq(typicalCases.id, id)).returning();
  return row!;
}

/** Typical cases with the source case's district; `published` only those published. */
export async function listTypicalCases(db: DbOrTx, opts: { published?: boolean; districtId?: number | null } = {}) {
  return db.select({ typical: typicalCases, caseNumber: cases.number, districtId: cases.districtId, districtName: districts.name, draftedByName: users.displayName })
    .from(typicalCases).innerJoin(cases, eq(cases.id, typicalCases.caseId)).innerJoin(districts, eq(districts.id, cases.districtId))
    .innerJoin(users, eq(users.id, typicalCases.draftedById))
    .where(and(opts.published ? eq(typicalCases.status, 'published') : undefined, opts.districtId ? eq(cases.districtId, opts.districtId) : undefined))
    .orderBy(desc(typicalCases.publishedAt), desc(typicalCases.id));
}

// —— the year's figures ——

/** Each person enrolled in an exam opening in the year, with whether they sat and passed any of them. */
export async function listYearCandidates(db: DbOrTx, year: number) {
  const [from, to] = yearRange(year);
  return db.select({
    userId: users.id, departmentName: departments.name, districtName: districts.name,
    submitted: sql<boolean>`bool_or(${trainingSittings.submittedAt} is not null)`.mapWith(Boolean),
    passed: sql<boolean>`coalesce(bool_or(${trainingSittings.passed}), false)`.mapWith(Boolean),
  }).from(trainingEnrolments).innerJoin(trainingExams, eq(trainingExams.id, trainingEnrolments.examId))
    .innerJoin(users, eq(users.id, trainingEnrolments.userId))
    .leftJoin(departments, eq(departments.id, users.departmentId)).leftJoin(districts, eq(districts.id, users.districtId))
    .leftJoin(trainingSittings, and(eq(trainingSittings.examId, trainingEnrolments.examId), eq(trainingSittings.userId, trainingEnrolments.userId)))
    .where(and(gte(trainingExams.opensOn, from), lte(trainingExams.opensOn, to)))
    .groupBy(users.id, departments.name, districts.name).orderBy(asc(users.id));
}

export async function countYearExams(db: DbOrTx, year: number): Promise<number> {
  const [from, to] = yearRange(year);
  return db.$count(trainingExams, between(trainingExams.opensOn, from, to));
}

export async function countPublishedTypicalCases(db: DbOrTx, year: number): Promise<number> {
  const from = new Date(`${year}-01-01T00:00:00+08:00`);
  const to = new Date(`${year + 1}-01-01T00:00:00+08:00`);
  return db.$count(typicalCases, and(eq(typicalCases.status, 'published'), gte(typicalCases.publishedAt, from), lt(typicalCases.publishedAt, to)));
}

/** A study session exists (under its row lock when asked: files added to it are counted under the lock). */
export async function studySessionExists(db: DbOrTx, id: number, lock = false): Promise<boolean> {
  const q = db.select({ id: trainingStudySessions.id }).from(trainingStudySessions).where(eq(trainingStudySessions.id, id));
  const [row] = lock ? await q.for('update') : await q;
  return row !== undefined;
}

/** A popularisation activity exists (under its row lock when asked). */
export async function activityExists(db: DbOrTx, id: number, lock = false): Promise<boolean> {
  const q = db.select({ id: popularisationActivities.id }).from(popularisationActivities).where(eq(popularisationActivities.id, id));
  const [row] = lock ? await q.for('update') : await q;
  return row !== undefined;
}
