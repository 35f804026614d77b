import { asc, desc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../platform/db/index.js';
import { users } from '../users/index.js';
import { zoningUnits, zoningUnitVersions } from './tables.js';
import type { ZoningUnit } from './rules.js';

export async function findCurrentVersion(db: DbOrTx) {
  const [v] = await db.select({ id: zoningUnitVersions.id, token: zoningUnitVersions.token })
    .from(zoningUnitVersions).where(eq(zoningUnitVersions.isCurrent, true)).limit(1);
  return v ?? null;
}

/** A version's units as the site check sees them. */
export async function loadCheckUnits(db: DbOrTx, versionId: number): Promise<ZoningUnit[]> {
  return db.select({
    id: zoningUnits.id, code: zoningUnits.code, name: zoningUnits.name, kind: zoningUnits.kind, demo: zoningUnits.demo,
    geometry: zoningUnits.geometry, prohibitedIndustries: zoningUnits.prohibitedIndustries,
    restrictedIndustries: zoningUnits.restrictedIndustries, restrictionConditions: zoningUnits.restrictionConditions,
    dischargeConditions: zoningUnits.dischargeConditions,
  }).from(zoningUnits).where(eq(zoningUnits.versionId, versionId)).orderBy(asc(zoningUnits.id));
}

/** Every unit of a version, with district and box, for the map. */
export async function listUnits(db: DbOrTx, versionId: number) {
  return db.select().from(zoningUnits).where(eq(zoningUnits.versionId, versionId)).orderBy(asc(zoningUnits.code));
}

export async function listVersions(db: DbOrTx) {
  return db.select({
    id: zoningUnitVersions.id, label: zoningUnitVersions.label, source: zoningUnitVersions.source,
    unitCount: zoningUnitVersions.unitCount, isCurrent: zoningUnitVersions.isCurrent, demo: zoningUnitVersions.demo,
    importedAt: zoningUnitVersions.importedAt, importedBy: users.displayName,
  }).from(zoningUnitVersions).leftJoin(users, eq(users.id, zoningUnitVersions.importedById))
    .orderBy(desc(zoningUnitVersions.id));
}

export async function findVersion(db: DbOrTx, id: number) {
  const [v] = await db.select().from(zoningUnitVersions).where(eq(zoningUnitVersions.id, id)).limit(1);
  return v ?? null;
}
