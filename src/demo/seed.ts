// The demo bureau: Yantai's organisation, one user per role, and a registry of enterprises.
import { count } from 'drizzle-orm';
import type { Db } from '../platform/db/index.js';
import { seedReferenceData } from '../platform/db/reference-data.js';
import { listDepartments, listDistrictsWithTownships } from '../organisation/index.js';
import { addUser, users } from '../users/index.js';
import { enterprises, insertEnterprise } from '../enterprises/index.js';
import { SYSTEM_ACTOR } from '../platform/audit/log.js';
import type { Role } from '../platform/auth/roles.js';
import { createRandom } from '../platform/random.js';
import { makeDemoEnterprise } from './enterprises.js';
import { seedDemoCases } from './cases.js';
import { seedAirAndWaterDemo } from './air-and-water.js';
import { seedSettings } from '../settings/index.js';
import { YANTAI_DEMO_SETTINGS } from './settings.js';
import { seedZoningDemo } from '../zoning/index.js';
import { seedPermitsDemo } from '../permits/index.js';
import { seedCampaignsDemo } from '../campaigns/index.js';
import { seedTrainingDemo } from '../training/index.js';
import { seedEiaDemo } from '../eia/index.js';
import { seedDecisionsDemo } from '../decisions/index.js';
import { seedNormativeDocumentsDemo } from '../normative-documents/index.js';
import { seedWholeDemoYear2020 } from './year-2020-all.js';

export { seedWholeDemoYear2020, seedWholeDemoYear2020InBackground } from './year-2020-all.js';

export const DEMO_ADMIN = 'admin';
/** Enterprises per county-level unit in the demo registry. */
const ENTERPRISES_PER_UNIT = 40;

export interface SeedProgress { (step: string, done: number, total: number): void }

export async function isSeeded(db: Db): Promise<boolean> {
  const [row] = await db.select({ n: count() }).from(users);
  return Number(row?.n ?? 0) > 0;
}

/** `year2020`: also generate, before returning, the 2020 that adds up to the seed (src/demo/year-2020-all.ts); `npm start` runs it in the background instead. */
export interface SeedDemoOptions { year2020?: boolean }

/** Seeds an empty database; every demo account gets `password`. Returns the accounts created. */
export async function seedDemo(db: Db, password: string, now: Date, onProgress?: SeedProgress, options: SeedDemoOptions = {}): Promise<{ username: string; role: Role; district: string | null }[]> {
  if (await isSeeded(db)) throw new Error('the database already has users: demo seeding needs an empty database');
  onProgress?.('organisation', 0, 1);
  // The demo bureau's particulars first: the reference seed then keeps them.
  await seedSettings(db, now, YANTAI_DEMO_SETTINGS);
  await seedReferenceData(db, now);
  onProgress?.('organisation', 1, 1);
  const districts = await listDistrictsWithTownships(db);
  const departments = await listDepartments(db);
  const dept = (kind: string, districtId: number | null = null) => departments.find((d) => d.kind === kind && (districtId === null || d.districtId === districtId))?.id ?? null;
  const byCode = (code: string) => districts.find((d) => d.code === code)!;
  const zhifu = byCode('370602');
  const fushan = byCode('370611');

  const random = createRandom(20201231);
  const total = districts.length * ENTERPRISES_PER_UNIT;
  let done = 0;
  await db.transaction(async (tx) => {
    for (const d of districts) {
      for (let i = 0; i < ENTERPRISES_PER_UNIT; i++) {
        await insertEnterprise(tx, SYSTEM_ACTOR, makeDemoEnterprise(random, d, i), now, '演示数据');
        onProgress?.('enterprises', ++done, total);
      }
    }
  });
  const [firstEnterprise] = await db.select({ id: enterprises.id }).from(enterprises).limit(1);

  const accounts: { username: string; displayName: string; role: Role; districtId: number | null; departmentId: number | null;
    enterpriseId?: number; credentialNo?: string; holdsLegalQualification?: boolean }[] = [
    { username: DEMO_ADMIN, displayName: '系统管理员', role: 'administrator', districtId: null, departmentId: dept('office') },
    { username: 'leader', displayName: '局领导', role: 'bureau_leader', districtId: null, departmentId: dept('office') },
    { username: 'officer1', displayName: '执法人员 王海涛', role: 'enforcement_officer', districtId: null, departmentId: dept('enforcement_detachment'), credentialNo: '37060019001' },
    { username: 'officer2', displayName: '执法人员 李立新', role: 'enforcement_officer', districtId: null, departmentId: dept('enforcement_detachment'), credentialNo: '37060019002' },
    { username: 'reviewer1', displayName: '法制审核 姜文静', role: 'legal_reviewer', districtId: null, departmentId: dept('legal_section'), holdsLegalQualification: true },
    { username: 'reviewer2', displayName: '法制审核 曲国栋', role: 'legal_reviewer', districtId: null, departmentId: dept('legal_section'), holdsLegalQualification: true },
    { username: 'reviewer3', displayName: '法制审核 林晓东', role: 'legal_reviewer', districtId: null, departmentId: dept('legal_section'), holdsLegalQualification: true },
    { username: 'committee1', displayName: '审委会委员 宋春雷', role: 'committee_member', districtId: null, departmentId: dept('office') },
    { username: 'licensing1', displayName: '审批人员 徐红梅', role: 'licensing_staff', districtId: null, departmentId: dept('licensing') },
    { username: 'zhifu1', displayName: '芝罘分局 于永胜', role: 'district_staff', districtId: zhifu.id, departmentId: dept('district_branch', zhifu.id) },
    { username: 'fushan1', displayName: '福山分局 孙洪波', role: 'district_staff', districtId: fushan.id, departmentId: dept('district_branch', fushan.id) },
    { username: 'zhifu-officer', displayName: '芝罘分局执法 邹磊', role: 'enforcement_officer', districtId: zhifu.id, departmentId: dept('district_branch', zhifu.id), credentialNo: '37060219003' },
    { username: 'enterprise1', displayName: '企业用户', role: 'enterprise_user', districtId: null, departmentId: null, enterpriseId: firstEnterprise!.id },
  ];
  const created: { username: string; role: Role; district: string | null }[] = [];
  for (const [i, a] of accounts.entries()) {
    const result = await addUser(db, SYSTEM_ACTOR, {
      username: a.username, displayName: a.displayName, password, role: a.role, districtId: a.districtId, departmentId: a.departmentId,
      enterpriseId: a.enterpriseId ?? null, credentialNo: a.credentialNo ?? null, holdsLegalQualification: a.holdsLegalQualification ?? false,
    }, now);
    if (!result.ok) throw new Error(`demo user ${a.username}: ${result.code}`);
    created.push({ username: a.username, role: a.role, district: districts.find((d) => d.id === a.districtId)?.name ?? null });
    onProgress?.('users', i + 1, accounts.length);
  }
  await seedDemoCases(db, (done, total) => onProgress?.('cases', done, total));
  // Air stations with 90 days of hourly data (and the same days a year earlier) and water sections.
  await seedAirAndWaterDemo(db, now, onProgress);
  // 三线一单 demo 环境管控单元 (marked demo).
  await seedZoningDemo(db, now);
  // 排污许可: a few demo permits (valid, renewal due, expired, a registration) and one application.
  await seedPermitsDemo(db, now);
  // 专项整治 (a dust campaign worked through), the 14 annual tasks with monthly reports; an exam, a study session, 普法 (marked 演示).
  onProgress?.('campaigns and training', 0, 1);
  await seedCampaignsDemo(db, now);
  await seedTrainingDemo(db, now);
  onProgress?.('campaigns and training', 1, 1);
  // 环评审批: three demo applications (under publicity after 容缺, approved, refused for a prohibited site).
  await seedEiaDemo(db, now);
  // 重大行政决策: the 2020 catalogue, one decision from proposal to publication (marked 演示).
  await seedDecisionsDemo(db);
  // 行政规范性文件: one issued, published and filed (in the public list), one awaiting legality review (marked 演示).
  await seedNormativeDocumentsDemo(db, now);
  // The 2020 that adds up to the seed's figures, every capability's part (src/demo/year-2020-all.ts).
  if (options.year2020) await seedWholeDemoYear2020(db, onProgress, { password });
  return created;
}
