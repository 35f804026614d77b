import { integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { users } from '../users/tables.js';
import type { BureauSettings } from './rules.js';

/** The bureau's settings, one row (`key` 'bureau'); every change is in the audit log with old → new. */
export const bureauSettings = pgTable('bureau_settings', {
  key: text('key').primaryKey(),
  value: jsonb('value').$type<BureauSettings>().notNull(),
  version: integer('version').notNull().default(1),
  updatedById: integer('updated_by_id').references(() => users.id),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull(),
});
