import { and, asc, count, eq, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { Db, DbOrTx } from '../platform/db/index.js';
import { districts, townships } from '../organisation/index.js';
import { enterprises, outfalls } from './tables.js';
import type { Principal } from '../platform/auth/roles.js';
import type { CreditRating } from './rules/enterprise.js';

export interface EnterpriseFilter {
  q?: string;
  districtId?: number;
  townshipId?: number;
  industryCode?: string;
  keyUnit?: boolean;
  creditRating?: CreditRating;
}

/** The rows a principal may see: their district, their own enterprise, or the whole city. */
export function scopeCondition(principal: Principal): SQL | undefined {
  if (principal.role === 'enterprise_user') return eq(enterprises.id, principal.enterpriseId ?? -1);
  if (principal.districtId !== null) return eq(enterprises.districtId, principal.districtId);
  return undefined;
}

function filterConditions(f: EnterpriseFilter): SQL[] {
  const c: SQL[] = [];
  if (f.q) {
    const like = `%${f.q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
    c.push(or(ilike(enterprises.name, like), ilike(enterprises.creditCode, like), ilike(enterprises.legalRepresentative, like))!);
  }
  if (f.districtId !== undefined) c.push(eq(enterprises.districtId, f.districtId));
  if (f.townshipId !== undefined) c.push(eq(enterprises.townshipId, f.townshipId));
  if (f.industryCode) c.push(ilike(enterprises.industryCode, `${f.industryCode}%`));
  if (f.keyUnit !== undefined) c.push(f.keyUnit ? sql`cardinality(${enterprises.keyUnitCategories}) > 0` : sql`cardinality(${enterprises.keyUnitCategories}) = 0`);
  if (f.creditRating) c.push(eq(enterprises.creditRating, f.creditRating));
  return c;
}

const summaryColumns = {
  id: enterprises.id, creditCode: enterprises.creditCode, name: enterprises.name,
  legalRepresentative: enterprises.legalRepresentative, districtId: enterprises.districtId, districtName: districts.name,
  townshipId: enterprises.townshipId, townshipName: townships.name, industryCode: enterprises.industryCode,
  keyUnitCategories: enterprises.keyUnitCategories, creditRating: enterprises.creditRating,
  address: enterprises.address, longitude: enterprises.longitude, latitude: enterprises.latitude,
  outfallCount: sql<number>`(select count(*)::int from ${outfalls} where ${outfalls.enterpriseId} = ${enterprises.id})`,
};

export async function listEnterprises(db: Db, principal: Principal, f: EnterpriseFilter, page: { page: number; pageSize: number }) {
  const where = and(scopeCondition(principal), ...filterConditions(f));
  const [totalRow] = await db.select({ total: count() }).from(enterprises).where(where);
  const items = await db.select(summaryColumns).from(enterprises)
    .innerJoin(districts, eq(districts.id, enterprises.districtId))
    .leftJoin(townships, eq(townships.id, enterprises.townshipId))
    .where(where).orderBy(asc(enterprises.id)).limit(page.pageSize).offset((page.page - 1) * page.pageSize);
  return { items, total: Number(totalRow?.total ?? 0) };
}

/** Every matching row with its outfalls, for export. */
export async function listEnterprisesForExport(db: Db, principal: Principal, f: EnterpriseFilter) {
  const where = and(scopeCondition(principal), ...filterConditions(f));
  const rows = await db.select(summaryColumns).from(enterprises)
    .innerJoin(districts, eq(districts.id, enterprises.districtId))
    .leftJoin(townships, eq(townships.id, enterprises.townshipId))
    .where(where).orderBy(asc(enterprises.id));
  const outs = rows.length ? await db.select().from(outfalls).where(inArray(outfalls.enterpriseId, rows.map((r) => r.id))).orderBy(asc(outfalls.code)) : [];
  return rows.map((r) => ({ ...r, outfalls: outs.filter((o) => o.enterpriseId === r.id) }));
}

/** One enterprise with outfalls, or null when missing or outside the principal's scope. */
export async function findEnterprise(db: DbOrTx, id: number, principal: Principal | null) {
  const [row] = await db.select({ ...summaryColumns, version: enterprises.version, createdAt: enterprises.createdAt, updatedAt: enterprises.updatedAt })
    .from(enterprises)
    .innerJoin(districts, eq(districts.id, enterprises.districtId))
    .leftJoin(townships, eq(townships.id, enterprises.townshipId))
    .where(and(eq(enterprises.id, id), principal ? scopeCondition(principal) : undefined));
  if (!row) return null;
  const outs = await db.select({ id: outfalls.id, code: outfalls.code, name: outfalls.name, kind: outfalls.kind })
    .from(outfalls).where(eq(outfalls.enterpriseId, id)).orderBy(asc(outfalls.code));
  return { ...row, outfalls: outs };
}
export type EnterpriseDetail = NonNullable<Awaited<ReturnType<typeof findEnterprise>>>;

export async function findEnterpriseIdByCreditCode(db: DbOrTx, creditCode: string) {
  const [row] = await db.select({ id: enterprises.id, districtId: enterprises.districtId }).from(enterprises).where(eq(enterprises.creditCode, creditCode));
  return row ?? null;
}

export async function findEnterpriseIdsByCreditCodes(db: DbOrTx, codes: string[]) {
  if (!codes.length) return new Map<string, { id: number; districtId: number }>();
  const rows = await db.select({ id: enterprises.id, districtId: enterprises.districtId, creditCode: enterprises.creditCode })
    .from(enterprises).where(inArray(enterprises.creditCode, codes));
  return new Map(rows.map((r) => [r.creditCode, { id: r.id, districtId: r.districtId }]));
}
