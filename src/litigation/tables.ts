import { date, index, integer, jsonb, pgTable, serial, text, timestamp } from 'drizzle-orm/pg-core';
import type { ChallengeHearing, ChallengeKind, ChallengeOutcome, ChallengeSubjectKind } from './rules.js';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const civil = (name: string) => date(name, { mode: 'string' });

/** 行政复议 / 行政诉讼 against a decision of the bureau. */
export const challenges = pgTable('challenges', {
  id: serial('id').primaryKey(),
  kind: text('kind').$type<ChallengeKind>().notNull(),
  subjectKind: text('subject_kind').$type<ChallengeSubjectKind>().notNull(),
  /** The decision's id in its own capability (a case id …), as text. */
  subjectId: text('subject_id').notNull(),
  subjectTitle: text('subject_title').notNull(),
  applicant: text('applicant').notNull(),
  /** 复议机关 or the court. */
  body: text('body').notNull(),
  filedOn: civil('filed_on').notNull(),
  hearings: jsonb('hearings').$type<ChallengeHearing[]>().notNull().default([]),
  outcome: text('outcome').$type<ChallengeOutcome>(),
  changes: text('changes'),
  closedOn: civil('closed_on'),
  createdAt: ts('created_at').notNull(),
  version: integer('version').notNull().default(1),
}, (t) => [index('challenges_subject_idx').on(t.subjectKind, t.subjectId), index('challenges_filed_idx').on(t.filedOn)]);
