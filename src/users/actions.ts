import { and, asc, eq, ne } from 'drizzle-orm';
import type { Db } from '../platform/db/index.js';
import { users } from './tables.js';
import { refuse, success, type Result } from '../law/outcome.js';
import { hashPassword, MIN_PASSWORD_LENGTH, verifyPassword } from '../platform/auth/password.js';
import { afterFailedLogin, isLocked } from '../platform/auth/lockout.js';
import { checkRoleAssignment, type Principal, type Role } from '../platform/auth/roles.js';
import { appendAudit, type Actor } from '../platform/audit/log.js';
import { createSession } from '../platform/auth/session.js';

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
    const { password: _p, ...fields } = input;
    const [row] = await tx.insert(users).values({ ...fields, passwordHash, createdAt: now }).returning();
    const view = publicUser(row!);
    await appendAudit(tx, actor, { action: 'user.create', entity: 'user', entityId: row!.id, after: view }, now);
    return success(view);
  });
}

export type LoginResult = Result<{ token: string; csrfToken: string; expiresAt: Date; userId: number }>;

/** Password check with lockout after repeated failures; every outcome is audited. */
export async function login(db: Db, username: string, password: string, now: Date): Promise<LoginResult> {
  const [user] = await db.select().from(users).where(eq(users.username, username)).limit(1);
  if (!user) {
    // Same work as a real check, so response time does not reveal which usernames exist.
    await verifyPassword(password, 'scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA==$' + 'A'.repeat(86) + '==');
    return refuse('LOGIN_FAILED');
  }
  if (!user.active) return refuse('ACCOUNT_DISABLED');
  if (isLocked(user.lockedUntil, now)) return refuse('ACCOUNT_LOCKED');
  const actor: Actor = { id: user.id, name: user.username, role: user.role };
  if (!(await verifyPassword(password, user.passwordHash))) {
    const next = afterFailedLogin(user.failedLogins, now);
    await db.transaction(async (tx) => {
      await tx.update(users).set(next).where(eq(users.id, user.id));
      await appendAudit(tx, actor, {
        action: next.lockedUntil ? 'user.locked' : 'user.login_failed', entity: 'user', entityId: user.id,
        after: { failedLogins: next.failedLogins, lockedUntil: next.lockedUntil },
      }, now);
    });
    return refuse(next.lockedUntil ? 'ACCOUNT_LOCKED' : 'LOGIN_FAILED');
  }
  if (user.failedLogins > 0 || user.lockedUntil) await db.update(users).set({ failedLogins: 0, lockedUntil: null }).where(eq(users.id, user.id));
  const session = await createSession(db, user.id, now);
  await db.transaction((tx) => appendAudit(tx, actor, { action: 'user.login', entity: 'user', entityId: user.id }, now));
  return success({ ...session, userId: user.id });
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
