import { date, index, integer, jsonb, pgTable, serial, text, timestamp } from 'drizzle-orm/pg-core';
import { users } from '../users/tables.js';
import type { AgendaItem, LawStudy, MeetingKind } from './rules.js';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const civil = (name: string) => date(name, { mode: 'string' });

/** 党组会 / 局长办公会 / 中心组学法: who met, what was on the agenda, the law studied before business. */
export const governanceMeetings = pgTable('governance_meetings', {
  id: serial('id').primaryKey(),
  kind: text('kind').$type<MeetingKind>().notNull(),
  title: text('title').notNull(),
  heldOn: civil('held_on').notNull(),
  /** Attendees who are users of the system (ids) and others by name. */
  attendeeUserIds: jsonb('attendee_user_ids').$type<number[]>().notNull().default([]),
  attendeeNames: jsonb('attendee_names').$type<string[]>().notNull().default([]),
  agenda: jsonb('agenda').$type<AgendaItem[]>().notNull().default([]),
  /** 会前学法: topic, materials, speaker; null when no law was studied. */
  lawStudy: jsonb('law_study').$type<LawStudy | null>(),
  minutes: text('minutes'),
  createdById: integer('created_by_id').references(() => users.id),
  createdAt: ts('created_at').notNull(),
}, (t) => [index('governance_meetings_held_idx').on(t.heldOn)]);
