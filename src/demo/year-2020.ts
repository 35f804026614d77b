// The demo bureau's 2020, adding up to the seed (../shared/seed: 烟台市生态环境局 2020 法治政府建设情况报告):
// 237 cases filed across districts, violations and months; fines of 16.33 M yuan decided in the year
// (罚款金额1633余万元); 1 production suspension; 4 detention transfers; 3 crime transfers. Every record is
// written by the real actions (gates, number series, audit rows), on dates in 2020, seeded and deterministic.
// Counts are topped up from what the database already holds for 2020 (the smaller demo in cases.ts).
import { and, eq, gte, lt, sql } from 'drizzle-orm';
import type { Db } from '../platform/db/index.js';
import { queryRows } from '../platform/db/index.js';
import { cases, createCommitteeMeeting, fileLead, registerLead, runCaseAction, type ActionInputs, type CaseActionName } from '../cases/index.js';
import { recordGround } from '../exemptions/index.js';
import { seedMeasures, type MeasureCreateBody } from '../measures/index.js';
import { findPrincipalByUsername } from '../users/index.js';
import { enterprises } from '../enterprises/index.js';
import type { Principal } from '../platform/auth/roles.js';
import { createRandom, type Random } from '../platform/random.js';

/** The seed's 2020 figures this generator produces (seed-figures.md rows 21–25). */
export const SEED_2020 = {
  casesFiled: 237,
  /** 1633余万元: the sum lies in [16 330 000, 16 340 000) yuan; the demo aims at the middle. */
  finesYuan: { min: 16_330_000, max: 16_340_000, target: 16_335_000 },
  productionRestrictions: 1,
  detentionTransfers: 4,
  crimeTransfers: 3,
} as const;

const YEAR = 2020;
const at = (on: string) => new Date(`${on}T10:00:00+08:00`);
const addDays = (on: string, n: number) => new Date(Date.parse(`${on}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
const FINDINGS = Object.fromEntries(['subject', 'authority', 'procedure', 'facts', 'evidence', 'legalBasis', 'discretion'].map((k) => [k, { ok: true, note: '符合规定' }])) as ActionInputs['legal_review']['findings'];

/** A kind of violation with its discretion benchmark (src/discretion/data/tables.ts: the range binds the fine) in yuan. */
interface Violation { cause: string; facts: string; violated: string; basis: string; provision: string; min: number; max: number; weight: number; fromOn?: string; evasion?: boolean }

const APL = '《中华人民共和国大气污染防治法》';
const WPL = '《中华人民共和国水污染防治法》';
const SWL = '《中华人民共和国固体废物污染环境防治法》';
const VIOLATIONS: Violation[] = [
  { cause: '未按规定落实扬尘污染防治措施', facts: '施工现场裸露土方未覆盖，未采取洒水等抑尘措施。', violated: `${APL}第七十二条`, basis: `${APL}第一百一十七条第（一）项`, provision: 'APL-117', min: 10_000, max: 100_000, weight: 16 },
  { cause: '挥发性有机物废气未在密闭空间中收集处理', facts: '喷涂工序在开放车间进行，废气未经收集处理直接排放。', violated: `${APL}第四十五条`, basis: `${APL}第一百零八条第（一）项`, provision: 'APL-108-1', min: 20_000, max: 200_000, weight: 14 },
  { cause: '未采取措施控制粉尘排放', facts: '物料堆场未采取密闭、围挡、遮盖等措施，粉尘无组织排放。', violated: `${APL}第四十八条`, basis: `${APL}第一百零八条第（五）项`, provision: 'APL-108-5', min: 20_000, max: 200_000, weight: 8 },
  { cause: '未按规定安装使用大气污染物自动监测设备', facts: '重点排污单位未按规定安装自动监测设备并与生态环境部门联网。', violated: `${APL}第二十四条`, basis: `${APL}第一百条`, provision: 'APL-100', min: 20_000, max: 200_000, weight: 6 },
  { cause: '超标排放大气污染物', facts: '锅炉废气氮氧化物排放浓度超过排放标准。', violated: `${APL}第十八条`, basis: `${APL}第九十九条第（二）项`, provision: 'APL-99-2', min: 100_000, max: 1_000_000, weight: 10 },
  { cause: '未依法取得排污许可证排放大气污染物', facts: '该公司未取得排污许可证排放大气污染物。', violated: `${APL}第十九条`, basis: `${APL}第九十九条第（一）项`, provision: 'APL-99-1', min: 100_000, max: 1_000_000, weight: 5 },
  { cause: '通过逃避监管的方式排放大气污染物', facts: '废气处理设施未正常运行，旁路直排。', violated: `${APL}第二十条第二款`, basis: `${APL}第九十九条第（三）项`, provision: 'APL-99-3', min: 100_000, max: 1_000_000, weight: 4, evasion: true },
  { cause: '超标排放水污染物', facts: '废水总排口化学需氧量浓度超过排放标准。', violated: `${WPL}第十条`, basis: `${WPL}第八十三条第（二）项`, provision: 'WPL-83-2', min: 100_000, max: 1_000_000, weight: 10 },
  { cause: '通过暗管逃避监管排放水污染物', facts: '现场发现暗管直通雨水管网，生产废水未经处理排放。', violated: `${WPL}第三十九条`, basis: `${WPL}第八十三条第（三）项`, provision: 'WPL-83-3', min: 100_000, max: 1_000_000, weight: 5, evasion: true },
  { cause: '未按规定安装水污染物排放自动监测设备', facts: '重点排污单位未按规定安装水污染物排放自动监测设备。', violated: `${WPL}第二十三条`, basis: `${WPL}第八十二条`, provision: 'WPL-82', min: 20_000, max: 200_000, weight: 8 },
  { cause: '违反规定设置排污口', facts: '未经批准在河道设置排污口。', violated: `${WPL}第二十二条`, basis: `${WPL}第八十四条第二款`, provision: 'WPL-84-2', min: 20_000, max: 100_000, weight: 5 },
  // 固体废物污染环境防治法 (2020) took effect on 2020-09-01.
  { cause: '危险废物未按规定设置识别标志', facts: '危险废物贮存场所未设置危险废物识别标志。', violated: `${SWL}第七十七条`, basis: `${SWL}第一百一十二条第一款第（一）项`, provision: 'SWL-112-1', min: 100_000, max: 1_000_000, weight: 6, fromOn: '2020-09-01' },
];

// Filings per month (237 in all): few around the Spring Festival and the epidemic, more from the spring on.
const MONTH_WEIGHTS = [12, 6, 16, 20, 22, 22, 23, 23, 23, 24, 24, 22];
/** Districts' weights by code: the city districts and the big county-level cities see more cases. */
const DISTRICT_WEIGHTS: Record<string, number> = {
  '370602': 10, '370611': 8, '370612': 7, '370613': 7, '370614': 3, '370671': 9, '370676': 6, '370681': 9,
  '370682': 5, '370683': 8, '370685': 7, '370686': 5, '370687': 6,
};

function weighted<T>(random: Random, items: readonly T[], weight: (t: T) => number): T {
  const total = items.reduce((s, t) => s + weight(t), 0);
  let r = random.next() * total;
  for (const t of items) { r -= weight(t); if (r < 0) return t; }
  return items[items.length - 1]!;
}

/** Splits `n` over the weights (largest remainders), so the months add up exactly. */
function apportion(n: number, weights: readonly number[]): number[] {
  const total = weights.reduce((s, w) => s + w, 0);
  const exact = weights.map((w) => (n * w) / total);
  const out = exact.map(Math.floor);
  const order = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0]);
  // The remainder counted once, before the loop (counted inside it, it shrank as it was handed out).
  const rest = n - out.reduce((s, x) => s + x, 0);
  for (let k = 0; k < rest; k++) out[order[k]![1]]! += 1;
  return out;
}

type Path = 'penalty' | 'no_penalty' | 'investigating' | 'legal_review' | 'awaiting_statement';
interface Plan {
  discoveredOn: string; violation: Violation; enterpriseId: number; path: Path; fineYuan: number;
  special?: 'suspension' | 'detention' | 'crime';
}

/** What the 2020 figures add up to in the database (the year-end report's counting rules, seed-figures.md). */
export async function year2020Totals(db: Db) {
  const from = `${YEAR}-01-01`, to = `${YEAR + 1}-01-01`;
  const [filed] = await db.select({ n: sql<number>`count(*)::int` }).from(cases).where(and(gte(cases.filedOn, from), lt(cases.filedOn, to)));
  const [fines] = await db.select({ fen: sql<string>`coalesce(sum(${cases.decisionFineFen}), 0)::text` }).from(cases)
    .where(and(eq(cases.decisionKind, 'penalty'), gte(cases.decidedOn, from), lt(cases.decidedOn, to)));
  return { casesFiled: Number(filed?.n ?? 0), finesFen: Number(fines?.fen ?? 0) };
}

async function measuresOf2020(db: Db) {
  return queryRows<{ kind: string; n: number }>(db, sql`select kind, count(*)::int as n from measures
    where started_on >= ${`${YEAR}-01-01`} and started_on < ${`${YEAR + 1}-01-01`} and status <> 'not_approved' group by kind`);
}

/**
 * Plans the year: which enterprise, violation, month and outcome each case has, and its fine, so that the
 * fines decided in the year add up to the target with what is already there.
 */
export function planYear(random: Random, count: number, existingFinesYuan: number, firms: { id: number; code: string }[], need: { suspension: number; detention: number; crime: number }): Plan[] {
  const perMonth = apportion(count, MONTH_WEIGHTS);
  const byDistrict = new Map<string, number[]>();
  for (const f of firms) byDistrict.set(f.code, [...(byDistrict.get(f.code) ?? []), f.id]);
  const districtCodes = [...byDistrict.keys()];
  const used = new Set<number>();
  const plans: Plan[] = [];
  for (const [m, n] of perMonth.entries()) {
    for (let k = 0; k < n; k++) {
      const day = 1 + Math.floor(((k + random.next()) * 27) / n);
      const discoveredOn = `${YEAR}-${String(m + 1).padStart(2, '0')}-${String(Math.min(day, 28)).padStart(2, '0')}`;
      const violation = weighted(random, VIOLATIONS.filter((v) => !v.fromOn || v.fromOn <= discoveredOn), (v) => v.weight);
      const code = weighted(random, districtCodes, (c) => DISTRICT_WEIGHTS[c] ?? 5);
      const pool = byDistrict.get(code)!;
      // A new party where one is left in the district (a few enterprises are punished twice, as in practice).
      const fresh = pool.filter((id) => !used.has(id));
      const enterpriseId = fresh.length && random.chance(0.9) ? random.pick(fresh) : random.pick(pool);
      used.add(enterpriseId);
      // Cases found from late November are still being investigated at year end; a few others are mid-procedure.
      const late = discoveredOn >= `${YEAR}-11-25`;
      const r = random.next();
      const path: Path = late ? 'investigating' : r < 0.03 ? 'no_penalty' : r < 0.045 ? 'legal_review' : r < 0.06 ? 'awaiting_statement' : 'penalty';
      const steps = (violation.max - violation.min) / 1000;
      // Fines cluster near the bottom of the range (the discretion factors of most cases are light).
      const fineYuan = violation.min + 1000 * Math.floor(steps * random.next() ** 2.2);
      plans.push({ discoveredOn, violation, enterpriseId, path, fineYuan: path === 'penalty' || path === 'legal_review' || path === 'awaiting_statement' ? fineYuan : 0 });
    }
  }
  // The special measures go on penalty cases of evasion (暗管、旁路) decided before November.
  const evasions = plans.filter((p) => p.path === 'penalty' && p.violation.evasion && p.discoveredOn < `${YEAR}-11-01`);
  const candidates = evasions.length >= need.suspension + need.detention + need.crime ? evasions : plans.filter((p) => p.path === 'penalty' && p.discoveredOn < `${YEAR}-11-01`);
  let i = 0;
  for (const [special, n] of [['suspension', need.suspension], ['detention', need.detention], ['crime', need.crime]] as const) {
    for (let k = 0; k < n; k++) candidates[Math.floor((i++ * candidates.length) / (need.suspension + need.detention + need.crime))]!.special = special;
  }
  // Adjust the fines of the decided cases, within each provision's range, until the year's sum is the target.
  const decided = plans.filter((p) => p.path === 'penalty');
  // First scale each fine's part above its minimum (keeping the spread), then settle the rest in 1 000 yuan steps.
  const goal = SEED_2020.finesYuan.target - existingFinesYuan;
  const floor = decided.reduce((s, p) => s + p.violation.min, 0);
  const above = decided.reduce((s, p) => s + p.fineYuan - p.violation.min, 0);
  const factor = above > 0 ? Math.max(0, goal - floor) / above : 0;
  for (const p of decided) p.fineYuan = Math.min(p.violation.max, p.violation.min + 1000 * Math.round(((p.fineYuan - p.violation.min) * factor) / 1000));
  let diff = goal - decided.reduce((s, p) => s + p.fineYuan, 0);
  for (let pass = 0; diff !== 0 && pass < 50; pass++) {
    for (const p of decided) {
      if (diff === 0) break;
      const room = diff > 0 ? p.violation.max - p.fineYuan : p.violation.min - p.fineYuan;
      const share = diff > 0 ? Math.min(room, Math.ceil(diff / decided.length / 1000) * 1000, diff) : Math.max(room, Math.floor(diff / decided.length / 1000) * 1000, diff);
      p.fineYuan += share;
      diff -= share;
    }
  }
  if (diff !== 0) throw new Error(`demo 2020: fines cannot reach the target (${diff} yuan left)`);
  return plans;
}

export interface Year2020Result { casesCreated: number; measuresCreated: number; seconds: number }

/**
 * Generates the demo bureau's 2020 (cases and their measures) through the actions. Needs the demo users
 * (officer1, officer2, leader, reviewer1, committee1) and enterprises. Tops up to the seed's figures:
 * running it again adds nothing.
 */
export async function seedDemoYear2020(db: Db, onProgress?: (done: number, total: number) => void): Promise<Year2020Result> {
  const started = Date.now();
  const who = async (u: string) => { const p = await findPrincipalByUsername(db, u); if (!p) throw new Error(`demo user ${u} missing`); return p; };
  const [officer1, officer2, leader, reviewer, committee] = await Promise.all(['officer1', 'officer2', 'leader', 'reviewer1', 'committee1'].map(who)) as Principal[];
  const before = await year2020Totals(db);
  const toFile = Math.max(0, SEED_2020.casesFiled - before.casesFiled);
  const measured = await measuresOf2020(db);
  const have = (kind: string) => measured.find((m) => m.kind === kind)?.n ?? 0;
  const need = {
    suspension: Math.max(0, SEED_2020.productionRestrictions - have('production_restriction')),
    detention: Math.max(0, SEED_2020.detentionTransfers - have('detention_transfer')),
    crime: Math.max(0, SEED_2020.crimeTransfers - have('crime_transfer')),
  };
  if (toFile === 0) return { casesCreated: 0, measuresCreated: 0, seconds: 0 };
  // Enterprises exempted in the year (首违不罚, src/demo/year-2020-people.ts) are left out: a penalty of the same year
  // would contradict the first violation their exemption rests on (行政处罚法 第三十三条第一款).
  const firms = await queryRows<{ id: number; code: string }>(db, sql`select e.id, d.code from ${enterprises} e join districts d on d.id = e.district_id
    where not exists (select 1 from exemptions x where x.enterprise_id = e.id and x.decided_on >= ${`${YEAR}-01-01`} and x.decided_on < ${`${YEAR + 1}-01-01`}) order by e.id`);
  const random = createRandom(2020_237);
  const plans = planYear(random, toFile, Math.round(before.finesFen / 100), firms, need);
  const meetings = new Map<string, number>();
  const meetingOn = async (on: string) => {
    const found = meetings.get(on);
    if (found) return found;
    const m = await createCommitteeMeeting(db, committee!, { heldOn: on, location: '局三楼会议室', chairId: leader!.id, memberIds: [leader!.id, committee!.id], attendeeIds: [leader!.id, committee!.id], minutes: '' }, at(on));
    if (!m.ok) throw new Error(`demo 2020 meeting: ${m.code}`);
    meetings.set(on, m.value.id);
    return m.value.id;
  };
  const measureItems: { caseId: number; body: MeasureCreateBody; on: string }[] = [];
  let done = 0;
  for (const [i, p] of plans.entries()) {
    const v = p.violation;
    const day = (n: number) => addDays(p.discoveredOn, n);
    const lead = await registerLead(db, officer1!, { source: i % 4 === 0 ? 'complaint' : i % 4 === 1 ? 'monitoring' : 'inspection', enterpriseId: p.enterpriseId, summary: v.facts, discoveredOn: p.discoveredOn }, at(p.discoveredOn));
    if (!lead.ok) throw new Error(`demo 2020 lead: ${lead.code} ${lead.field ?? ''}`);
    const filed = await fileLead(db, leader!, lead.value.id, {
      cause: v.cause, actOn: p.discoveredOn, partyKind: 'organisation', officerIds: [officer1!.id, officer2!.id], leadOfficerId: officer1!.id,
      major: { majorPublicInterest: false, complexSeveralLegalRelations: false, requiredByOtherLaw: false }, longLimitation: false,
    }, at(day(2)));
    if (!filed.ok) throw new Error(`demo 2020 filing: ${filed.code}`);
    const id = filed.value.id;
    const step = async <A extends CaseActionName>(principal: Principal, action: A, input: ActionInputs[A], on: string) => {
      const r = await runCaseAction(db, principal, id, action, input, at(on));
      if (!r.ok) throw new Error(`demo 2020 case ${v.cause} ${action}: ${r.code} ${r.field ?? ''}`);
      return r.value;
    };
    await step(officer1!, 'record_investigation', { kind: 'inspection_record', occurredOn: day(3), officerIds: [officer1!.id, officer2!.id], summary: v.facts }, day(3));
    if (p.path === 'investigating') { onProgress?.(++done, plans.length); continue; }
    const noPenalty = p.path === 'no_penalty';
    // An inquiry record where the fine may be large or the party is spared (the others rest on the inspection record; fewer actions keep the year fast).
    if (noPenalty || v.min >= 100_000) await step(officer1!, 'record_investigation', { kind: 'inquiry_record', occurredOn: day(5), officerIds: [officer1!.id, officer2!.id], summary: '当事人对违法事实无异议。' }, day(5));
    const kinds: ActionInputs['decide']['penaltyKinds'] = noPenalty ? ['warning'] : p.special === 'suspension' ? ['fine', 'suspension'] : ['fine'];
    await step(officer1!, 'submit', { proposal: { penaltyKinds: kinds, fineFen: p.fineYuan * 100, facts: v.facts, violatedProvisions: v.violated, penaltyBasis: v.basis, discretionReason: null,
      penaltyProvisionCode: noPenalty ? null : v.provision, penaltyBaseFen: null } }, day(9));
    // 行政处罚法 第五十八条: the case review (leader) and the legal review (reviewer) are different people.
    const reviewed = await step(leader!, 'case_review', { outcome: 'passed', opinion: '事实清楚，证据确凿' }, day(10));
    if (p.path === 'legal_review') { onProgress?.(++done, plans.length); continue; }
    let on = day(12);
    if (reviewed.stage === 'legal_review') {
      await step(reviewer!, 'legal_review', { findings: FINDINGS, outcome: 'passed', opinion: '同意承办机构意见' }, on);
      const meetingId = await meetingOn(day(14));
      await step(committee!, 'collective_discussion', { meetingId, opinions: [{ memberId: committee!.id, opinion: '同意' }, { memberId: leader!.id, opinion: '同意' }], decision: 'approve', conclusion: '同意处罚意见' }, day(14));
      on = day(15);
    }
    let decidedOn: string;
    if (noPenalty) {
      // 行政处罚法 第三十三条第一款: the ground recorded with its evidence, then decided on it, with the education given.
      const ground = await recordGround(db, officer1!, id, { ground: 'firstViolation', note: v.facts }, at(on));
      if (!ground.ok) throw new Error(`demo 2020 ground: ${ground.code}`);
      await step(leader!, 'decide', {
        kind: 'no_penalty', penaltyKinds: [], fineFen: 0, reasons: '当事人系初次违法，已及时改正，危害后果轻微', basis: '《中华人民共和国行政处罚法》第三十三条',
        noPenaltyGround: 'firstViolation', education: { on, form: '当面约谈', content: '讲解相关生态环境法律法规' },
      }, on);
      decidedOn = on;
    } else {
      const notified = await step(officer1!, 'notify', { servedOn: on, content: '拟作出行政处罚' }, on);
      if (p.path === 'awaiting_statement') { onProgress?.(++done, plans.length); continue; }
      // 行政处罚法 第六十二条, 第六十四条 (一): the hearing waiver is recorded apart from the statement waiver.
      await step(officer1!, 'statement', { receivedOn: on, content: '放弃陈述、申辩和听证', adopted: false, waived: true, hearingWaived: Boolean(notified.notification?.hearingOffered) }, on);
      decidedOn = addDays(on, 1);
      await step(leader!, 'decide', { kind: 'penalty', penaltyKinds: kinds, fineFen: p.fineYuan * 100, reasons: v.facts, basis: v.basis }, decidedOn);
    }
    // 行政处罚法 第六十一条: served within 7 working days of the decision (3 natural days never exceed that).
    const servedOn = addDays(decidedOn, 3);
    await step(officer1!, 'serve', { servedOn, method: 'in_person', receiver: '法定代表人' }, servedOn);
    const responsibleOfficerId = officer1!.id;
    if (p.special === 'suspension') {
      measureItems.push({ caseId: id, on: servedOn, body: { kind: 'production_restriction', responsibleOfficerId, note: '演示', mode: 'suspension', ground: 'evading_supervision', servedOn, requirements: '停产整治，拆除暗管，完善污染防治设施' } });
    } else if (p.special === 'detention') {
      // 环境保护法 第六十三条 (三): evading supervision by 暗管 or not running the facilities needs no earlier order.
      const transferOn = addDays(decidedOn, 1);
      measureItems.push({ caseId: id, on: transferOn, body: { kind: 'detention_transfer', responsibleOfficerId, note: '演示', situation: 'evading_supervision', persons: [{ name: '直接责任人', position: '生产负责人' }], facts: v.facts, decidedOn: transferOn, priorOrder: null } });
    } else if (p.special === 'crime') {
      const reportOn = addDays(decidedOn, 2);
      measureItems.push({ caseId: id, on: reportOn, body: { kind: 'crime_transfer', responsibleOfficerId, note: '演示', suspectedCrime: '污染环境罪（《中华人民共和国刑法》第三百三十八条）', facts: v.facts, reportOn } });
    }
    // Most fines paid and cases closed in the year (a few still being executed, which the demo also shows).
    if (!noPenalty && !p.special && decidedOn < `${YEAR}-11-15` && random.chance(0.85)) {
      const paidOn = addDays(servedOn, 10);
      await step(officer1!, 'pay', { paidOn, amountFen: p.fineYuan * 100 }, paidOn);
      await step(leader!, 'close', { summary: '执行完毕' }, addDays(servedOn, 12));
    }
    onProgress?.(++done, plans.length);
  }
  // The measures, each recorded as of its own day (dates cannot lie after "now").
  let measuresCreated = 0;
  for (const m of measureItems) {
    const r = await seedMeasures(db, [{ caseId: m.caseId, body: m.body }], at(m.on));
    if (!r.ok) throw new Error(`demo 2020 measure ${m.body.kind}: ${r.code} ${r.field ?? ''}`);
    measuresCreated++;
  }
  return { casesCreated: plans.length, measuresCreated, seconds: (Date.now() - started) / 1000 };
}
