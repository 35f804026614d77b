import { date, index, integer, jsonb, pgTable, serial, text, timestamp } from 'drizzle-orm/pg-core';
import { cases } from '../cases/tables.js';
import { users } from '../users/tables.js';
import type { Citation } from '../law/outcome.js';
import type { MeasureEvent, MeasureKind, MeasureStatus } from './rules/kinds.js';
import type { MeasureRecord } from './rules/records.js';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const day = (name: string) => date(name, { mode: 'string' });

/**
 * Coercive and special measures of a case (按日连续处罚, 查封扣押, 限产停产, 移送拘留, 移送涉嫌犯罪).
 * `record` holds the kind's own facts; status, dates and outcome are derived from it by the rules
 * after every change and stored for filtering and statistics.
 */
export const measures = pgTable('measures', {
  id: serial('id').primaryKey(),
  caseId: integer('case_id').notNull().references(() => cases.id),
  kind: text('kind').$type<MeasureKind>().notNull(),
  status: text('status').$type<MeasureStatus>().notNull(),
  basis: jsonb('basis').$type<Citation[]>().notNull(),
  responsibleOfficerId: integer('responsible_officer_id').notNull().references(() => users.id),
  startedOn: day('started_on').notNull(),
  dueOn: day('due_on'),
  endedOn: day('ended_on'),
  record: jsonb('record').$type<MeasureRecord>().notNull(),
  note: text('note').notNull().default(''),
  createdById: integer('created_by_id').references(() => users.id),
  version: integer('version').notNull().default(1),
  createdAt: ts('created_at').notNull(),
  updatedAt: ts('updated_at').notNull(),
}, (t) => [
  index('measures_case_idx').on(t.caseId),
  index('measures_kind_status_idx').on(t.kind, t.status),
  index('measures_started_idx').on(t.startedOn),
]);

/** Each follow-up event, as recorded: the measure's own timeline. */
export const measureEvents = pgTable('measure_events', {
  id: serial('id').primaryKey(),
  measureId: integer('measure_id').notNull().references(() => measures.id),
  event: text('event').$type<MeasureEvent | 'create'>().notNull(),
  occurredOn: day('occurred_on').notNull(),
  actorId: integer('actor_id').references(() => users.id),
  data: jsonb('data').$type<Record<string, unknown>>().notNull(),
  createdAt: ts('created_at').notNull(),
}, (t) => [index('measure_events_measure_idx').on(t.measureId, t.id)]);
