// Demo enforcement cases, walked through the real procedure (the same actions and gates as the API)
// on dates in 2020, so every stage of the procedure has an example.
import type { Db } from '../platform/db/index.js';
import { createCommitteeMeeting, fileLead, registerLead, runCaseAction, type ActionInputs, type CaseActionName } from '../cases/index.js';
import { recordGround } from '../exemptions/index.js';
import { findPrincipalByUsername } from '../users/index.js';
import type { Principal } from '../platform/auth/roles.js';
import { enterprises } from '../enterprises/index.js';
import { asc } from 'drizzle-orm';

const at = (on: string) => new Date(`${on}T10:00:00+08:00`);
const FINDINGS = Object.fromEntries(['subject', 'authority', 'procedure', 'facts', 'evidence', 'legalBasis', 'discretion'].map((k) => [k, { ok: true, note: '符合规定' }])) as ActionInputs['legal_review']['findings'];

type Stop = 'investigating' | 'legal_review' | 'awaiting_statement' | 'closed' | 'archived';
/** `provision`: the discretion benchmark of the penalty provision applied (行政处罚法 第三十四条: its range binds the fine); `baseYuan` where the range is a share of one. */
interface DemoCase { discoveredOn: string; cause: string; facts: string; violated: string; basis: string; fineYuan: number; stop: Stop; transfer?: boolean; noPenalty?: boolean; provision?: string; baseYuan?: number }

const DEMO_CASES: DemoCase[] = [
  { discoveredOn: '2020-03-09', cause: '超标排放水污染物', facts: '该公司废水总排口化学需氧量浓度超过排放标准。', violated: '《中华人民共和国水污染防治法》第十条', basis: '《中华人民共和国水污染防治法》第八十三条第（二）项', fineYuan: 200_000, stop: 'archived', provision: 'WPL-83-2' },
  { discoveredOn: '2020-04-13', cause: '未按规定落实扬尘污染防治措施', facts: '施工现场未采取覆盖、洒水等抑尘措施。', violated: '《中华人民共和国大气污染防治法》第六十九条', basis: '《中华人民共和国大气污染防治法》第一百一十五条', fineYuan: 20_000, stop: 'archived', provision: 'APL-117' },
  // 排污许可管理条例 took effect on 2021-03-01: a 2020 case applies 大气污染防治法 第九十九条第（一）项.
  { discoveredOn: '2020-05-11', cause: '未依法取得排污许可证排放污染物', facts: '该公司未取得排污许可证排放大气污染物。', violated: '《中华人民共和国大气污染防治法》第十九条', basis: '《中华人民共和国大气污染防治法》第九十九条第（一）项', fineYuan: 500_000, stop: 'closed', provision: 'APL-99-1' },
  // Discovered after the 2020 固体废物污染环境防治法 took effect (2020-09-01), whose 第一百一十二条 it applies.
  { discoveredOn: '2020-09-14', cause: '危险废物未按规定设置识别标志', facts: '废矿物油露天堆放，未设置危险废物识别标志。', violated: '《中华人民共和国固体废物污染环境防治法》第七十七条', basis: '《中华人民共和国固体废物污染环境防治法》第一百一十二条第一款第（一）项', fineYuan: 100_000, stop: 'awaiting_statement', provision: 'SWL-112-1' },
  { discoveredOn: '2020-09-07', cause: '通过暗管逃避监管排放水污染物', facts: '现场发现暗管直通雨水管网，涉嫌污染环境犯罪。', violated: '《中华人民共和国水污染防治法》第三十九条', basis: '《中华人民共和国刑法》第三百三十八条', fineYuan: 0, stop: 'closed', transfer: true },
  { discoveredOn: '2020-10-12', cause: '未按规定开展自行监测', facts: '初次违法，已当场改正，危害后果轻微。', violated: '《排污许可管理条例》第十九条', basis: '《中华人民共和国行政处罚法》第三十三条', fineYuan: 0, stop: 'closed', noPenalty: true },
  { discoveredOn: '2020-11-16', cause: '未批先建', facts: '建设项目环境影响报告表未经批准擅自开工建设。', violated: '《中华人民共和国环境影响评价法》第二十五条', basis: '《中华人民共和国环境影响评价法》第三十一条', fineYuan: 300_000, stop: 'legal_review', provision: 'EIA-31-1', baseYuan: 10_000_000 },
  { discoveredOn: '2020-12-14', cause: '超标排放大气污染物', facts: '锅炉废气氮氧化物超标。', violated: '《中华人民共和国大气污染防治法》第十八条', basis: '《中华人民共和国大气污染防治法》第九十九条第（二）项', fineYuan: 150_000, stop: 'investigating', provision: 'APL-99-2' },
];

const addDays = (on: string, n: number) => new Date(Date.parse(`${on}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/** Seeds the demo cases; needs the demo users (officer1, officer2, leader, reviewer1, committee1). */
export async function seedDemoCases(db: Db, onProgress?: (done: number, total: number) => void): Promise<number> {
  const who = async (u: string) => { const p = await findPrincipalByUsername(db, u); if (!p) throw new Error(`demo user ${u} missing`); return p; };
  const [officer1, officer2, leader, reviewer, committee] = await Promise.all(['officer1', 'officer2', 'leader', 'reviewer1', 'committee1'].map(who)) as Principal[];
  const firms = await db.select({ id: enterprises.id }).from(enterprises).orderBy(asc(enterprises.id)).limit(DEMO_CASES.length * 7);
  let done = 0;
  for (const [i, c] of DEMO_CASES.entries()) {
    const day = (n: number) => addDays(c.discoveredOn, n);
    const lead = await registerLead(db, officer1!, { source: i % 3 === 0 ? 'complaint' : 'inspection', enterpriseId: firms[i * 7]!.id, summary: c.facts, discoveredOn: c.discoveredOn }, at(c.discoveredOn));
    if (!lead.ok) throw new Error(`demo lead: ${lead.code}`);
    const filed = await fileLead(db, leader!, lead.value.id, {
      cause: c.cause, actOn: c.discoveredOn, partyKind: 'organisation', officerIds: [officer1!.id, officer2!.id], leadOfficerId: officer1!.id,
      major: { majorPublicInterest: false, complexSeveralLegalRelations: Boolean(c.transfer), requiredByOtherLaw: false }, longLimitation: false,
    }, at(day(2)));
    if (!filed.ok) throw new Error(`demo filing: ${filed.code}`);
    const id = filed.value.id;
    const step = async <A extends CaseActionName>(p: Principal, action: A, input: ActionInputs[A], on: string) => {
      const r = await runCaseAction(db, p, id, action, input, at(on));
      if (!r.ok) throw new Error(`demo case ${c.cause} ${action}: ${r.code}`);
      return r.value;
    };
    await step(officer1!, 'record_investigation', { kind: 'inspection_record', occurredOn: day(3), officerIds: [officer1!.id, officer2!.id], summary: c.facts }, day(3));
    await step(officer1!, 'record_investigation', { kind: 'inquiry_record', occurredOn: day(5), officerIds: [officer1!.id, officer2!.id], summary: '当事人对违法事实无异议。' }, day(5));
    if (c.stop === 'investigating') { onProgress?.(++done, DEMO_CASES.length); continue; }
    let decidedAt = day(8);
    if (c.transfer) {
      await step(leader!, 'decide', { kind: 'transfer', penaltyKinds: [], fineFen: 0, reasons: c.facts, basis: c.basis, transferTo: '烟台市公安局' }, day(8));
    } else {
      await step(officer1!, 'submit', { proposal: { penaltyKinds: c.noPenalty ? ['warning'] : ['fine'], fineFen: c.fineYuan * 100, facts: c.facts, violatedProvisions: c.violated, penaltyBasis: c.basis, discretionReason: null,
        penaltyProvisionCode: c.noPenalty ? null : c.provision ?? null, penaltyBaseFen: c.baseYuan ? c.baseYuan * 100 : null } }, day(9));
      // 行政处罚法 第五十八条: the case review (leader) and the legal review (reviewer) are different people.
      const reviewed = await step(leader!, 'case_review', { outcome: 'passed', opinion: '事实清楚，证据确凿' }, day(10));
      if (c.stop === 'legal_review') { onProgress?.(++done, DEMO_CASES.length); continue; }
      let on = day(12);
      if (reviewed.stage === 'legal_review') {
        await step(reviewer!, 'legal_review', { findings: FINDINGS, outcome: 'passed', opinion: '同意承办机构意见' }, on);
        const meeting = await createCommitteeMeeting(db, committee!, { heldOn: day(14), location: '局三楼会议室', chairId: leader!.id, memberIds: [leader!.id, committee!.id], attendeeIds: [leader!.id, committee!.id], minutes: '' }, at(day(14)));
        if (!meeting.ok) throw new Error(meeting.code);
        await step(committee!, 'collective_discussion', { meetingId: meeting.value.id, opinions: [{ memberId: committee!.id, opinion: '同意' }, { memberId: leader!.id, opinion: '同意' }], decision: 'approve', conclusion: '同意处罚意见' }, day(14));
        on = day(15);
      }
      if (c.noPenalty) {
        // 行政处罚法 第三十三条第一款: the ground recorded with its evidence, then decided on it, with the education given.
        const ground = await recordGround(db, officer1!, id, { ground: 'firstViolation', note: c.facts }, at(on));
        if (!ground.ok) throw new Error(`demo ground: ${ground.code}`);
        await step(leader!, 'decide', {
          kind: 'no_penalty', penaltyKinds: [], fineFen: 0, reasons: '当事人系初次违法，已当场改正，危害后果轻微', basis: c.basis,
          noPenaltyGround: 'firstViolation', education: { on, form: '当面约谈', content: '讲解排污许可管理条例关于自行监测的规定' },
        }, on);
        decidedAt = on;
      } else {
        const notified = await step(officer1!, 'notify', { servedOn: on, content: '拟作出行政处罚' }, on);
        if (c.stop === 'awaiting_statement') { onProgress?.(++done, DEMO_CASES.length); continue; }
        // 行政处罚法 第六十二条, 第六十四条 (一): the hearing waiver is recorded apart from the statement waiver.
        await step(officer1!, 'statement', { receivedOn: on, content: '放弃陈述、申辩和听证', adopted: false, waived: true, hearingWaived: Boolean(notified.notification?.hearingOffered) }, on);
        on = addDays(on, 1);
        await step(leader!, 'decide', { kind: 'penalty', penaltyKinds: ['fine'], fineFen: c.fineYuan * 100, reasons: c.facts, basis: c.basis }, on);
        decidedAt = on;
      }
    }
    // 行政处罚法 第六十一条: served within 7 working days of the decision (3 natural days never exceed that).
    const servedOn = addDays(decidedAt, 3);
    await step(officer1!, 'serve', { servedOn: servedOn, method: 'in_person', receiver: '法定代表人' }, servedOn);
    if (c.fineYuan > 0 && !c.transfer && !c.noPenalty) await step(officer1!, 'pay', { paidOn: addDays(servedOn, 10), amountFen: c.fineYuan * 100 }, addDays(servedOn, 10));
    await step(leader!, 'close', { summary: '执行完毕' }, addDays(servedOn, 12));
    if (c.stop === 'archived') await step(officer1!, 'archive', {} as never, addDays(servedOn, 15));
    onProgress?.(++done, DEMO_CASES.length);
  }
  return DEMO_CASES.length;
}
