import { boolean, date, integer, pgTable, primaryKey, serial, text, timestamp } from 'drizzle-orm/pg-core';
import { departments, districts } from '../organisation/tables.js';
import { enterprises } from '../enterprises/tables.js';
import type { Role } from '../platform/auth/roles.js';

export const users = pgTable('users', {
  id: serial('id').primaryKey(),
  username: text('username').notNull().unique(),
  displayName: text('display_name').notNull(),
  passwordHash: text('password_hash').notNull(),
  role: text('role').$type<Role>().notNull(),
  /** null: city-wide scope; otherwise the one district the user works in. */
  districtId: integer('district_id').references(() => districts.id),
  departmentId: integer('department_id').references(() => departments.id),
  /** For enterprise users: the one enterprise they represent. */
  enterpriseId: integer('enterprise_id').references(() => enterprises.id),
  /** 执法证号: required for enforcement officers (行政处罚法 第四十二条). */
  credentialNo: text('credential_no'),
  holdsLegalQualification: boolean('holds_legal_qualification').notNull().default(false),
  /** When the user began legal review work (行政处罚法 第五十八条第二款: only those starting after 2021-07-15 need the qualification). */
  legalReviewStartedOn: date('legal_review_started_on', { mode: 'string' }),
  active: boolean('active').notNull().default(true),
  failedLogins: integer('failed_logins').notNull().default(0),
  lockedUntil: timestamp('locked_until', { withTimezone: true, mode: 'date' }),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
});

export const sessions = pgTable('sessions', {
  /** sha256 of the cookie token: a leaked table does not leak live sessions. */
  id: text('id').primaryKey(),
  userId: integer('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
  csrfToken: text('csrf_token').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
  expiresAt: timestamp('expires_at', { withTimezone: true, mode: 'date' }).notNull(),
  /** Last request seen: a session idle longer than the idle limit is over. */
  lastSeenAt: timestamp('last_seen_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
});

/**
 * Failed sign-ins per account name *and* source address, counted in the database (one atomic upsert),
 * so parallel attempts cannot overwrite each other and one source cannot lock an account out for others.
 * Unknown account names are counted the same way: a locked and an unknown account look alike.
 */
export const loginFailures = pgTable('login_failures', {
  username: text('username').notNull(),
  source: text('source').notNull(),
  failures: integer('failures').notNull().default(0),
  /** How many times this pair was locked: each lock lasts twice as long as the one before (capped). */
  lockCount: integer('lock_count').notNull().default(0),
  lockedUntil: timestamp('locked_until', { withTimezone: true, mode: 'date' }),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull(),
}, (t) => [primaryKey({ columns: [t.username, t.source] })]);
