import { date, index, integer, pgTable, serial, text, timestamp } from 'drizzle-orm/pg-core';
import type { CounselKind, SubjectKind } from './rules.js';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const civil = (name: string) => date(name, { mode: 'string' });

/** 法律顾问 / 公职律师 register. */
export const counsels = pgTable('counsels', {
  id: serial('id').primaryKey(),
  name: text('name').notNull(),
  kind: text('kind').$type<CounselKind>().notNull(),
  firm: text('firm'),
  licenceNo: text('licence_no').notNull(),
  termFromOn: civil('term_from_on').notNull(),
  termToOn: civil('term_to_on'),
  createdAt: ts('created_at').notNull(),
});

/** A review task (合法性审查, 听证, 合同审查 …) assigned to a counsel and answered with an opinion. */
export const counselTasks = pgTable('counsel_tasks', {
  id: serial('id').primaryKey(),
  counselId: integer('counsel_id').notNull().references(() => counsels.id),
  subjectKind: text('subject_kind').$type<SubjectKind>().notNull(),
  /** The subject's id in its own capability (a case id, a decision number …), as text. */
  subjectRef: text('subject_ref').notNull(),
  subjectTitle: text('subject_title').notNull(),
  assignedOn: civil('assigned_on').notNull(),
  dueOn: civil('due_on').notNull(),
  opinion: text('opinion'),
  answeredOn: civil('answered_on'),
  createdAt: ts('created_at').notNull(),
}, (t) => [index('counsel_tasks_counsel_idx').on(t.counselId), index('counsel_tasks_answered_idx').on(t.answeredOn)]);
