// The only file of the permits capability that talks to the database.
import { and, asc, desc, eq, inArray, isNull, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../platform/db/index.js';
import type { Principal } from '../platform/auth/roles.js';
import { enterprises, outfalls } from '../enterprises/index.js';
import { permitApplications, permitDischargeLeads, permitLimits, permitOutfalls, permitReports, permits } from './tables.js';

export type PermitRow = typeof permits.$inferSelect;
export type ApplicationRow = typeof permitApplications.$inferSelect;

/** Enterprises a principal sees: an enterprise user its own, district staff their district's, others all. */
export function enterpriseScope(principal: Principal): SQL | undefined {
  if (principal.role === 'enterprise_user') return eq(enterprises.id, principal.enterpriseId ?? -1);
  if (principal.districtId !== null) return eq(enterprises.districtId, principal.districtId);
  return undefined;
}

export async function findScopedEnterprise(db: DbOrTx, principal: Principal, enterpriseId: number) {
  const [row] = await db.select({ id: enterprises.id, name: enterprises.name, creditCode: enterprises.creditCode, districtId: enterprises.districtId })
    .from(enterprises).where(and(eq(enterprises.id, enterpriseId), enterpriseScope(principal)));
  return row ?? null;
}

export async function listEnterpriseOutfalls(db: DbOrTx, enterpriseId: number) {
  return db.select().from(outfalls).where(eq(outfalls.enterpriseId, enterpriseId)).orderBy(asc(outfalls.code));
}

const permitColumns = { permit: permits, enterpriseName: enterprises.name, districtId: enterprises.districtId };

export async function listPermits(db: DbOrTx, principal: Principal, enterpriseId?: number) {
  return db.select(permitColumns).from(permits).innerJoin(enterprises, eq(enterprises.id, permits.enterpriseId))
    .where(and(enterpriseScope(principal), enterpriseId ? eq(permits.enterpriseId, enterpriseId) : undefined))
    .orderBy(asc(permits.validTo), asc(permits.id));
}

/** One permit within the principal's scope; locked for update when asked. */
export async function findPermit(db: DbOrTx, principal: Principal | null, id: number, lock = false) {
  const q = db.select(permitColumns).from(permits).innerJoin(enterprises, eq(enterprises.id, permits.enterpriseId))
    .where(and(eq(permits.id, id), principal ? enterpriseScope(principal) : undefined));
  const [row] = lock ? await q.for('update', { of: permits }) : await q;
  return row ?? null;
}

export async function listPermitOutfalls(db: DbOrTx, permitIds: number[]) {
  if (!permitIds.length) return [];
  const outs = await db.select({ o: permitOutfalls, name: outfalls.name }).from(permitOutfalls).innerJoin(outfalls, eq(outfalls.id, permitOutfalls.outfallId))
    .where(inArray(permitOutfalls.permitId, permitIds)).orderBy(asc(permitOutfalls.code));
  const limits = outs.length ? await db.select().from(permitLimits).where(inArray(permitLimits.permitOutfallId, outs.map((o) => o.o.id))).orderBy(asc(permitLimits.pollutant)) : [];
  return outs.map(({ o, name }) => ({ ...o, name, limits: limits.filter((l) => l.permitOutfallId === o.id) }));
}

export async function listApplications(db: DbOrTx, principal: Principal, enterpriseId?: number) {
  return db.select({ application: permitApplications, enterpriseName: enterprises.name }).from(permitApplications)
    .innerJoin(enterprises, eq(enterprises.id, permitApplications.enterpriseId))
    .where(and(enterpriseScope(principal), enterpriseId ? eq(permitApplications.enterpriseId, enterpriseId) : undefined))
    .orderBy(desc(permitApplications.receivedOn), desc(permitApplications.id));
}

/** One application within the principal's scope, under its row lock when asked (read-then-write). */
export async function findApplication(db: DbOrTx, principal: Principal, id: number, lock = false) {
  const q = db.select({ application: permitApplications, enterpriseName: enterprises.name, creditCode: enterprises.creditCode })
    .from(permitApplications).innerJoin(enterprises, eq(enterprises.id, permitApplications.enterpriseId))
    .where(and(eq(permitApplications.id, id), enterpriseScope(principal)));
  const [row] = lock ? await q.for('update', { of: permitApplications }) : await q;
  return row ?? null;
}

/** Open (undecided) renewal or change applications of permits. */
export async function openApplicationsOf(db: DbOrTx, permitIds: number[]) {
  if (!permitIds.length) return [];
  return db.select().from(permitApplications).where(and(inArray(permitApplications.permitId, permitIds), inArray(permitApplications.status, ['received', 'incomplete', 'accepted'])));
}

export async function listReports(db: DbOrTx, permitIds: number[]) {
  if (!permitIds.length) return [];
  return db.select().from(permitReports).where(inArray(permitReports.permitId, permitIds)).orderBy(asc(permitReports.dueOn));
}

/** Permits and registrations of an enterprise (any status), for the discharge check. */
export async function permitsOfEnterprise(db: DbOrTx, enterpriseId: number) {
  return db.select().from(permits).where(eq(permits.enterpriseId, enterpriseId)).orderBy(desc(permits.validFrom));
}

/** Permit limits at an enterprise outfall, with the permit's validity and number. */
export async function limitsAtOutfall(db: DbOrTx, outfallId: number) {
  return db.select({ limit: permitLimits, permit: permits }).from(permitLimits)
    .innerJoin(permitOutfalls, eq(permitOutfalls.id, permitLimits.permitOutfallId))
    .innerJoin(permits, eq(permits.id, permitOutfalls.permitId))
    .where(and(eq(permitOutfalls.outfallId, outfallId), eq(permits.status, 'active')));
}

export async function findDischargeLead(db: DbOrTx, outfallId: number, lapsedPermitId: number) {
  const [row] = await db.select().from(permitDischargeLeads).where(and(eq(permitDischargeLeads.outfallId, outfallId), eq(permitDischargeLeads.lapsedPermitId, lapsedPermitId)));
  return row ?? null;
}

export const undecided = isNull(permitApplications.decidedOn);
