// The demo bureau's 2020, its people, lists and exemptions, adding up to the seed (../shared/domain/seed-figures.md
// rows 3, 18, 26, 27, 28): the 2020 law exam (普法考试) sat and passed by every staff member enrolled; the
// popularisation activities (谁执法谁普法, 六进 around 6·5 Environment Day) handing out 10 000余 copies of
// 《环境管理知识百问百答》; 3 legal reviewers, more than 5 % of the credentialed enforcement officers; the 14-entry
// exemption catalogue (第一批) in force and 11 enterprises exempted (首违不罚) on 2020 cases; 517 enterprises on the
// positive list (正面清单) published in 2020. Every record goes through the capabilities' actions on dates in
// 2020, seeded and deterministic, topped up from what the database holds (running it again adds nothing).
// Runs BEFORE seedDemoYear2020 (src/demo/year-2020.ts): its 11 exemption cases count within the 237 cases filed,
// which that generator tops up to, and the positive list is published (April) before the year's penalties.
import { sql } from 'drizzle-orm';
import type { Db } from '../platform/db/index.js';
import { queryRows } from '../platform/db/index.js';
import { SYSTEM_ACTOR } from '../platform/audit/log.js';
import { generatePassword } from '../platform/auth/password.js';
import type { Principal, Role } from '../platform/auth/roles.js';
import { createRandom, type Random } from '../platform/random.js';
import type { Result } from '../law/outcome.js';
import { addUser, findPrincipalByUsername } from '../users/index.js';
import { insertEnterprise } from '../enterprises/index.js';
import { listDepartments, listDistrictsWithTownships } from '../organisation/index.js';
import { fileLead, registerLead, runCaseAction, type ActionInputs, type CaseActionName } from '../cases/index.js';
import { applyExemption, countExemptedEnterprises, putCaseFacts, seedExemptionCatalogue } from '../exemptions/index.js';
import { checkAdmissions, proposePositiveListBatch, stepPositiveListBatch } from '../supervision/index.js';
import { completeItem, createExam, createPlan, questionBank, recordActivity, startSitting, submitSitting } from '../training/index.js';
import { makeDemoEnterprise } from './enterprises.js';

/** The seed's 2020 figures this generator produces. */
export const SEED_2020_PEOPLE = {
  /** 配备审核人员3名，占执法人员总数5%以上: 3 of 52 credentialed officers is 5.77 %. */
  legalReviewers: 3,
  credentialedOfficers: 52,
  /** 印发《环境管理知识百问百答》10000余册: the report writes the sum rounded down to tens. */
  materialsGiven: 10_006,
  catalogueEntries: 14,
  exemptedEnterprises: 11,
  positiveList: 517,
} as const;

const YEAR = 2020;
const at = (on: string, time = '10:00') => new Date(`${on}T${time}:00+08:00`);
const addDays = (on: string, n: number) => new Date(Date.parse(`${on}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
/** Fisher–Yates with the seeded generator (the same seed, the same order). */
function shuffle<T>(random: Random, items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i--) { const j = random.int(0, i); [items[i], items[j]] = [items[j]!, items[i]!]; }
  return items;
}
const STAFF_ROLES: Role[] = ['enforcement_officer', 'legal_reviewer', 'committee_member', 'bureau_leader', 'district_staff', 'licensing_staff'];

function must<T>(r: Result<T>, what: string): T {
  if (!r.ok) throw new Error(`demo 2020 people: ${what}: ${r.code}${r.field ? ` (${r.field})` : ''}`);
  return r.value;
}

export interface People2020Options { /** The demo accounts' password (the demo seed's); a random one otherwise. */ password?: string }

// ---------- staff: legal reviewers and credentialed officers (figure 18) ----------

/** The legal section as src/demo/seed.ts names it (the same accounts, so the full demo tops up nothing). */
const REVIEWERS = [['reviewer1', '法制审核 姜文静'], ['reviewer2', '法制审核 曲国栋'], ['reviewer3', '法制审核 林晓东']] as const;
const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '赵', '孙', '于', '姜', '曲', '林', '宋', '徐', '邹', '衣', '栾', '鞠', '战', '隋'];
const GIVEN = ['建华', '志刚', '海波', '立伟', '文博', '晓明', '国庆', '洪涛', '明辉', '新宇', '振东', '春生', '红军', '永强', '晓峰', '德胜', '玉华', '成龙', '天宇', '家兴'];

async function seedStaff(db: Db, password: string, random: Random): Promise<number> {
  const now = at(`${YEAR}-01-02`, '09:00');
  const departments = await listDepartments(db);
  const districts = await listDistrictsWithTownships(db);
  const dept = (kind: string, districtId: number | null = null) => departments.find((d) => d.kind === kind && (districtId === null || d.districtId === districtId))?.id ?? null;
  const [have] = await queryRows<{ reviewers: number; officers: number }>(db, sql`select
    count(*) filter (where role = 'legal_reviewer')::int as reviewers,
    count(*) filter (where role = 'enforcement_officer' and coalesce(credential_no, '') <> '')::int as officers
    from users where active`);
  const taken = new Set((await queryRows<{ username: string }>(db, sql`select username from users`)).map((r) => r.username));
  let created = 0;
  let reviewers = have?.reviewers ?? 0;
  for (const [username, displayName] of REVIEWERS) {
    if (reviewers >= SEED_2020_PEOPLE.legalReviewers) break;
    if (taken.has(username)) continue;
    // 行政处罚法 第五十八条第二款: reviewers in post before 2021-07-15 need no legal qualification; these hold one.
    must(await addUser(db, SYSTEM_ACTOR, { username, displayName, password, role: 'legal_reviewer', districtId: null, departmentId: dept('legal_section'),
      enterpriseId: null, credentialNo: null, holdsLegalQualification: true }, now), `user ${username}`);
    reviewers++; created++;
  }
  // The detachment holds most officers; each district branch a few (credential numbers: division code + 19 + serial).
  const units = [...Array(8).fill(null), ...districts.map((d) => d.id)] as (number | null)[];
  let officers = have?.officers ?? 0;
  for (let k = 3; officers < SEED_2020_PEOPLE.credentialedOfficers; k++) {
    const username = `officer${k}`;
    if (taken.has(username)) continue;
    const districtId = units[k % units.length]!;
    const code = districtId === null ? '370600' : districts.find((d) => d.id === districtId)!.code;
    // 行政处罚法 第四十二条: enforcement by officers holding enforcement credentials.
    must(await addUser(db, SYSTEM_ACTOR, {
      username, displayName: `执法人员 ${random.pick(SURNAMES)}${random.pick(GIVEN)}`, password, role: 'enforcement_officer', districtId,
      departmentId: districtId === null ? dept('enforcement_detachment') : dept('district_branch', districtId), enterpriseId: null,
      credentialNo: `${code}19${String(k).padStart(3, '0')}`, holdsLegalQualification: false,
    }, now), `user ${username}`);
    officers++; created++;
  }
  return created;
}

// ---------- the positive list (figure 28) ----------

const POSITIVE = { proposedOn: `${YEAR}-04-20`, approvedOn: `${YEAR}-04-27`, publishedOn: `${YEAR}-04-30` };

/**
 * 监督执法正面清单, published on 2020-04-30 as one list. The demo registry (520 enterprises, a third of them
 * rated yellow or red) holds too few enterprises meeting the criteria; enterprises registered early in 2020 are
 * added, a district at a time, until 517 qualify.
 */
async function seedPositiveList(db: Db, officer: Principal, leader: Principal, random: Random): Promise<number> {
  const counts = async () => (await queryRows<{ published: number; proposed: number; approved: number }>(db, sql`select
    count(distinct enterprise_id) filter (where status = 'published')::int as published,
    count(*) filter (where status = 'proposed')::int as proposed, count(*) filter (where status = 'approved')::int as approved
    from positive_list_entries where proposed_at >= ${at(`${YEAR}-01-01`, '00:00').toISOString()}::timestamptz and proposed_at < ${at(`${YEAR + 1}-01-01`, '00:00').toISOString()}::timestamptz`))[0]!;
  let created = 0;
  const before = await counts();
  const need = SEED_2020_PEOPLE.positiveList - before.published - before.proposed - before.approved;
  if (need > 0) {
    const proposedAt = at(POSITIVE.proposedOn);
    const eligible = async (ids: number[]) => {
      const checks = await checkAdmissions(db, ids, null, proposedAt);
      return ids.filter((id) => checks.get(id)?.eligible);
    };
    const pool = await eligible((await queryRows<{ id: number }>(db, sql`select e.id from enterprises e where not exists (select 1 from positive_list_entries p
      where p.enterprise_id = e.id and p.status in ('proposed', 'approved', 'published')) order by e.id`)).map((r) => r.id));
    if (pool.length < need) {
      const districts = await listDistrictsWithTownships(db);
      const registered = at(`${YEAR}-01-06`, '09:00');
      for (let round = 0; pool.length < need; round++) {
        const added = await db.transaction(async (tx) => {
          const ids: number[] = [];
          for (const d of districts) {
            const [{ n } = { n: 0 }] = await queryRows<{ n: number }>(tx as unknown as Db, sql`select count(*)::int as n from enterprises where district_id = ${d.id}`);
            ids.push(await insertEnterprise(tx, SYSTEM_ACTOR, makeDemoEnterprise(random, d, n), registered, '演示数据：2020年新纳入监管的企业'));
          }
          return ids;
        });
        created += added.length;
        pool.push(...await eligible(added));
        if (round > 200) throw new Error('demo 2020 people: positive list cannot reach its target');
      }
    }
    const chosen = shuffle(random, [...pool]).slice(0, need).sort((a, b) => a - b);
    must(await proposePositiveListBatch(db, officer, chosen, proposedAt), 'positive list proposal');
    created += chosen.length;
  }
  // Approve and publish what is pending (this run's proposals, or an earlier run's that stopped half-way).
  const pending = (status: string) => queryRows<{ id: number }>(db, sql`select id from positive_list_entries where status = ${status}
    and proposed_at >= ${at(`${YEAR}-01-01`, '00:00').toISOString()}::timestamptz and proposed_at < ${at(POSITIVE.approvedOn).toISOString()}::timestamptz order by id`);
  must(await stepPositiveListBatch(db, leader, (await pending('proposed')).map((r) => r.id), 'approve', at(POSITIVE.approvedOn)), 'positive list approval');
  must(await stepPositiveListBatch(db, officer, (await pending('approved')).map((r) => r.id), 'publish', at(POSITIVE.publishedOn)), 'positive list publication');
  return created;
}

// ---------- 首违不罚: 11 enterprises exempted on 2020 cases (figure 27) ----------

/** Which entry of the first batch each exemption case falls under (its seq), and when the violation was found. */
const EXEMPTION_PLAN: { seq: number; foundOn: string; facts: string }[] = [
  { seq: 1, foundOn: `${YEAR}-04-14`, facts: '废水总排口化学需氧量单一因子超标0.06倍，次日整改后达标排放。' },
  { seq: 2, foundOn: `${YEAR}-05-12`, facts: '锅炉废气颗粒物小时均值超标0.05倍，当日累计超标2小时，次日整改后达标。' },
  { seq: 14, foundOn: `${YEAR}-05-26`, facts: '废水在线监测设备因故障未联网，企业已及时报告并开展手工监测。' },
  { seq: 4, foundOn: `${YEAR}-06-09`, facts: '建设项目环境影响登记表未依法备案，经责令改正后及时完成备案。' },
  { seq: 13, foundOn: `${YEAR}-06-23`, facts: '重点排污单位未按规定公开自动监测数据，监测数据真实完整。' },
  { seq: 6, foundOn: `${YEAR}-07-07`, facts: '配套环境保护设施已建成并达标排放，未经验收即投入生产，已处于验收阶段。' },
  { seq: 1, foundOn: `${YEAR}-07-21`, facts: '废水总排口氨氮单一因子超标0.08倍，次日整改后达标排放。' },
  { seq: 3, foundOn: `${YEAR}-08-11`, facts: '废气处理设施风机突发故障未正常运行，企业24小时内报告并停产检修，日均值未超标。' },
  // 固体废物污染环境防治法 (2020) took effect on 2020-09-01: its entries apply to violations found from then on.
  { seq: 7, foundOn: `${YEAR}-09-15`, facts: '危险废物贮存场所未设置危险废物识别标志，年产生危险废物不足1吨。' },
  { seq: 8, foundOn: `${YEAR}-10-13`, facts: '未按照规定建立危险废物管理台账，危险废物均已依法贮存、转移。' },
  { seq: 9, foundOn: `${YEAR}-11-10`, facts: '一般工业固体废物少量露天堆放，未造成扬散、流失、渗漏。' },
];

interface EntryRow { id: number; seq: number; title: string; violated: string; basis: string; extra: { key: string }[] }

async function seedExemptions(db: Db, officer1: Principal, officer2: Principal, leader: Principal, random: Random): Promise<number> {
  const need = SEED_2020_PEOPLE.exemptedEnterprises - await countExemptedEnterprises(db, YEAR);
  if (need <= 0) return 0;
  const entries = await queryRows<EntryRow>(db, sql`select e.id, e.seq, e.title, e.violated_provision as violated, e.penalty_provision as basis,
    e.conditions->'extra' as extra from exemption_entries e join exemption_catalogues c on c.id = e.catalogue_id where c.code = 'YT-2020-1' order by e.seq`);
  // Parties with no case at all: first violations by any reckoning; one per district in turn.
  const firms = await queryRows<{ id: number; district_id: number }>(db, sql`select e.id, e.district_id from enterprises e
    where not exists (select 1 from cases c where c.enterprise_id = e.id) order by e.id`);
  const byDistrict = new Map<number, number[]>();
  for (const f of firms) byDistrict.set(f.district_id, [...(byDistrict.get(f.district_id) ?? []), f.id]);
  const districtOrder = shuffle(random, [...byDistrict.keys()].sort((a, b) => a - b));
  const plans = EXEMPTION_PLAN.slice(EXEMPTION_PLAN.length - need);
  let created = 0;
  for (const [i, p] of plans.entries()) {
    const entry = entries.find((e) => e.seq === p.seq);
    if (!entry) throw new Error(`demo 2020 people: exemption entry ${p.seq} missing`);
    const pool = byDistrict.get(districtOrder[i % districtOrder.length]!)!;
    const enterpriseId = pool.splice(random.int(0, pool.length - 1), 1)[0]!;
    const d = p.foundOn;
    const lead = must(await registerLead(db, officer1, { source: 'inspection', enterpriseId, summary: p.facts, discoveredOn: d }, at(d)), 'exemption lead');
    const filed = must(await fileLead(db, leader, lead.id, {
      cause: entry.title.split('，')[0]!, actOn: d, partyKind: 'organisation', officerIds: [officer1.id, officer2.id], leadOfficerId: officer1.id,
      major: { majorPublicInterest: false, complexSeveralLegalRelations: false, requiredByOtherLaw: false }, longLimitation: false,
    }, at(addDays(d, 1))), 'exemption filing');
    const step = async <A extends CaseActionName>(principal: Principal, action: A, input: ActionInputs[A], on: string) =>
      must(await runCaseAction(db, principal, filed.id, action, input, at(on)), `exemption case ${action}`);
    // The on-site inspection the day the case is filed orders the correction (责令改正); the party corrects the next day.
    const orderedOn = addDays(d, 1);
    await step(officer1, 'record_investigation', { kind: 'inspection_record', occurredOn: orderedOn, officerIds: [officer1.id, officer2.id], summary: `${p.facts}现场责令立即改正。` }, orderedOn);
    await step(officer1, 'record_investigation', { kind: 'inquiry_record', occurredOn: addDays(d, 3), officerIds: [officer1.id, officer2.id], summary: '当事人对违法事实无异议，已于次日完成改正。' }, addDays(d, 3));
    await step(officer1, 'submit', { proposal: { penaltyKinds: ['warning'], fineFen: 0, facts: p.facts, violatedProvisions: entry.violated, penaltyBasis: entry.basis,
      discretionReason: null, penaltyProvisionCode: null, penaltyBaseFen: null } }, addDays(d, 5));
    await step(leader, 'case_review', { outcome: 'passed', opinion: '事实清楚，符合首违不罚情形' }, addDays(d, 6));
    // 行政处罚法 第三十三条第一款: first violation, no harmful consequence, corrected the next day within the entry's period.
    const decidedOn = addDays(d, 7);
    must(await putCaseFacts(db, officer1, filed.id, {
      entryId: entry.id, consequence: 'none', correctionOrderedOn: orderedOn, correctedOn: addDays(orderedOn, 1), intentional: false, attestedNoPriorElsewhere: true,
      extra: Object.fromEntries(entry.extra.map((x) => [x.key, true])), note: '演示数据',
    }, at(decidedOn, '09:00')), 'exemption facts');
    // 第三十三条第三款: the party is educated (批评教育) and the correction ordered.
    must(await applyExemption(db, leader, filed.id, {
      correctionOrder: '责令你单位立即改正上述违法行为，并举一反三、建立长效管理机制。',
      education: { on: decidedOn, form: '当面约谈', content: '讲解相关生态环境法律法规，督促落实环境保护主体责任' },
    }, at(decidedOn, '15:00')), 'exemption');
    // 行政处罚法 第六十一条: the 不予行政处罚决定书 served within 7 working days.
    const servedOn = addDays(decidedOn, 2);
    await step(officer1, 'serve', { servedOn, method: 'in_person', receiver: '法定代表人' }, servedOn);
    await step(leader, 'close', { summary: '不予行政处罚，已责令改正并批评教育' }, addDays(servedOn, 1));
    created++;
  }
  return created;
}

// ---------- training: the law exam (figure 3) and popularisation (figure 26) ----------

const EXAM_TITLE = `${YEAR}年度全市生态环境系统普法考试（学法用法考试）`;
const EXAM = { createdOn: `${YEAR}-11-09`, opensOn: `${YEAR}-11-16`, closesOn: `${YEAR}-11-27` };

async function seedExam(db: Db, leader: Principal): Promise<number> {
  let [exam] = await queryRows<{ id: number }>(db, sql`select id from training_exams where title = ${EXAM_TITLE} and opens_on >= ${`${YEAR}-01-01`} and opens_on <= ${`${YEAR}-12-31`}`);
  let created = 0;
  if (!exam) {
    // The required staff: every active staff member of the bureau and its branches (enterprise users and administrators excepted).
    exam = must(await createExam(db, leader, {
      title: EXAM_TITLE, opensOn: EXAM.opensOn, closesOn: EXAM.closesOn, timeLimitMinutes: 60, passPercent: 60,
      counts: { single: 10, multiple: 5, true_false: 5 }, enrolRoles: STAFF_ROLES, reason: '演示数据：年度普法考试',
    }, at(EXAM.createdOn)), 'exam');
    created++;
  }
  const answers = new Map(must(await questionBank(db, leader), 'question bank').map((q) => [q.id, q.answer]));
  const waiting = await queryRows<{ username: string }>(db, sql`select u.username from training_enrolments e join users u on u.id = e.user_id
    where e.exam_id = ${exam.id} and not exists (select 1 from training_sittings s where s.exam_id = e.exam_id and s.user_id = e.user_id and s.submitted_at is not null)
    order by u.id`);
  // The candidates sit on the working days of the window, a few each half hour.
  const days = [0, 1, 2, 3, 4, 7, 8, 9, 10, 11].map((n) => addDays(EXAM.opensOn, n));
  for (const [i, w] of waiting.entries()) {
    const who = await findPrincipalByUsername(db, w.username);
    if (!who) continue;
    const day = days[i % days.length]!;
    const slot = Math.floor(i / days.length);
    const startedAt = at(day, `${String(9 + Math.floor(slot / 2)).padStart(2, '0')}:${slot % 2 ? '30' : '00'}`);
    const sitting = must(await startSitting(db, who, exam.id, startedAt), `sitting of ${w.username}`);
    const given = Object.fromEntries(sitting.questions.map((q) => [q.id, answers.get(q.id)!]));
    // Submitted 25 minutes after the sitting began (a sitting an interrupted run began keeps its own start).
    must(await submitSitting(db, who, exam.id, given, new Date(new Date(sitting.startedAt).getTime() + 25 * 60_000)), `submission of ${w.username}`);
    created++;
  }
  return created;
}

type ItemKey = 'book' | 'sixIn' | 'enforce';
const BOOK = '《环境管理知识百问百答》';
/** The activities of 2020 with the copies of the booklet handed out: 10 006 in all. */
const ACTIVITIES: { item: ItemKey; heldOn: string; title: string; place: string; audience: 'enterprise' | 'community' | 'school' | 'agency' | 'village' | 'unit'; materialsGiven: number; attendance: number }[] = [
  { item: 'book', heldOn: `${YEAR}-03-20`, title: `送法入企：${BOOK}首发赠阅暨复工复产环保政策宣讲`, place: '烟台经济技术开发区管委会', audience: 'enterprise', materialsGiven: 1500, attendance: 180 },
  { item: 'book', heldOn: `${YEAR}-04-23`, title: '送法入企：疫情防控期间企业环境管理政策解读', place: '福山区政务服务中心', audience: 'enterprise', materialsGiven: 1200, attendance: 150 },
  { item: 'sixIn', heldOn: `${YEAR}-06-03`, title: '六进·进机关：生态环境法律知识讲座', place: '市政府机关会议中心', audience: 'agency', materialsGiven: 400, attendance: 120 },
  { item: 'sixIn', heldOn: `${YEAR}-06-04`, title: '六进·进学校：“美丽中国，我是行动者”环保法治课堂', place: '烟台第一中学', audience: 'school', materialsGiven: 686, attendance: 420 },
  { item: 'sixIn', heldOn: `${YEAR}-06-05`, title: '六五环境日主场活动·进社区', place: '芝罘区滨海广场', audience: 'community', materialsGiven: 2000, attendance: 1500 },
  { item: 'sixIn', heldOn: `${YEAR}-06-06`, title: '六进·进农村：农村生活污水和畜禽养殖污染防治宣讲', place: '莱阳市团旺镇', audience: 'village', materialsGiven: 800, attendance: 260 },
  { item: 'sixIn', heldOn: `${YEAR}-06-08`, title: '六进·进单位：医疗废物规范管理普法', place: '烟台市卫生健康委员会', audience: 'unit', materialsGiven: 500, attendance: 90 },
  { item: 'sixIn', heldOn: `${YEAR}-06-09`, title: '六进·进企业：危险废物规范化管理培训', place: '龙口市经济开发区', audience: 'enterprise', materialsGiven: 1000, attendance: 210 },
  { item: 'book', heldOn: `${YEAR}-09-10`, title: '送法入企：新《固体废物污染环境防治法》宣讲', place: '蓬莱区会议中心', audience: 'enterprise', materialsGiven: 1200, attendance: 230 },
  { item: 'enforce', heldOn: `${YEAR}-11-12`, title: `谁执法谁普法：执法检查中向企业发放${BOOK}`, place: '全市执法检查现场', audience: 'enterprise', materialsGiven: 720, attendance: 360 },
];

async function seedPopularisation(db: Db, leader: Principal): Promise<number> {
  let created = 0;
  const departments = (await listDepartments(db)).filter((d) => d.districtId === null);
  const dept = (kind: string) => departments.find((d) => d.kind === kind)?.id ?? departments[0]!.id;
  const ITEMS: Record<ItemKey, { departmentId: number; content: string; responsiblePerson: string; dueOn: string; doneOn: string }> = {
    book: { departmentId: dept('legal_section'), content: `编印${BOOK}，开展送法入企`, responsiblePerson: '政策法规科科长', dueOn: `${YEAR}-12-31`, doneOn: `${YEAR}-12-25` },
    sixIn: { departmentId: dept('office'), content: '“6·5”环境日生态环境法律知识“六进”活动', responsiblePerson: '办公室主任', dueOn: `${YEAR}-06-30`, doneOn: `${YEAR}-06-10` },
    enforce: { departmentId: dept('enforcement_detachment'), content: '谁执法谁普法：执法检查中释法说理、发放普法材料', responsiblePerson: '执法支队支队长', dueOn: `${YEAR}-12-31`, doneOn: `${YEAR}-12-25` },
  };
  let [plan] = await queryRows<{ id: number }>(db, sql`select id from popularisation_plans where year = ${YEAR}`);
  if (!plan) {
    plan = must(await createPlan(db, leader, { year: YEAR, title: `${YEAR}年度普法依法治理工作计划和部门普法责任清单`,
      items: Object.values(ITEMS).map(({ doneOn: _d, ...i }) => i) }, at(`${YEAR}-01-10`)), 'popularisation plan');
    created++;
  }
  const items = await queryRows<{ id: number; content: string; done_on: string | null }>(db, sql`select id, content, done_on::text from popularisation_items where plan_id = ${plan.id} order by id`);
  const itemOf = (k: ItemKey) => items.find((i) => i.content === ITEMS[k].content);
  const held = new Set((await queryRows<{ title: string }>(db, sql`select title from popularisation_activities where held_on >= ${`${YEAR}-01-01`} and held_on <= ${`${YEAR}-12-31`}`)).map((r) => r.title));
  for (const a of ACTIVITIES) {
    const item = itemOf(a.item);
    if (!item || held.has(a.title)) continue;
    must(await recordActivity(db, leader, { itemId: item.id, title: a.title, heldOn: a.heldOn, place: a.place, audience: a.audience,
      materialsGiven: a.materialsGiven, attendance: a.attendance, photos: [] }, at(a.heldOn, '18:00')), `activity ${a.title}`);
    created++;
  }
  for (const k of Object.keys(ITEMS) as ItemKey[]) {
    const item = itemOf(k);
    if (!item || item.done_on) continue;
    must(await completeItem(db, leader, item.id, ITEMS[k].doneOn, at(ITEMS[k].doneOn, '17:00')), 'item done');
    created++;
  }
  return created;
}

/**
 * Generates the demo bureau's 2020 people, lists and exemptions through the actions. Needs the demo users leader,
 * officer1 and officer2 and the enterprises; run it before seedDemoYear2020. Tops up: running it again adds nothing.
 */
export async function seedDemoPeople2020(db: Db, onProgress?: (done: number, total: number) => void, options: People2020Options = {}): Promise<{ created: number }> {
  const who = async (u: string) => { const p = await findPrincipalByUsername(db, u); if (!p) throw new Error(`demo user ${u} missing`); return p; };
  const [leader, officer1, officer2] = await Promise.all(['leader', 'officer1', 'officer2'].map(who)) as [Principal, Principal, Principal];
  // Without the demo's password the added accounts get a random one (an administrator resets it to use them).
  const password = options.password ?? generatePassword();
  const total = 5;
  let created = 0;
  // The catalogue is reference data; loaded here too so the generator stands on its own (idempotent).
  await seedExemptionCatalogue(db, at(`${YEAR}-01-02`, '08:00'));
  created += await seedStaff(db, password, createRandom(2020_18));
  onProgress?.(1, total);
  created += await seedPositiveList(db, officer1, leader, createRandom(2020_517));
  onProgress?.(2, total);
  created += await seedExemptions(db, officer1, officer2, leader, createRandom(2020_11));
  onProgress?.(3, total);
  created += await seedExam(db, leader);
  onProgress?.(4, total);
  created += await seedPopularisation(db, leader);
  onProgress?.(5, total);
  return { created };
}
