// Demo data for the demo bureau (marked 演示): one dust campaign worked through its steps and the year's 14 annual tasks
// with monthly reports, all through this capability's actions, so the figures come from records.
// The report of the seed year names "14项工作任务" without listing them: the titles below are made up from the
// report's sections (demo only), not the bureau's real list.
import type { Db } from '../platform/db/index.js';
import type { Principal } from '../platform/auth/roles.js';
import { addDays, chinaDateOf } from '../law/civil-date.js';
import type { Result } from '../law/outcome.js';
import { listDepartments, listDistrictsWithTownships } from '../organisation/index.js';
import { findPrincipalByUsername } from '../users/index.js';
import { enterprises } from '../enterprises/index.js';
import { eq } from 'drizzle-orm';
import { campaignDetail, completeItem, createCampaign, escalateItem, recordInspection, verifyItem } from './actions.js';
import { createAnnualTask, fileReport } from './annual-actions.js';

const DAY = 86_400_000;
const at = (now: Date, daysAgo: number) => new Date(now.getTime() - daysAgo * DAY);
function must<T>(r: Result<T>, what: string): T {
  if (!r.ok) throw new Error(`campaign demo: ${what}: ${r.code}${r.field ? ` (${r.field})` : ''}`);
  return r.value;
}

/** 2020年度法治政府建设工作要点: 14 tasks (titles made up for the demo from the year's report). */
export const DEMO_ANNUAL_TASK_TITLES = [
  '落实主要负责人推进法治建设第一责任人职责',
  '建立年度重点任务月调度制度',
  '组织领导班子和工作人员学法述法',
  '严格重大行政决策程序',
  '发挥法律顾问作用',
  '规范性文件合法性审核、备案和公开',
  '完善行政处罚工作程序和审委会工作规则',
  '推进执法全过程记录',
  '落实重大执法决定法制审核制度',
  '组织生态环境综合执法行动',
  '落实“谁执法谁普法”责任制',
  '开展“以案释法”和“六进”普法活动',
  '推进行政复议和应诉工作',
  '深化“放管服”改革和优化营商环境',
] as const;

export async function seedCampaignsDemo(db: Db, now: Date): Promise<void> {
  const leader = await findPrincipalByUsername(db, 'leader');
  const officer1 = await findPrincipalByUsername(db, 'officer1');
  const officer2 = await findPrincipalByUsername(db, 'officer2');
  const zhifuOfficer = await findPrincipalByUsername(db, 'zhifu-officer');
  if (!leader || !officer1 || !officer2 || !zhifuOfficer) throw new Error('campaign demo: the demo accounts are missing');
  const districts = await listDistrictsWithTownships(db);
  const zhifu = districts.find((d) => d.code === '370602')!;
  const ents = await db.select({ id: enterprises.id }).from(enterprises).where(eq(enterprises.districtId, zhifu.id)).limit(2);
  await seedDustCampaign(db, now, { leader, officer1, officer2, zhifuOfficer }, zhifu.id, ents.map((e) => e.id));
  await seedAnnualTasks(db, now, leader);
}

async function seedDustCampaign(db: Db, now: Date, p: Record<'leader' | 'officer1' | 'officer2' | 'zhifuOfficer', Principal>, zhifuId: number, enterpriseIds: number[]) {
  const startedAt = at(now, 45);
  const startsOn = chinaDateOf(startedAt);
  const campaign = must(await createCampaign(db, p.leader, {
    name: '【演示】扬尘污染专项整治',
    // 大气污染防治法 第六十九条: 建设单位、施工单位 control dust on construction sites; 第七十条: 运输 and 堆场.
    legalBasis: '《中华人民共和国大气污染防治法》第六十九条、第七十条',
    startsOn, endsOn: addDays(startsOn, 120), districtIds: [zhifuId],
    checklist: [
      { code: 'Y1', text: '施工工地周边围挡' }, { code: 'Y2', text: '物料堆放覆盖' }, { code: 'Y3', text: '出入车辆清洗' },
      { code: 'Y4', text: '施工现场地面硬化' }, { code: 'Y5', text: '拆迁工地湿法作业' }, { code: 'Y6', text: '渣土车辆密闭运输' },
    ],
    targets: [
      ...enterpriseIds.map((enterpriseId) => ({ kind: 'enterprise' as const, enterpriseId })),
      { kind: 'site', siteName: '【演示】芝罘区幸福片区改造工地', longitude: 121.36, latitude: 37.55 },
      { kind: 'site', siteName: '【演示】芝罘区港城东大街道路施工段', longitude: 121.42, latitude: 37.53 },
    ],
    reason: '演示数据',
  }, startedAt), 'campaign');
  const detail = must(await campaignDetail(db, p.leader, campaign.id, now) as Result<{ targets: { id: number; kind: string }[] }>, 'detail');
  const sites = detail.targets.filter((t) => t.kind === 'site');
  const firms = detail.targets.filter((t) => t.kind === 'enterprise');
  const ok = (codes: string[], problem: Record<string, string>) => codes.map((code) => (problem[code] ? { code, result: 'problem' as const, note: problem[code] } : { code, result: 'ok' as const }));
  const codes = ['Y1', 'Y2', 'Y3', 'Y4', 'Y5', 'Y6'];
  // A site inspection with a problem and a short deadline: overdue, escalated to a 督办单, then rectified and verified (销号).
  const first = at(now, 44);
  must(await recordInspection(db, p.officer1, campaign.id, {
    targetId: sites[0]!.id, inspectedOn: chinaDateOf(first), officerIds: [p.officer1.id, p.officer2.id],
    results: ok(codes, { Y2: '裸土及砂石料未覆盖' }), workingDays: 5, ownerDistrictId: zhifuId,
  }, first), 'inspection 1');
  // A joint inspection (city detachment with the district branch) of an enterprise: one problem, rectified and verified in time.
  const second = at(now, 40);
  if (firms[0]) {
    must(await recordInspection(db, p.officer1, campaign.id, {
      targetId: firms[0].id, inspectedOn: chinaDateOf(second), officerIds: [p.officer1.id, p.zhifuOfficer.id],
      results: ok(codes, { Y3: '出入口未设置车辆冲洗设施' }), workingDays: 10,
    }, second), 'inspection 2');
  }
  if (firms[1]) {
    const third = at(now, 30);
    must(await recordInspection(db, p.zhifuOfficer, campaign.id, { targetId: firms[1].id, inspectedOn: chinaDateOf(third), officerIds: [p.zhifuOfficer.id], results: ok(codes, {}) }, third), 'inspection 3');
  }
  // One open item, not yet due.
  const fourth = at(now, 3);
  must(await recordInspection(db, p.officer2, campaign.id, {
    targetId: sites[1]!.id, inspectedOn: chinaDateOf(fourth), officerIds: [p.officer2.id], results: ok(codes, { Y1: '围挡破损约20米' }), workingDays: 10, ownerDistrictId: zhifuId,
  }, fourth), 'inspection 4');

  const items = (must(await campaignDetail(db, p.leader, campaign.id, now) as Result<{ items: { id: number; targetId: number }[] }>, 'items')).items;
  const siteItem = items.find((i) => i.targetId === sites[0]!.id)!;
  must(await escalateItem(db, p.leader, campaign.id, siteItem.id, '逾期未完成整改，下达督办单', at(now, 25)), 'escalate');
  must(await completeItem(db, p.zhifuOfficer, campaign.id, siteItem.id, { completionText: '已对裸土及砂石料全部覆盖防尘网（演示）', completedOn: chinaDateOf(at(now, 12)) }, at(now, 12)), 'complete 1');
  must(await verifyItem(db, p.leader, campaign.id, siteItem.id, '现场复核整改到位', at(now, 10)), 'verify 1');
  const firmItem = firms[0] ? items.find((i) => i.targetId === firms[0]!.id) : undefined;
  if (firmItem) {
    must(await completeItem(db, p.zhifuOfficer, campaign.id, firmItem.id, { completionText: '已安装车辆冲洗平台（演示）', completedOn: chinaDateOf(at(now, 33)) }, at(now, 33)), 'complete 2');
    must(await verifyItem(db, p.leader, campaign.id, firmItem.id, null, at(now, 31)), 'verify 2');
  }
}

/** The year's 14 tasks, created at the start of the year, with the lead departments' reports of recent months (some late, one missing). */
async function seedAnnualTasks(db: Db, now: Date, leader: Principal) {
  const today = chinaDateOf(now);
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  const createdAt = month > 1 ? new Date(`${year}-01-05T09:00:00+08:00`) : now;
  const departments = (await listDepartments(db)).filter((d) => d.districtId === null);
  const lead = (i: number) => departments[i % departments.length]!;
  const mm = (m: number) => `${year}-${String(m).padStart(2, '0')}`;
  // Reports for the last three months before this one, filed early in the following month.
  const months = [month - 3, month - 2, month - 1].filter((m) => m >= 1);
  for (const [i, title] of DEMO_ANNUAL_TASK_TITLES.entries()) {
    const co = departments.filter((d) => d.id !== lead(i).id).slice(0, i % 3);
    const task = must(await createAnnualTask(db, leader, {
      year, title, content: `【演示】${title}：按年度工作要点确定的目标、措施和时限推进，每月向政策法规科报送进展。`,
      leadDepartmentId: lead(i).id, coDepartmentIds: co.map((d) => d.id), dueOn: `${year}-12-${i % 2 ? '15' : '31'}`,
    }, createdAt), `annual task ${i + 1}`);
    for (const [k, m] of months.entries()) {
      // Every fourth task leaves last month unreported: the dispatch shows it late.
      if (i % 4 === 3 && k === months.length - 1) continue;
      const late = i % 5 === 2;
      const filedOn = `${mm(m + 1 > 12 ? 12 : m + 1)}-${late ? '12' : '03'}`;
      const filedAt = new Date(`${filedOn}T10:00:00+08:00`);
      if (filedAt > now) continue;
      const done = i === 1 && k === months.length - 1;
      must(await fileReport(db, leader, task.id, {
        departmentId: lead(i).id, month: mm(m), progress: done ? '月调度制度已建立并运行，任务完成（演示）' : `本月按计划推进${title}相关工作（演示）`,
        percent: done ? 100 : Math.min(95, 30 + k * 20 + i), status: done ? 'completed' : 'on_track', attachments: [],
      }, filedAt), `report ${i + 1}/${m}`);
    }
  }
}
