import { boolean, date, index, integer, jsonb, pgTable, primaryKey, real, serial, text, timestamp, unique } from 'drizzle-orm/pg-core';
import { users } from '../users/tables.js';
import { departments } from '../organisation/tables.js';
import { cases } from '../cases/tables.js';
import type { Role } from '../platform/auth/roles.js';
import type { AudienceKind, QuestionCounts, QuestionKind, StudyKind, TypicalCaseStatus } from './rules.js';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** 学法考试题库: one question; `answer` holds the indices of the correct options. */
export const trainingQuestions = pgTable('training_questions', {
  id: serial('id').primaryKey(),
  code: text('code').notNull().unique(),
  kind: text('kind').$type<QuestionKind>().notNull(),
  stem: text('stem').notNull(),
  options: jsonb('options').$type<string[]>().notNull(),
  answer: jsonb('answer').$type<number[]>().notNull(),
  law: text('law').notNull(),
  article: text('article').notNull(),
  topic: text('topic').notNull(),
  active: boolean('active').notNull().default(true),
  createdAt: ts('created_at').notNull(),
});

/** An exam: window, time limit, pass mark, how many questions of each kind, the seed papers are drawn with. */
export const trainingExams = pgTable('training_exams', {
  id: serial('id').primaryKey(),
  title: text('title').notNull(),
  opensOn: date('opens_on', { mode: 'string' }).notNull(),
  closesOn: date('closes_on', { mode: 'string' }).notNull(),
  timeLimitMinutes: integer('time_limit_minutes').notNull(),
  passPercent: integer('pass_percent').notNull(),
  counts: jsonb('counts').$type<QuestionCounts>().notNull(),
  seed: integer('seed').notNull(),
  /** How the candidates were chosen (the list itself is in training_enrolments). */
  enrolledRoles: jsonb('enrolled_roles').$type<Role[]>().notNull(),
  createdById: integer('created_by_id').notNull().references(() => users.id),
  createdAt: ts('created_at').notNull(),
});

/** The candidates of an exam, fixed when it is created. */
export const trainingEnrolments = pgTable('training_enrolments', {
  examId: integer('exam_id').notNull().references(() => trainingExams.id),
  userId: integer('user_id').notNull().references(() => users.id),
}, (t) => [primaryKey({ name: 'training_enrolments_exam_user', columns: [t.examId, t.userId] }), index('training_enrolments_user_idx').on(t.userId)]);

/** One candidate's sitting: one per exam (the unique constraint), its drawn paper, answers and result. */
export const trainingSittings = pgTable('training_sittings', {
  id: serial('id').primaryKey(),
  examId: integer('exam_id').notNull().references(() => trainingExams.id),
  userId: integer('user_id').notNull().references(() => users.id),
  questionIds: jsonb('question_ids').$type<number[]>().notNull(),
  startedAt: ts('started_at').notNull(),
  submittedAt: ts('submitted_at'),
  answers: jsonb('answers').$type<Record<string, number[]>>(),
  correct: integer('correct'),
  total: integer('total').notNull(),
  scorePercent: real('score_percent'),
  passed: boolean('passed'),
}, (t) => [unique('training_sittings_exam_user').on(t.examId, t.userId), index('training_sittings_user_passed_idx').on(t.userId, t.passed, t.submittedAt)]);

/** 学法: one study session (党组理论学习中心组学法, 集中学法 …); materials are listed by title. */
export const trainingStudySessions = pgTable('training_study_sessions', {
  id: serial('id').primaryKey(),
  kind: text('kind').$type<StudyKind>().notNull(),
  topic: text('topic').notNull(),
  heldOn: date('held_on', { mode: 'string' }).notNull(),
  hostId: integer('host_id').notNull().references(() => users.id),
  materials: jsonb('materials').$type<string[]>().notNull(),
  minutes: text('minutes').notNull(),
  createdById: integer('created_by_id').notNull().references(() => users.id),
  createdAt: ts('created_at').notNull(),
}, (t) => [index('training_study_sessions_held_idx').on(t.heldOn)]);

/** Who attended a study session (attendance recorded per person). */
export const trainingStudyAttendees = pgTable('training_study_attendees', {
  sessionId: integer('session_id').notNull().references(() => trainingStudySessions.id),
  userId: integer('user_id').notNull().references(() => users.id),
}, (t) => [primaryKey({ name: 'training_study_attendees_session_user', columns: [t.sessionId, t.userId] })]);

/** 谁执法谁普法: the year's popularisation plan (one a year). */
export const popularisationPlans = pgTable('popularisation_plans', {
  id: serial('id').primaryKey(),
  year: integer('year').notNull().unique(),
  title: text('title').notNull(),
  createdById: integer('created_by_id').notNull().references(() => users.id),
  createdAt: ts('created_at').notNull(),
});

/** 普法责任清单: one department's item of the plan, with who answers for it and by when. */
export const popularisationItems = pgTable('popularisation_items', {
  id: serial('id').primaryKey(),
  planId: integer('plan_id').notNull().references(() => popularisationPlans.id),
  departmentId: integer('department_id').notNull().references(() => departments.id),
  content: text('content').notNull(),
  responsiblePerson: text('responsible_person').notNull(),
  dueOn: date('due_on', { mode: 'string' }).notNull(),
  doneOn: date('done_on', { mode: 'string' }),
  createdAt: ts('created_at').notNull(),
}, (t) => [index('popularisation_items_plan_idx').on(t.planId, t.departmentId)]);

/** A popularisation activity (六进 …) under an item of the responsibility list; photos listed by title. */
export const popularisationActivities = pgTable('popularisation_activities', {
  id: serial('id').primaryKey(),
  itemId: integer('item_id').notNull().references(() => popularisationItems.id),
  title: text('title').notNull(),
  heldOn: date('held_on', { mode: 'string' }).notNull(),
  place: text('place').notNull(),
  audience: text('audience').$type<AudienceKind>().notNull(),
  materialsGiven: integer('materials_given').notNull(),
  attendance: integer('attendance').notNull(),
  photos: jsonb('photos').$type<string[]>().notNull(),
  createdById: integer('created_by_id').notNull().references(() => users.id),
  createdAt: ts('created_at').notNull(),
}, (t) => [index('popularisation_activities_held_idx').on(t.heldOn)]);

/** 以案释法: a typical case drafted from a closed case, identity removed, reviewed before it is published. */
export const typicalCases = pgTable('typical_cases', {
  id: serial('id').primaryKey(),
  caseId: integer('case_id').notNull().unique().references(() => cases.id),
  title: text('title').notNull(),
  facts: text('facts').notNull(),
  analysis: text('analysis').notNull(),
  lesson: text('lesson').notNull(),
  status: text('status').$type<TypicalCaseStatus>().notNull(),
  draftedById: integer('drafted_by_id').notNull().references(() => users.id),
  submittedAt: ts('submitted_at'),
  reviewedById: integer('reviewed_by_id').references(() => users.id),
  reviewedAt: ts('reviewed_at'),
  returnReason: text('return_reason'),
  publishedAt: ts('published_at'),
  createdAt: ts('created_at').notNull(),
  updatedAt: ts('updated_at').notNull(),
}, (t) => [index('typical_cases_status_idx').on(t.status, t.publishedAt)]);
