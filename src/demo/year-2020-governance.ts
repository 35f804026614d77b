// The demo bureau's 2020 governance, adding up to the seed (烟台市生态环境局 2020 法治政府建设情况报告, seed-figures.md
// rows 2, 4, 5, 6): 4 专题学法 sessions of the leadership (one a quarter), 23 党组会 and 8 局长办公会 (each studying law
// before business, 学法在前); one 市政府规范性文件 and one 部门规范性文件, each through assessment, public comment,
// legality review, deliberation, issue, publication and filing; 23 counsel review / hearing tasks answered ("20余次").
// Every record is written by the capabilities' own actions (gates, number series, audit rows) on its own 2020 day,
// seeded and deterministic, and topped up from what the database already holds: running it again adds nothing.
//
// The seed also names 《依法不予行政处罚的轻微环境违法行为目录清单（第一批）》 (April 2020) and 《关于建立“容缺受理·
// 告知承诺”工作制度的通知》. Neither is a 规范性文件 of the seed's count ("各1件" are the two below), and no capability here
// holds internal documents: they appear as what the records can hold — the 局长办公会 agenda items that deliberated
// them and the counsel's legality review of each.
import type { Db } from '../platform/db/index.js';
import type { Principal } from '../platform/auth/roles.js';
import type { Result } from '../law/outcome.js';
import { addDays } from '../law/civil-date.js';
import { createRandom, type Random } from '../platform/random.js';
import { findPrincipalByUsername } from '../users/index.js';
import { meetingList, meetingYearFigures, recordMeeting, type MeetingInput } from '../meetings/index.js';
import { answerTask, assignTask, counselList, counselYearFigures, registerCounsel, taskList, type CounselInput } from '../counsel/index.js';
import {
  assessDocument, closeComment, createDraft, documentList, fileDocument, issueDocument, normativeDocumentYearFigures, publishDocument, recordDeliberation,
  recordReviewOpinion, startComment, submitForReview, type DocumentAction, type DraftingLevel,
} from '../normative-documents/index.js';

/** The seed's 2020 governance figures this generator produces. */
export const SEED_2020_GOVERNANCE = {
  leadershipStudy: 4,
  partyGroupMeetings: 23,
  directorMeetings: 8,
  normativeDocuments: { government: 1, bureau: 1 },
  counselTasksAnswered: 23,
} as const;

const YEAR = 2020;
/** Steps are entered on their own day (China time); a meeting is recorded the afternoon it was held. */
const at = (on: string, time = '10:00') => new Date(`${on}T${time}:00+08:00`);

const must = <T>(r: Result<T>, what: string): T => {
  if (!r.ok) throw new Error(`demo 2020 governance ${what}: ${r.code} ${r.field ?? ''}`);
  return r.value;
};

// ── Normative documents ──

const TITLE_GOVERNMENT = '烟台市人民政府关于划定高污染燃料禁燃区的通告';
const TITLE_BUREAU = '烟台市生态环境局生态环境行政处罚裁量基准适用规定';

interface DocumentPlan {
  level: DraftingLevel; title: string; draftingUnit: string; body: string; draftedOn: string;
  assessedOn: string; comment: { startOn: string; plannedEndOn: string; endOn: string; received: number; answered: number; summary: string };
  submittedOn: string; reviewedOn: string; deliberation: { on: string; note: string };
  issue: { on: string; effectiveOn: string; documentNumber: string | null }; publication: { on: string; channel: string }; filing: { on: string; filedWith: string };
}

// 国办发〔2018〕37号 (three unities: 统一登记、统一编号、统一印发), 115号 (legality review at least 5 working days):
// the steps' dates are spaced as the gates require. The government document is deliberated by the bureau's 局长办公会
// before it goes to the government, which issues it under its own number.
const DOCUMENTS: DocumentPlan[] = [
  {
    level: 'government', title: TITLE_GOVERNMENT, draftingUnit: '大气环境科', draftedOn: '2020-03-02',
    body: '为改善环境空气质量，根据《中华人民共和国大气污染防治法》第三十八条规定，市人民政府决定调整本市高污染燃料禁燃区。\n一、禁燃区范围……\n二、禁止燃用的燃料组合类别……\n三、本通告自2020年7月1日起施行。',
    assessedOn: '2020-03-09',
    comment: { startOn: '2020-03-16', plannedEndOn: '2020-04-15', endOn: '2020-04-16', received: 6, answered: 6, summary: '收到意见6条，采纳4条，未采纳2条并说明理由' },
    submittedOn: '2020-04-20', reviewedOn: '2020-04-28',
    deliberation: { on: '2020-05-12', note: '局长办公会议审议通过，报请市政府审议发布' },
    issue: { on: '2020-06-05', effectiveOn: '2020-07-01', documentNumber: '烟政发〔2020〕9号' },
    publication: { on: '2020-06-08', channel: '烟台市人民政府网站' },
    filing: { on: '2020-06-22', filedWith: '山东省人民政府、烟台市人大常委会' },
  },
  {
    level: 'bureau', title: TITLE_BUREAU, draftingUnit: '政策法规科', draftedOn: '2020-06-01',
    body: '第一条 为规范生态环境行政处罚自由裁量权的行使，依据《中华人民共和国行政处罚法》等法律法规，制定本规定。\n第二条 本市各级生态环境部门实施行政处罚，适用本规定……',
    assessedOn: '2020-06-08',
    comment: { startOn: '2020-06-15', plannedEndOn: '2020-07-15', endOn: '2020-07-16', received: 3, answered: 3, summary: '收到意见3条，采纳2条，未采纳1条并说明理由' },
    submittedOn: '2020-07-17', reviewedOn: '2020-07-24',
    deliberation: { on: '2020-07-28', note: '局长办公会议审议通过' },
    issue: { on: '2020-08-03', effectiveOn: '2020-09-01', documentNumber: null },
    publication: { on: '2020-08-04', channel: '烟台市生态环境局网站' },
    filing: { on: '2020-08-14', filedWith: '烟台市人民政府' },
  },
];

interface DocumentView { id: number; title: string; status: string; issuedOn: string | null; filedOn: string | null }

/** The step each state leads to (the view's `actions` are filtered by the viewer's permissions: the reviewer never sees 'issue'). */
const NEXT_STEP: Record<string, DocumentAction> = {
  drafting: 'assess', assessed: 'comment_start', commenting: 'comment_close', comment_closed: 'review_submit', under_review: 'review_opinion',
  review_passed: 'deliberate', deliberated: 'issue', issued: 'publish', published: 'file',
};
const nextStep = (d: DocumentView): DocumentAction | null => (d.status === 'published' && d.filedOn ? null : NEXT_STEP[d.status] ?? null);

/** Runs one document from where it stands to filed; each step only when the record's actions allow it. Returns its id. */
async function runDocument(db: Db, reviewer: Principal, leader: Principal, plan: DocumentPlan, existing: DocumentView | undefined): Promise<{ id: number; steps: number }> {
  let d: DocumentView = existing ?? must(await createDraft(db, reviewer, { title: plan.title, draftingUnit: plan.draftingUnit, draftingLevel: plan.level, body: plan.body, draftedOn: plan.draftedOn }, at(plan.draftedOn)), 'draft') as DocumentView;
  let steps = existing ? 0 : 1;
  const c = plan.comment;
  const sequence: [DocumentAction, () => Promise<Result<unknown>>][] = [
    ['assess', () => assessDocument(db, reviewer, d.id, { assessedOn: plan.assessedOn, summary: '经评估论证，制定该文件必要、可行，对经济社会和生态环境的影响可控' }, at(plan.assessedOn))],
    ['comment_start', () => startComment(db, reviewer, d.id, { startOn: c.startOn, plannedEndOn: c.plannedEndOn }, at(c.startOn))],
    ['comment_close', () => closeComment(db, reviewer, d.id, { endOn: c.endOn, received: c.received, answered: c.answered, answerSummary: c.summary }, at(c.endOn))],
    ['review_submit', () => submitForReview(db, reviewer, d.id, { submittedOn: plan.submittedOn }, at(plan.submittedOn))],
    ['review_opinion', () => recordReviewOpinion(db, reviewer, d.id, {
      reviewedOn: plan.reviewedOn, passed: true,
      competence: plan.level === 'government' ? '属市人民政府职权范围，由本局代拟' : '属本局法定职权范围',
      procedure: '已开展评估论证、公开征求意见，程序合法',
      content: '未违法增加公民、法人和其他组织义务或者减损其权利，未增加本机关权力或者减少本机关法定职责',
      conclusion: plan.level === 'government' ? '建议提交集体审议后报市司法局审查' : '建议提交集体审议',
    }, at(plan.reviewedOn))],
    ['deliberate', () => recordDeliberation(db, reviewer, d.id, { meetingOn: plan.deliberation.on, meetingKind: 'director_office', note: plan.deliberation.note }, at(plan.deliberation.on, '17:00'))],
    ['issue', () => issueDocument(db, leader, d.id, { issuedOn: plan.issue.on, effectiveOn: plan.issue.effectiveOn, documentNumber: plan.issue.documentNumber }, at(plan.issue.on))],
    ['publish', () => publishDocument(db, reviewer, d.id, { publishedOn: plan.publication.on, channel: plan.publication.channel }, at(plan.publication.on))],
    ['file', () => fileDocument(db, reviewer, d.id, { filedOn: plan.filing.on, filedWith: plan.filing.filedWith }, at(plan.filing.on))],
  ];
  for (const [action, run] of sequence) {
    if (nextStep(d) !== action) continue;
    d = must(await run(), `${plan.title} ${action}`) as DocumentView;
    steps++;
  }
  if (!d.filedOn) throw new Error(`demo 2020 governance: ${plan.title} stopped at ${d.status}`);
  return { id: d.id, steps };
}

// ── Meetings ──

const PARTY_GROUP_ON = [
  '2020-01-07', '2020-01-20', '2020-02-10', '2020-02-26', '2020-03-10', '2020-03-24', '2020-04-08', '2020-04-22', '2020-05-14', '2020-05-26', '2020-06-09', '2020-06-23',
  '2020-07-07', '2020-07-21', '2020-08-11', '2020-08-25', '2020-09-08', '2020-09-22', '2020-10-13', '2020-10-27', '2020-11-10', '2020-11-24', '2020-12-15',
];

/** Laws studied before business (学法在前), each from the day it was adopted or published. */
const LAW_TOPICS: { topic: string; fromOn: string }[] = [
  { topic: '《中华人民共和国宪法》', fromOn: '2020-01-01' },
  { topic: '《优化营商环境条例》', fromOn: '2020-01-01' },
  { topic: '《中华人民共和国传染病防治法》', fromOn: '2020-01-01' },
  { topic: '《中华人民共和国环境保护法》', fromOn: '2020-01-01' },
  { topic: '《中华人民共和国大气污染防治法》', fromOn: '2020-01-01' },
  { topic: '《山东省环境保护条例》', fromOn: '2020-01-01' },
  { topic: '《中华人民共和国固体废物污染环境防治法》（2020年修订）', fromOn: '2020-04-29' },
  { topic: '《中华人民共和国民法典》', fromOn: '2020-05-28' },
  { topic: '《中华人民共和国公职人员政务处分法》', fromOn: '2020-06-20' },
  { topic: '《中华人民共和国行政处罚法（修订草案）》', fromOn: '2020-07-03' },
];

const PARTY_GROUP_BUSINESS = [
  '传达学习上级有关会议和文件精神', '研究全面从严治党和党风廉政建设工作', '研究意识形态工作', '研究干部教育培训工作', '研究大气污染防治攻坚工作',
  '研究中央生态环境保护督察反馈问题整改工作', '研究基层党组织建设工作', '研究水污染防治和河长制工作',
];
/** Business that belongs to a month (the epidemic, the year's plan and its summary). */
const PARTY_GROUP_MONTHLY: Record<string, string> = {
  '01': '研究2020年法治政府建设工作要点', '02': '研究疫情防控和企业复工复产期间生态环境保护工作', '03': '研究疫情防控和企业复工复产期间生态环境保护工作',
  '12': '研究2020年工作总结和2021年工作打算',
};

interface DirectorPlan { on: string; items: { kind: 'major_decision' | 'normative_document' | 'other'; title: string; documentTitle?: string }[] }
const DIRECTOR: DirectorPlan[] = [
  { on: '2020-02-18', items: [{ kind: 'major_decision', title: '研究疫情防控期间环评审批和监督执法服务保障措施' }, { kind: 'other', title: '研究2020年法治政府建设工作任务分工' }] },
  { on: '2020-03-31', items: [{ kind: 'major_decision', title: '审议《关于建立“容缺受理·告知承诺”工作制度的通知》' }, { kind: 'other', title: '研究2020年重点排污单位名录' }] },
  { on: '2020-04-14', items: [{ kind: 'major_decision', title: '审议《依法不予行政处罚的轻微环境违法行为目录清单（第一批）》' }, { kind: 'other', title: '研究大气污染防治攻坚工作' }] },
  { on: '2020-05-12', items: [{ kind: 'normative_document', title: `审议《${TITLE_GOVERNMENT}》（送审稿）`, documentTitle: TITLE_GOVERNMENT }, { kind: 'major_decision', title: '研究重污染天气应急预案修订工作' }] },
  { on: '2020-07-28', items: [{ kind: 'normative_document', title: `审议《${TITLE_BUREAU}》`, documentTitle: TITLE_BUREAU }, { kind: 'other', title: '研究上半年重点工作推进情况' }] },
  { on: '2020-09-15', items: [{ kind: 'major_decision', title: '研究2020—2021年秋冬季大气污染综合治理攻坚行动方案' }, { kind: 'other', title: '研究生态环境损害赔偿磋商事项' }] },
  { on: '2020-11-03', items: [{ kind: 'other', title: '研究行政执法案卷评查情况' }, { kind: 'major_decision', title: '研究正面清单企业动态调整' }] },
  { on: '2020-12-22', items: [{ kind: 'other', title: '研究2020年法治政府建设情况报告' }, { kind: 'other', title: '研究2021年重点工作安排' }] },
];

/** 中心组专题学法, one a quarter (the bureau's work plan: 每季度至少1次). */
const STUDY: { on: string; topic: string; materials: string; speaker: string }[] = [
  { on: '2020-03-19', topic: '《中华人民共和国环境保护法》与《优化营商环境条例》', materials: '环境保护法全文、优化营商环境条例全文及释义', speaker: '政策法规科科长' },
  { on: '2020-06-18', topic: '《中华人民共和国民法典》', materials: '民法典总则编、物权编、侵权责任编（环境污染和生态破坏责任）', speaker: '特邀法律顾问' },
  { on: '2020-09-17', topic: '《中华人民共和国固体废物污染环境防治法》（2020年修订）', materials: '新旧条文对照及法律责任一章', speaker: '固体废物与化学品科科长' },
  { on: '2020-11-19', topic: '《中华人民共和国行政处罚法（修订草案）》', materials: '修订草案二次审议稿及说明（首违不罚、证据规则、法制审核）', speaker: '政策法规科科长' },
];

const ATTENDEES = ['党组成员、副局长（3人）', '驻局纪检监察组组长', '办公室主任'];

function lawStudyFor(random: Random, on: string): MeetingInput['lawStudy'] {
  const topics = LAW_TOPICS.filter((t) => t.fromOn <= on);
  const topic = random.pick(topics).topic;
  return { topic, materials: `${topic}有关条文及释义`, speaker: random.pick(['政策法规科科长', '法律顾问', '党组书记、局长']) };
}

function plannedMeetings(leaderId: number, committeeId: number, documentIds: Map<string, number>): MeetingInput[] {
  const random = createRandom(2020_2304);
  const who = { attendeeUserIds: [leaderId, committeeId], attendeeNames: ATTENDEES };
  const out: MeetingInput[] = [];
  PARTY_GROUP_ON.forEach((on, i) => {
    const monthly = PARTY_GROUP_MONTHLY[on.slice(5, 7)];
    const business = [...(monthly ? [monthly] : []), ...[0, 1].map(() => random.pick(PARTY_GROUP_BUSINESS))].filter((t, k, a) => a.indexOf(t) === k);
    const lawStudy = lawStudyFor(random, on);
    out.push({
      kind: 'party_group', title: `2020年第${i + 1}次党组会议`, heldOn: on, ...who,
      agenda: business.map((title) => ({ kind: 'other', ref: null, title })), lawStudy,
      minutes: `会前集体学习了${lawStudy!.topic}。会议${business.join('；')}，形成一致意见，明确责任科室和完成时限。`,
    });
  });
  DIRECTOR.forEach((m, i) => {
    const lawStudy = lawStudyFor(random, m.on);
    out.push({
      kind: 'director', title: `2020年第${i + 1}次局长办公会议`, heldOn: m.on, ...who,
      agenda: m.items.map((a) => ({ kind: a.kind, ref: a.documentTitle ? String(documentIds.get(a.documentTitle) ?? '') || null : null, title: a.title })), lawStudy,
      minutes: `会前学法：${lawStudy!.topic}。会议${m.items.map((a) => a.title).join('；')}。经合法性审核的事项，会议同意按程序办理。`,
    });
  });
  STUDY.forEach((s, i) => {
    out.push({
      kind: 'leadership_study', title: `2020年党组理论学习中心组第${i + 1}次专题学法`, heldOn: s.on, ...who, agenda: [],
      lawStudy: { topic: s.topic, materials: s.materials, speaker: s.speaker },
      minutes: `专题学习${s.topic}，${s.speaker}作辅导，中心组成员交流发言，要求将学法成果运用到依法行政工作中。`,
    });
  });
  return out;
}

// ── Counsel ──

const COUNSELS: CounselInput[] = [
  { name: '常年法律顾问（律师事务所）', kind: 'external', firm: '山东某律师事务所', licenceNo: '13706200010002020', termFromOn: '2020-01-01', termToOn: '2020-12-31' },
  { name: '公职律师（政策法规科）', kind: 'public_lawyer', firm: null, licenceNo: '23706200020002020', termFromOn: '2020-01-01', termToOn: null },
];

type SubjectKind = 'major_decision' | 'normative_document' | 'contract' | 'hearing' | 'other';
interface TaskPlan { counsel: 0 | 1; kind: SubjectKind; ref: string; title: string; assignedOn: string; documentTitle?: string }
const TASKS: TaskPlan[] = [
  { counsel: 1, kind: 'contract', ref: '合同-2020-01', title: '2020年度环境监测服务采购合同', assignedOn: '2020-01-08' },
  { counsel: 0, kind: 'major_decision', ref: '决策-2020-01', title: '疫情防控期间环评审批和监督执法服务保障措施', assignedOn: '2020-02-12' },
  { counsel: 0, kind: 'major_decision', ref: '决策-2020-02', title: '《关于建立“容缺受理·告知承诺”工作制度的通知》合法性审查', assignedOn: '2020-03-25' },
  { counsel: 0, kind: 'major_decision', ref: '决策-2020-03', title: '《依法不予行政处罚的轻微环境违法行为目录清单（第一批）》合法性审查', assignedOn: '2020-04-08' },
  { counsel: 1, kind: 'contract', ref: '合同-2020-02', title: '大气污染源解析技术服务合同', assignedOn: '2020-04-15' },
  { counsel: 0, kind: 'normative_document', ref: '', title: `《${TITLE_GOVERNMENT}》（送审稿）合法性审查`, assignedOn: '2020-04-20', documentTitle: TITLE_GOVERNMENT },
  { counsel: 0, kind: 'major_decision', ref: '决策-2020-04', title: '烟台市重污染天气应急预案（修订）', assignedOn: '2020-05-06' },
  { counsel: 0, kind: 'hearing', ref: '听证-2020-01', title: '行政处罚听证（超标排放大气污染物案）', assignedOn: '2020-05-20' },
  { counsel: 1, kind: 'contract', ref: '合同-2020-03', title: '执法记录仪及移动执法终端采购合同', assignedOn: '2020-06-03' },
  { counsel: 0, kind: 'hearing', ref: '听证-2020-02', title: '行政处罚听证（通过暗管排放水污染物案）', assignedOn: '2020-06-17' },
  { counsel: 1, kind: 'other', ref: '复议-2020-01', title: '行政复议答复书（某公司不服行政处罚决定）', assignedOn: '2020-06-24' },
  { counsel: 0, kind: 'normative_document', ref: '', title: `《${TITLE_BUREAU}》合法性审查`, assignedOn: '2020-07-17', documentTitle: TITLE_BUREAU },
  { counsel: 0, kind: 'hearing', ref: '听证-2020-03', title: '行政处罚听证（未依法取得排污许可证排放大气污染物案）', assignedOn: '2020-07-15' },
  { counsel: 0, kind: 'hearing', ref: '听证-2020-04', title: '行政处罚听证（超标排放水污染物案）', assignedOn: '2020-08-19' },
  { counsel: 0, kind: 'major_decision', ref: '决策-2020-05', title: '生态环境损害赔偿磋商协议', assignedOn: '2020-08-26' },
  { counsel: 1, kind: 'contract', ref: '合同-2020-04', title: '生态环境监测网络运维服务合同', assignedOn: '2020-09-09' },
  { counsel: 1, kind: 'other', ref: '诉讼-2020-01', title: '行政诉讼答辩状（某公司诉行政处罚决定案）', assignedOn: '2020-09-23' },
  { counsel: 0, kind: 'major_decision', ref: '决策-2020-06', title: '2020—2021年秋冬季大气污染综合治理攻坚行动方案', assignedOn: '2020-10-14' },
  { counsel: 0, kind: 'hearing', ref: '听证-2020-05', title: '行政处罚听证（危险废物未按规定设置识别标志案）', assignedOn: '2020-10-21' },
  { counsel: 1, kind: 'contract', ref: '合同-2020-05', title: '2021年度法律顾问服务合同', assignedOn: '2020-11-11' },
  { counsel: 0, kind: 'hearing', ref: '听证-2020-06', title: '行政处罚听证（逃避监管排放大气污染物案）', assignedOn: '2020-11-18' },
  { counsel: 0, kind: 'hearing', ref: '听证-2020-07', title: '行政处罚听证（违反规定设置排污口案）', assignedOn: '2020-12-02' },
  { counsel: 1, kind: 'other', ref: '信息公开-2020-01', title: '政府信息公开申请答复意见', assignedOn: '2020-12-09' },
];

const OPINION: Record<SubjectKind, string> = {
  major_decision: '经审查，该事项符合法定权限和程序，内容不违反法律、法规规定，建议按程序提交集体讨论决定。',
  normative_document: '经审查，制定主体、程序合法，内容未违法增加义务、减损权利，建议按程序审议发布。',
  contract: '经审查，合同主体适格，条款完备，权利义务约定明确，已提出修改意见，修改后可签订。',
  hearing: '参加听证，对案件事实、证据和法律适用发表意见：事实清楚，证据确凿，适用依据正确，程序合法，处罚适当。',
  other: '经审查，答复事实清楚、依据充分、程序合法，建议按修改意见完善后报出。',
};

// ── The generator ──

export interface Governance2020Result { created: number }

/**
 * Generates the bureau's 2020 governance records through the actions of normative-documents, meetings and counsel.
 * Needs the demo users reviewer1 (政策法规科: meetings, counsel, drafts and reviews) and leader (signs the bureau's issue),
 * and committee1 (an attendee); no enterprises. Independent of the enforcement year (seedDemoYear2020). Idempotent.
 */
export async function seedDemoGovernance2020(db: Db, onProgress?: (done: number, total: number) => void): Promise<Governance2020Result> {
  const who = async (u: string) => { const p = await findPrincipalByUsername(db, u); if (!p) throw new Error(`demo user ${u} missing`); return p; };
  const [reviewer, leader, committee] = [await who('reviewer1'), await who('leader'), await who('committee1')];
  const yearEnd = at(`${YEAR}-12-31`, '18:00');
  const total = DOCUMENTS.length + PARTY_GROUP_ON.length + DIRECTOR.length + STUDY.length + TASKS.length;
  let done = 0;
  let created = 0;
  const tick = () => onProgress?.(++done, total);

  // Normative documents first: the meetings' agenda and the counsel's tasks name them.
  const documentIds = new Map<string, number>();
  const listed = must(await documentList(db, reviewer, yearEnd), 'list') as DocumentView[];
  const issued = (await normativeDocumentYearFigures(db, YEAR)).issuedByLevel;
  for (const plan of DOCUMENTS) {
    const existing = listed.find((d) => d.title === plan.title && (d.issuedOn === null || d.issuedOn.startsWith(`${YEAR}-`)));
    if (existing) documentIds.set(plan.title, existing.id);
    // Topped up by level: a 2020 document of the level already issued stands for the seed's one (unless it is this one, unfinished).
    if (!existing && issued[plan.level] >= SEED_2020_GOVERNANCE.normativeDocuments[plan.level]) { tick(); continue; }
    const r = await runDocument(db, reviewer, leader, plan, existing);
    documentIds.set(plan.title, r.id);
    created += r.steps > 0 ? 1 : 0;
    tick();
  }

  // Meetings: by title, topped up to the seed's count of each kind.
  const held = await meetingList(db, YEAR);
  const titles = new Set(held.map((m) => m.title));
  const figures = await meetingYearFigures(db, YEAR, yearEnd);
  const target = { party_group: SEED_2020_GOVERNANCE.partyGroupMeetings, director: SEED_2020_GOVERNANCE.directorMeetings, leadership_study: SEED_2020_GOVERNANCE.leadershipStudy } as const;
  const missing: Record<string, number> = Object.fromEntries(Object.entries(target).map(([k, n]) => [k, Math.max(0, n - figures.byKind[k as keyof typeof target].held)]));
  for (const m of plannedMeetings(leader.id, committee.id, documentIds)) {
    if (!titles.has(m.title) && missing[m.kind]! > 0) {
      must(await recordMeeting(db, reviewer, m, at(m.heldOn, '17:00')), m.title);
      missing[m.kind]! -= 1;
      created++;
    }
    tick();
  }

  // Counsel: the two counsels (by licence number), then the tasks (by title), topped up to the answered count.
  const counsels = await counselList(db);
  const counselIds: number[] = [];
  for (const c of COUNSELS) {
    const found = counsels.find((x) => x.licenceNo === c.licenceNo);
    counselIds.push(found ? found.id : (must(await registerCounsel(db, reviewer, c, at('2020-01-02')), c.name) as { id: number }).id);
  }
  const random = createRandom(2020_0023);
  const tasks = await taskList(db);
  let toAnswer = Math.max(0, SEED_2020_GOVERNANCE.counselTasksAnswered - (await counselYearFigures(db, YEAR)).answered);
  for (const t of TASKS) {
    // Answered two to five days after assignment (the draw is made for every task, so reruns stay deterministic).
    const answeredOn = addDays(t.assignedOn, random.int(2, 5));
    const found = tasks.find((x) => x.subjectTitle === t.title);
    if (toAnswer > 0 && !(found && found.answeredOn)) {
      const id = found ? found.id : (must(await assignTask(db, reviewer, {
        counselId: counselIds[t.counsel]!, subjectKind: t.kind, subjectRef: t.documentTitle ? String(documentIds.get(t.documentTitle) ?? t.documentTitle) : t.ref,
        subjectTitle: t.title, assignedOn: t.assignedOn, dueOn: addDays(t.assignedOn, 7),
      }, at(t.assignedOn)), t.title) as { id: number }).id;
      must(await answerTask(db, reviewer, id, { opinion: OPINION[t.kind], answeredOn }, at(answeredOn, '16:00')), `${t.title} opinion`);
      toAnswer--;
      created++;
    }
    tick();
  }
  return { created };
}
