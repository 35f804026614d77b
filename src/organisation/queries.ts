import { asc, eq } from 'drizzle-orm';
import type { Db, DbOrTx } from '../platform/db/index.js';
import { departments, districts, townships } from './tables.js';

export async function listDistrictsWithTownships(db: Db) {
  const ds = await db.select().from(districts).orderBy(asc(districts.sortOrder), asc(districts.code));
  const ts = await db.select().from(townships).orderBy(asc(townships.code));
  return ds.map((d) => ({ ...d, townships: ts.filter((t) => t.districtId === d.id).map(({ districtId: _d, ...t }) => t) }));
}

export async function listDepartments(db: Db) {
  return db.select().from(departments).orderBy(asc(departments.code));
}

export async function findTownship(db: DbOrTx, id: number) {
  const [row] = await db.select().from(townships).where(eq(townships.id, id));
  return row ?? null;
}

export async function findDistrict(db: DbOrTx, id: number) {
  const [row] = await db.select().from(districts).where(eq(districts.id, id));
  return row ?? null;
}

/** Lookup tables for imports: by code and by Chinese name. */
export async function loadDivisionIndex(db: DbOrTx) {
  const ds = await db.select().from(districts);
  const ts = await db.select().from(townships);
  return {
    district: (key: string) => ds.find((d) => d.code === key || d.name === key) ?? null,
    township: (districtId: number, key: string) => ts.find((t) => t.districtId === districtId && (t.code === key || t.name === key)) ?? null,
    districtById: new Map(ds.map((d) => [d.id, d])),
    townshipById: new Map(ts.map((t) => [t.id, t])),
  };
}
export type DivisionIndex = Awaited<ReturnType<typeof loadDivisionIndex>>;
