// Demo EIA applications for the demo bureau (src/demo/seed.ts), made through the actions so every step is checked
// and audited: one 报告表 accepted under 容缺 whose intended-approval publicity is running (it shows on the public
// board), one approved with its 批复, and one chemical project in the 门楼水库 优先保护 demo unit refused under
// 建设项目环境保护管理条例 第十一条（一）. Sites lie inside the demo 三线一单 units (src/zoning/demo.ts).
import { asc, count } from 'drizzle-orm';
import type { Db } from '../platform/db/index.js';
import { chinaDateOf } from '../law/civil-date.js';
import { enterprises } from '../enterprises/index.js';
import { findPrincipalByUsername } from '../users/index.js';
import { eiaApplications } from './tables.js';
import { acceptApplication, decideApplication, startApprovalPublicity, submitApplication, supplyTolerated, type ApplicationInput } from './actions.js';

const FORM = ['application-letter', 'basic-info-form', 'business-licence', 'eia-form', 'project-approval', 'land-use', 'total-load'];
const REPORT = ['application-letter', 'basic-info-form', 'business-licence', 'eia-report', 'public-participation', 'project-approval', 'land-use', 'total-load'];
const DAY = 86_400_000;

export async function seedEiaDemo(db: Db, now: Date): Promise<void> {
  const [{ n }] = await db.select({ n: count() }).from(eiaApplications) as [{ n: number }];
  if (n > 0) return;
  const staff = await findPrincipalByUsername(db, 'licensing1');
  const leader = await findPrincipalByUsername(db, 'leader');
  const list = await db.select({ id: enterprises.id }).from(enterprises).orderBy(asc(enterprises.id)).limit(3);
  if (!staff || !leader || list.length < 3) return;
  const ago = (days: number) => new Date(now.getTime() - days * DAY);
  const must = <T>(r: { ok: true; value: T } | { ok: false; code: string }, what: string): T => {
    if (!r.ok) throw new Error(`demo EIA ${what}: ${r.code}`);
    return r.value;
  };
  const form = (enterpriseId: number, over: Partial<ApplicationInput>): ApplicationInput => ({
    kind: 'new', enterpriseId, projectName: '', siteAddress: '', site: null, industryCode: 'C3360', investmentFen: 8_000_000_00, catalogueItem: 67,
    sensitiveArea: false, processes: [], scale: null, category: 'form', supplied: FORM, tolerated: [], commitmentPath: false, ...over,
  });

  // 1. 容缺: accepted 12 days ago without the planning opinion (promised), supplied since; publicity running.
  const a = must(await submitApplication(db, staff, form(list[0]!.id, {
    projectName: '金属制品表面处理生产线项目（演示）', siteAddress: '烟台市福山区演示路18号', site: { type: 'Point', coordinates: [121.255, 37.48] },
    supplied: FORM.filter((c) => c !== 'land-use'),
    tolerated: [{ code: 'land-use', commitment: '承诺于受理后30日内补交规划选址意见（演示）', supplyByOn: chinaDateOf(ago(-18)) }],
  }), ago(12)), 'submit 1') as { id: number };
  must(await acceptApplication(db, staff, a.id, {}, ago(12)), 'accept 1');
  must(await supplyTolerated(db, staff, a.id, { code: 'land-use', suppliedOn: chinaDateOf(ago(5)) }, ago(5)), 'supply 1');
  must(await startApprovalPublicity(db, staff, a.id, { startOn: chinaDateOf(ago(1)) }, ago(1)), 'publicity 1');

  // 2. Approved: accepted 30 days ago, intended approval published 28 days ago, 批复 issued a week ago.
  const b = must(await submitApplication(db, staff, form(list[1]!.id, {
    projectName: '农副食品加工扩建项目（演示）', siteAddress: '烟台市芝罘区演示大道66号', site: { type: 'Point', coordinates: [121.36, 37.52] },
    industryCode: 'C3360',
  }), ago(30)), 'submit 2') as { id: number };
  must(await acceptApplication(db, staff, b.id, {}, ago(30)), 'accept 2');
  must(await startApprovalPublicity(db, staff, b.id, { startOn: chinaDateOf(ago(28)) }, ago(28)), 'publicity 2');
  must(await decideApplication(db, leader, b.id, { decision: 'approval', grounds: [], text: '项目按报告表所列污染防治措施建设（演示）。' }, ago(7)), 'approve 2');

  // 3. A chemical project in the 门楼水库 优先保护 unit: prohibited industry, refused (第十一条（一）).
  const c = must(await submitApplication(db, staff, form(list[2]!.id, {
    projectName: '精细化工原料项目（演示）', siteAddress: '烟台市福山区门楼镇演示村', site: { type: 'Point', coordinates: [121.245, 37.40] },
    industryCode: 'C2614', catalogueItem: 44, category: 'report', supplied: REPORT, investmentFen: 50_000_000_00,
  }), ago(6)), 'submit 3') as { id: number };
  must(await acceptApplication(db, staff, c.id, {}, ago(6)), 'accept 3');
  must(await decideApplication(db, leader, c.id, { decision: 'refusal', grounds: ['non-conforming'], text: '项目选址位于饮用水水源保护区优先保护单元，化工行业禁止准入（演示）。' }, ago(2)), 'refuse 3');
}
