import type { Db } from '../platform/db/index.js';
import { departments, districts, townships } from './tables.js';
import { YANTAI_COUNTIES } from './data/yantai-divisions.js';
import { appendAudit, SYSTEM_ACTOR } from '../platform/audit/log.js';
import type { DepartmentKind } from './tables.js';

/** The bureau's departments; each county-level unit also has a branch (分局). */
const BUREAU_DEPARTMENTS: { code: string; name: string; kind: DepartmentKind }[] = [
  { code: 'ZFZD', name: '烟台市生态环境保护综合执法支队', kind: 'enforcement_detachment' },
  { code: 'FGK', name: '政策法规科', kind: 'legal_section' },
  { code: 'XZSP', name: '行政审批科', kind: 'licensing' },
  { code: 'JCK', name: '生态环境监测科', kind: 'monitoring' },
  { code: 'BGS', name: '办公室', kind: 'office' },
];

/** Loads the reference organisation (idempotent: does nothing when districts exist). */
export async function seedOrganisation(db: Db, now: Date): Promise<{ districts: number; townships: number; departments: number }> {
  const existing = await db.select({ id: districts.id }).from(districts).limit(1);
  if (existing.length) return { districts: 0, townships: 0, departments: 0 };
  return db.transaction(async (tx) => {
    let townshipCount = 0;
    const branchRows: (typeof departments.$inferInsert)[] = [];
    for (const [i, county] of YANTAI_COUNTIES.entries()) {
      const [d] = await tx.insert(districts).values({ code: county.code, name: county.name, kind: county.kind, sortOrder: i + 1 }).returning();
      if (county.townships.length) {
        await tx.insert(townships).values(county.townships.map((t) => ({ code: t.code, name: t.name, kind: t.kind, districtId: d!.id })));
      }
      townshipCount += county.townships.length;
      branchRows.push({ code: `FJ${county.code}`, name: `${county.name}分局`, kind: 'district_branch', districtId: d!.id });
    }
    await tx.insert(departments).values([...BUREAU_DEPARTMENTS, ...branchRows]);
    const counts = { districts: YANTAI_COUNTIES.length, townships: townshipCount, departments: BUREAU_DEPARTMENTS.length + branchRows.length };
    await appendAudit(tx, SYSTEM_ACTOR, { action: 'organisation.seed', entity: 'organisation', entityId: 'yantai', after: counts, reason: '统计用区划代码 reference data' }, now);
    return counts;
  });
}
