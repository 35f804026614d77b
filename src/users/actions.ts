import { and, asc, eq, gt, ne, sql } from 'drizzle-orm';
import { queryRows, type Db, type DbOrTx } from '../platform/db/index.js';
import { loginFailures, users } from './tables.js';
import { departments, districts } from '../organisation/index.js';
import { enterprises } from '../enterprises/index.js';
import { refuse, success, type Result } from '../law/outcome.js';
import { generatePassword, hashPassword, MIN_PASSWORD_LENGTH, verifyPassword } from '../platform/auth/password.js';
import { isLocked, lockoutMinutes, MAX_FAILED_LOGINS } from '../platform/auth/lockout.js';
import { checkRoleAssignment, type Principal, type Role } from '../platform/auth/roles.js';
import { appendAudit, type Actor } from '../platform/audit/log.js';
import { createSession, destroyUserSessions } from '../platform/auth/session.js';
import { chinaDateOf } from '../law/civil-date.js';

export interface NewUser {
  username: string;
  displayName: string;
  password: string;
  role: Role;
  districtId: number | null;
  departmentId: number | null;
  enterpriseId: number | null;
  credentialNo: string | null;
  holdsLegalQualification: boolean;
  /** 行政处罚法 第五十八条第二款: when a legal reviewer began the work (null: unknown). */
  legalReviewStartedOn?: string | null;
}

/** Public view of a user: never the hash. */
export function publicUser(u: typeof users.$inferSelect) {
  const { passwordHash: _hash, failedLogins: _f, ...rest } = u;
  return rest;
}

export async function addUser(db: Db, actor: Actor, input: NewUser, now: Date): Promise<Result<ReturnType<typeof publicUser>>> {
  if (input.password.length < MIN_PASSWORD_LENGTH) return refuse('PASSWORD_TOO_SHORT', undefined, 'password');
  const roleCheck = checkRoleAssignment(input);
  if (!roleCheck.ok) return refuse(roleCheck.code, undefined, roleCheck.field);
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    const [existing] = await tx.select({ id: users.id }).from(users).where(eq(users.username, input.username));
    if (existing) return refuse('USERNAME_TAKEN', undefined, 'username');
    // A dangling reference would be a foreign-key error (a 500): name the field instead.
    if (input.districtId !== null && !(await tx.select({ id: districts.id }).from(districts).where(eq(districts.id, input.districtId))).length) {
      return refuse('DISTRICT_UNKNOWN', undefined, 'districtId');
    }
    if (input.departmentId !== null && !(await tx.select({ id: departments.id }).from(departments).where(eq(departments.id, input.departmentId))).length) {
      return refuse('DEPARTMENT_UNKNOWN', undefined, 'departmentId');
    }
    if (input.enterpriseId !== null && !(await tx.select({ id: enterprises.id }).from(enterprises).where(eq(enterprises.id, input.enterpriseId))).length) {
      return refuse('ENTERPRISE_UNKNOWN', undefined, 'enterpriseId');
    }
    const { password: _p, ...fields } = input;
    const [row] = await tx.insert(users).values({ ...fields, passwordHash, createdAt: now }).returning();
    const view = publicUser(row!);
    await appendAudit(tx, actor, { action: 'user.create', entity: 'user', entityId: row!.id, after: view }, now);
    return success(view);
  });
}

export type LoginResult = Result<{ token: string; csrfToken: string; expiresAt: Date; userId: number }>;

/** Where a sign-in comes from: the lock applies to this account name from this source only. */
export interface LoginSource { ip: string }

async function lockOf(db: Db, username: string, source: string): Promise<Date | null> {
  const [row] = await db.select({ lockedUntil: loginFailures.lockedUntil }).from(loginFailures)
    .where(and(eq(loginFailures.username, username), eq(loginFailures.source, source)));
  return row?.lockedUntil ?? null;
}

/**
 * One failed attempt, counted atomically (the row lock of the upsert serialises parallel attempts):
 * the MAX_FAILED_LOGINS-th failure locks the pair for lockoutMinutes(earlier locks).
 */
async function recordLoginFailure(db: DbOrTx, username: string, source: string, now: Date): Promise<{ failures: number; lockedUntil: Date | null; justLocked: boolean }> {
  const steps = Array.from({ length: 17 }, (_, i) => lockoutMinutes(i));
  const rows = await queryRows<{ failures: number; lock_count: number; locked_until: string | Date | null; just_locked: boolean }>(db, sql`
    insert into login_failures as f (username, source, failures, lock_count, locked_until, updated_at)
    values (${username}, ${source}, 1, 0, null, ${now.toISOString()}::timestamptz)
    on conflict (username, source) do update set
      failures = case when f.failures + 1 >= ${MAX_FAILED_LOGINS} then 0 else f.failures + 1 end,
      lock_count = case when f.failures + 1 >= ${MAX_FAILED_LOGINS} then f.lock_count + 1 else f.lock_count end,
      locked_until = case when f.failures + 1 >= ${MAX_FAILED_LOGINS}
        then ${now.toISOString()}::timestamptz + make_interval(mins => (${`{${steps.join(',')}}`}::int[])[least(f.lock_count, 16) + 1])
        else f.locked_until end,
      updated_at = excluded.updated_at
    returning failures, lock_count, locked_until, (failures = 0) as just_locked`);
  const row = rows[0]!;
  // A single-attempt threshold would lock on insert; MAX_FAILED_LOGINS is above 1.
  return { failures: row.failures, lockedUntil: row.locked_until ? new Date(row.locked_until) : null, justLocked: Boolean(row.just_locked) };
}

// Same work as a real check, so response time does not reveal which usernames exist.
const DUMMY_HASH = 'scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA==$' + 'A'.repeat(86) + '==';

/**
 * Password check with lockout per account name and source address, with back-off. An unknown name
 * is counted and locked exactly like a real one, so the answers never reveal which names exist.
 * Failures and locks of real accounts and every sign-in are audited.
 */
export async function login(db: Db, username: string, password: string, now: Date, from: LoginSource = { ip: 'local' }): Promise<LoginResult> {
  if (isLocked(await lockOf(db, username, from.ip), now)) return refuse('ACCOUNT_LOCKED');
  const [user] = await db.select().from(users).where(eq(users.username, username)).limit(1);
  const passwordOk = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
  if (!user || !passwordOk) {
    const counted = await recordLoginFailure(db, username, from.ip, now);
    if (user) {
      await db.transaction((tx) => appendAudit(tx, { id: user.id, name: user.username, role: user.role }, {
        action: counted.justLocked ? 'user.locked' : 'user.login_failed', entity: 'user', entityId: user.id,
        after: { source: from.ip, failures: counted.justLocked ? MAX_FAILED_LOGINS : counted.failures, lockedUntil: counted.justLocked ? counted.lockedUntil : null },
      }, now));
    }
    return refuse(counted.justLocked ? 'ACCOUNT_LOCKED' : 'LOGIN_FAILED');
  }
  // Only someone who knows the password learns that the account is disabled.
  if (!user.active) return refuse('ACCOUNT_DISABLED');
  const actor: Actor = { id: user.id, name: user.username, role: user.role };
  await db.delete(loginFailures).where(and(eq(loginFailures.username, username), eq(loginFailures.source, from.ip)));
  const session = await createSession(db, user.id, now);
  await db.transaction((tx) => appendAudit(tx, actor, { action: 'user.login', entity: 'user', entityId: user.id, after: { source: from.ip } }, now));
  return success({ ...session, userId: user.id });
}

// ---------- account administration (administrator page and `ecogov user …`) ----------

async function findByUsernameOrId(tx: DbOrTx, who: number | string) {
  const [row] = await tx.select().from(users).where(typeof who === 'number' ? eq(users.id, who) : eq(users.username, who)).for('update');
  return row ?? null;
}

/** Lifts every lock on the account (all sources) and clears its failure counts. */
export async function unlockUser(db: Db, actor: Actor, who: number | string, reason: string | null, now: Date): Promise<Result<{ id: number; cleared: number }>> {
  return db.transaction(async (tx) => {
    const user = await findByUsernameOrId(tx, who);
    if (!user) return refuse('NOT_FOUND');
    const cleared = (await tx.delete(loginFailures).where(eq(loginFailures.username, user.username)).returning({ s: loginFailures.source })).length;
    await tx.update(users).set({ failedLogins: 0, lockedUntil: null }).where(eq(users.id, user.id));
    await appendAudit(tx, actor, { action: 'user.unlock', entity: 'user', entityId: user.id, after: { clearedSources: cleared }, reason }, now);
    return success({ id: user.id, cleared });
  });
}

/** Disables (ending every session at once) or re-enables an account. */
export async function setUserActive(db: Db, actor: Actor, who: number | string, active: boolean, reason: string | null, now: Date): Promise<Result<{ id: number; active: boolean; endedSessions: number }>> {
  if (!active && !reason?.trim()) return refuse('REASON_REQUIRED', undefined, 'reason');
  return db.transaction(async (tx) => {
    const user = await findByUsernameOrId(tx, who);
    if (!user) return refuse('NOT_FOUND');
    if (!active && actor.id !== null && actor.id === user.id) return refuse('CANNOT_DISABLE_SELF');
    await tx.update(users).set({ active }).where(eq(users.id, user.id));
    const endedSessions = active ? 0 : await destroyUserSessions(tx, user.id);
    await appendAudit(tx, actor, { action: active ? 'user.enable' : 'user.disable', entity: 'user', entityId: user.id, before: { active: user.active }, after: { active, endedSessions }, reason }, now);
    return success({ id: user.id, active, endedSessions });
  });
}

/**
 * 行政处罚法 第五十八条第二款: records when a legal reviewer began the work (those who first took it up after
 * 2021-07-15, the law's commencement, need the national legal qualification; the reviewer rule reads this date).
 * Only for legal reviewers; never a future date; audited with the earlier value.
 */
export async function setLegalReviewStart(db: Db, actor: Actor, who: number | string, legalReviewStartedOn: string | null, reason: string | null, now: Date): Promise<Result<{ id: number; legalReviewStartedOn: string | null }>> {
  if (legalReviewStartedOn !== null && legalReviewStartedOn > chinaDateOf(now)) return refuse('DATE_IN_FUTURE', undefined, 'legalReviewStartedOn');
  return db.transaction(async (tx) => {
    const user = await findByUsernameOrId(tx, who);
    if (!user) return refuse('NOT_FOUND');
    if (user.role !== 'legal_reviewer') return refuse('USER_NOT_LEGAL_REVIEWER', { law: '行政处罚法', article: '第五十八条', paragraph: '第二款' }, 'legalReviewStartedOn');
    await tx.update(users).set({ legalReviewStartedOn }).where(eq(users.id, user.id));
    await appendAudit(tx, actor, {
      action: 'user.legal_review_start', entity: 'user', entityId: user.id,
      before: { legalReviewStartedOn: user.legalReviewStartedOn }, after: { legalReviewStartedOn }, reason,
    }, now);
    return success({ id: user.id, legalReviewStartedOn });
  });
}

/** Sets a new password (generated when none is given), ends the user's sessions and lifts locks. */
export async function resetPassword(db: Db, actor: Actor, who: number | string, password: string | null, reason: string | null, now: Date): Promise<Result<{ id: number; password: string; generated: boolean }>> {
  const next = password ?? generatePassword();
  if (next.length < MIN_PASSWORD_LENGTH) return refuse('PASSWORD_TOO_SHORT', undefined, 'password');
  const passwordHash = await hashPassword(next);
  return db.transaction(async (tx) => {
    const user = await findByUsernameOrId(tx, who);
    if (!user) return refuse('NOT_FOUND');
    await tx.update(users).set({ passwordHash, failedLogins: 0, lockedUntil: null }).where(eq(users.id, user.id));
    await tx.delete(loginFailures).where(eq(loginFailures.username, user.username));
    const endedSessions = await destroyUserSessions(tx, user.id);
    // Never the password itself.
    await appendAudit(tx, actor, { action: 'user.reset_password', entity: 'user', entityId: user.id, after: { endedSessions, generated: password === null }, reason }, now);
    return success({ id: user.id, password: next, generated: password === null });
  });
}

/** Whether the account still has this password (the demo login is printed only until it is changed). */
export async function passwordStillIs(db: Db, username: string, password: string): Promise<boolean> {
  const [u] = await db.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.username, username));
  return u ? verifyPassword(password, u.passwordHash) : false;
}

/** Locks currently in force on an account, by source, for the administrator page. */
export async function listLocks(db: Db, now: Date) {
  const rows = await db.select().from(loginFailures).where(gt(loginFailures.lockedUntil, now)).orderBy(asc(loginFailures.username));
  return rows.map((r) => ({ username: r.username, source: r.source, lockedUntil: r.lockedUntil!.toISOString(), lockCount: r.lockCount }));
}

export async function findUserById(db: Db, id: number) {
  const [row] = await db.select().from(users).where(eq(users.id, id));
  return row ?? null;
}

/** Active staff for pickers (officers, hosts, committee members): names and credentials, nothing else. */
export async function listDirectory(db: Db, role?: Role) {
  return db.select({ id: users.id, displayName: users.displayName, role: users.role, credentialNo: users.credentialNo, districtId: users.districtId })
    .from(users)
    .where(and(eq(users.active, true), ne(users.role, 'enterprise_user'), role ? eq(users.role, role) : undefined))
    .orderBy(asc(users.displayName), asc(users.id));
}

export async function listUsers(db: Db) {
  return (await db.select().from(users).orderBy(users.id)).map(publicUser);
}

/** The principal of an active user, for work done on their behalf outside HTTP (CLI imports). */
export async function findPrincipalByUsername(db: Db, username: string): Promise<Principal | null> {
  const [u] = await db.select().from(users).where(eq(users.username, username));
  if (!u || !u.active) return null;
  return { id: u.id, username: u.username, displayName: u.displayName, role: u.role, districtId: u.districtId, enterpriseId: u.enterpriseId };
}
