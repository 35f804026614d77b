import { boolean, date, index, integer, jsonb, pgTable, serial, text, timestamp } from 'drizzle-orm/pg-core';
import { users } from '../users/tables.js';
import type { CatalogueStatus, MeetingOpinion, Step } from './rules.js';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const civil = (name: string) => date(name, { mode: 'string' });

/** 重大行政决策事项目录: one catalogue a year, drafted, approved by the leader, published (第三条第三款). */
export const decisionCatalogues = pgTable('decision_catalogues', {
  id: serial('id').primaryKey(),
  year: integer('year').notNull().unique(),
  status: text('status').$type<CatalogueStatus>().notNull(),
  approvedOn: civil('approved_on'),
  approvedById: integer('approved_by_id').references(() => users.id),
  publishedOn: civil('published_on'),
  createdById: integer('created_by_id').notNull().references(() => users.id),
  createdAt: ts('created_at').notNull(),
  updatedAt: ts('updated_at').notNull(),
});

/** One catalogue item and the decision procedure it runs (重大行政决策). */
export const decisionItems = pgTable('decision_items', {
  id: serial('id').primaryKey(),
  catalogueId: integer('catalogue_id').notNull().references(() => decisionCatalogues.id),
  title: text('title').notNull(),
  department: text('department').notNull(),
  /** The planned steps: hearing (第十六条), expert argumentation (第十九条), risk assessment (第二十二条). */
  plannedHearing: boolean('planned_hearing').notNull(),
  plannedExperts: boolean('planned_experts').notNull(),
  plannedRisk: boolean('planned_risk').notNull(),
  step: text('step').$type<Step>().notNull(),
  proposedOn: civil('proposed_on'),
  draftText: text('draft_text'),
  commentStartOn: civil('comment_start_on'),
  commentEndOn: civil('comment_end_on'),
  /** 第十五条: the reason a period shorter than 30 days was stated with. */
  commentShortenedReason: text('comment_shortened_reason'),
  hearingOn: civil('hearing_on'),
  hearingSummary: text('hearing_summary'),
  expertsOn: civil('experts_on'),
  expertsOpinion: text('experts_opinion'),
  riskOn: civil('risk_on'),
  riskLevel: text('risk_level').$type<'low' | 'medium' | 'high'>(),
  riskReport: text('risk_report'),
  reviewSubmittedOn: civil('review_submitted_on'),
  reviewCompletedOn: civil('review_completed_on'),
  reviewPassed: boolean('review_passed'),
  /** 第二十七条 (一)(二)(三): competence, procedure, content. */
  reviewCompetence: text('review_competence'),
  reviewProcedure: text('review_procedure'),
  reviewContent: text('review_content'),
  reviewerOpinion: text('reviewer_opinion'),
  /** 第二十八条: the legal adviser's / public lawyer's opinion. */
  counselOpinion: text('counsel_opinion'),
  reviewerId: integer('reviewer_id').references(() => users.id),
  discussedOn: civil('discussed_on'),
  meetingKind: text('meeting_kind').$type<'party_group' | 'director_office'>(),
  attendees: jsonb('attendees').$type<string[]>(),
  /** 第三十条: opinions in the order spoken; the head last. */
  opinions: jsonb('opinions').$type<MeetingOpinion[]>(),
  conclusion: text('conclusion').$type<'adopt' | 'reject'>(),
  departureReason: text('departure_reason'),
  decidedOn: civil('decided_on'),
  decisionText: text('decision_text'),
  decidedById: integer('decided_by_id').references(() => users.id),
  publishedOn: civil('published_on'),
  publicationChannel: text('publication_channel'),
  archivedOn: civil('archived_on'),
  archiveReference: text('archive_reference'),
  evaluatedOn: civil('evaluated_on'),
  evaluationText: text('evaluation_text'),
  createdById: integer('created_by_id').notNull().references(() => users.id),
  createdAt: ts('created_at').notNull(),
  updatedAt: ts('updated_at').notNull(),
}, (t) => [index('decision_items_catalogue_idx').on(t.catalogueId)]);

/** A public comment on a draft (第十五条) and the bureau's published answer (第十八条). */
export const decisionComments = pgTable('decision_comments', {
  id: serial('id').primaryKey(),
  itemId: integer('item_id').notNull().references(() => decisionItems.id),
  authorName: text('author_name'),
  content: text('content').notNull(),
  submittedOn: civil('submitted_on').notNull(),
  answer: text('answer'),
  answeredOn: civil('answered_on'),
  answeredById: integer('answered_by_id').references(() => users.id),
  createdAt: ts('created_at').notNull(),
}, (t) => [index('decision_comments_item_idx').on(t.itemId)]);
