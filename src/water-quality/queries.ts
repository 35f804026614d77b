// The only file of water-quality that talks to the database.
import { and, asc, between, eq, ilike, or, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../platform/db/index.js';
import { districts, townships } from '../organisation/index.js';
import { waterSamples, waterSites } from './tables.js';
import type { SiteKind, SiteLevel } from './rules/evaluation.js';

export interface SiteFilter { districtId?: number; kind?: SiteKind; level?: SiteLevel; q?: string }

const siteColumns = {
  id: waterSites.id, code: waterSites.code, name: waterSites.name, kind: waterSites.kind, level: waterSites.level, body: waterSites.body,
  waterName: waterSites.waterName, districtId: waterSites.districtId, districtName: districts.name, townshipId: waterSites.townshipId,
  townshipName: townships.name, longitude: waterSites.longitude, latitude: waterSites.latitude, targetClass: waterSites.targetClass,
  active: waterSites.active, version: waterSites.version,
};

export async function listSites(db: DbOrTx, f: SiteFilter = {}) {
  const c: SQL[] = [];
  if (f.districtId !== undefined) c.push(eq(waterSites.districtId, f.districtId));
  if (f.kind) c.push(eq(waterSites.kind, f.kind));
  if (f.level) c.push(eq(waterSites.level, f.level));
  if (f.q) {
    const like = `%${f.q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
    c.push(or(ilike(waterSites.name, like), ilike(waterSites.code, like), ilike(waterSites.waterName, like))!);
  }
  return db.select(siteColumns).from(waterSites)
    .innerJoin(districts, eq(districts.id, waterSites.districtId))
    .leftJoin(townships, eq(townships.id, waterSites.townshipId))
    .where(and(...c)).orderBy(asc(districts.sortOrder), asc(waterSites.code));
}
export type SiteRow = Awaited<ReturnType<typeof listSites>>[number];

export async function findSite(db: DbOrTx, id: number): Promise<SiteRow | null> {
  const [row] = await db.select(siteColumns).from(waterSites)
    .innerJoin(districts, eq(districts.id, waterSites.districtId))
    .leftJoin(townships, eq(townships.id, waterSites.townshipId))
    .where(eq(waterSites.id, id));
  return row ?? null;
}

export async function findSiteIdByCode(db: DbOrTx, code: string): Promise<number | null> {
  const [row] = await db.select({ id: waterSites.id }).from(waterSites).where(eq(waterSites.code, code));
  return row?.id ?? null;
}

export async function loadSiteCodeIndex(db: DbOrTx): Promise<Map<string, number>> {
  const rows = await db.select({ id: waterSites.id, code: waterSites.code }).from(waterSites);
  return new Map(rows.map((r) => [r.code, r.id]));
}

/** Samples of the months [from, to] (YYYY-MM), every site or one. */
export async function listSamples(db: DbOrTx, from: string, to: string, siteId?: number) {
  return db.select({ siteId: waterSamples.siteId, month: waterSamples.month, sampledOn: waterSamples.sampledOn, values: waterSamples.values, dry: waterSamples.dry })
    .from(waterSamples)
    .where(and(between(waterSamples.month, from, to), siteId === undefined ? undefined : eq(waterSamples.siteId, siteId)))
    .orderBy(asc(waterSamples.siteId), asc(waterSamples.month));
}

export async function listDistricts(db: DbOrTx) {
  return db.select({ id: districts.id, name: districts.name }).from(districts).orderBy(asc(districts.sortOrder), asc(districts.code));
}
