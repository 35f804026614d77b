// 环评审批 actions: load facts → apply the rule → write and audit in one transaction.
import { eq } from 'drizzle-orm';
import type { Db, DbOrTx } from '../platform/db/index.js';
import { refuse, success, type Refusal, type Result } from '../law/outcome.js';
import { chinaDateOf, daysBetween } from '../law/civil-date.js';
import { addWorkingDays } from '../law/working-days.js';
import type { WorkingCalendar } from '../law/working-days.js';
import { actorOf, appendAudit } from '../platform/audit/log.js';
import { can, inDistrictScope, type Principal } from '../platform/auth/roles.js';
import { formatDocumentNumber } from '../platform/documents/official.js';
import { loadWorkingCalendar } from '../calendar/index.js';
import { loadBureauSettings } from '../settings/index.js';
import { eiaApplications, eiaCorrectionNotices, eiaCreditRecords, eiaPauses } from './tables.js';
import { CATALOGUES, CURRENT_CATALOGUE_VERSION, classifyProject, findCatalogueEntry } from './rules/catalogue.js';
import { checkAcceptance, MATERIALS, materialsFor, missingMaterials } from './rules/materials.js';
import {
  computeDecisionClock, computeIntakeNoticeDueOn, isDeemedAccepted, LICENSING_32_4, STATUTORY_DAYS, type DecisionClock,
} from './rules/clock.js';
import {
  checkApproval, checkCommitmentPath, checkDecision, checkIntake, checkPauseEnd, checkPauseStart, checkRefusal, checkVerification,
  REFUSAL_GROUNDS, type ReviewFacts,
} from './rules/decision.js';
import type { ApplicationKind, EiaCategory, Pause, PauseKind } from './rules/types.js';
import {
  checkApprovalPublicityStart, checkHearingNotice, checkHearingRequest, hearingRequestDueOn, publicityEndsOn,
} from './rules/publicity.js';
import {
  allocateNumber, findApplication, findCreditRecord, findEnterprise, findNotice, listAllPauses, listApplications, listNotices, listPauses, listUnderPublicity,
  type ApplicationRow, type PauseRow,
} from './queries.js';
import { checkSite, checkSiteGeometry, type SiteCheck } from './site-check.js';
import { renderDecisionDocument, renderNoticeDocument } from './document.js';

const CATEGORY_NAME: Record<EiaCategory, string> = { report: '报告书', form: '报告表', registration: '登记表' };

const mayRead = (p: Principal) => can(p, 'licensing.read') || can(p, 'licensing.apply');

/** Enterprise users see only their own enterprise's applications; district staff their district's. */
function inScope(p: Principal, row: Pick<ApplicationRow, 'enterpriseId' | 'districtId'>): boolean {
  if (p.role === 'enterprise_user') return p.enterpriseId !== null && p.enterpriseId === row.enterpriseId;
  return can(p, 'licensing.read') && inDistrictScope(p, row.districtId);
}

const toPause = (p: PauseRow): Pause => ({ kind: p.kind, startOn: p.startOn, endOn: p.endOn, noticeOn: p.noticeOn });
/** What the decision gates read besides the row: today and the bureau's intended-approval publicity period. */
interface FactsContext { todayOn: string; approvalPublicityDays: number }
const factsOf = (row: ApplicationRow, pauses: PauseRow[], c: FactsContext): ReviewFacts => ({
  status: row.status, category: row.category, pauses: pauses.map(toPause), tolerated: row.tolerated,
  siteVerdict: row.siteCheck?.verdict ?? null, commitmentPath: row.commitmentPath, todayOn: c.todayOn,
  publicity: { requiredDays: c.approvalPublicityDays, startOn: row.approvalPublicityStartOn, endsOn: row.approvalPublicityEndsOn },
  // 行政许可法 第四十七条: a project in an environmentally sensitive area is taken to concern neighbours' major interests
  // (our reading; staff may also notify the hearing right on any other application).
  hearing: { required: row.sensitiveArea, noticeOn: row.hearingNoticeOn, requestDueOn: row.hearingRequestDueOn, requestedOn: row.hearingRequestedOn },
});
const contextOf = (env: { settings: { licensing: { approvalPublicityWorkingDays: number } } }, now: Date): FactsContext =>
  ({ todayOn: chinaDateOf(now), approvalPublicityDays: env.settings.licensing.approvalPublicityWorkingDays });
const future = (field: string) => refuse('DATE_IN_FUTURE', undefined, field);

interface Env { cal: WorkingCalendar; promised: { report: number; form: number } }
async function loadEnv(db: DbOrTx): Promise<Env & { settings: Awaited<ReturnType<typeof loadBureauSettings>> }> {
  const settings = await loadBureauSettings(db);
  return { cal: await loadWorkingCalendar(db), promised: settings.licensing.eiaPromisedWorkingDays, settings };
}

/** The clock an application shows: the intake timer while received, the decision clock once accepted. */
function clockOf(env: Env, row: ApplicationRow, pauses: PauseRow[], todayOn: string): { intake: { noticeDueOn: string; deemedAccepted: boolean } | null; decision: DecisionClock | null } {
  const intake = row.status === 'received'
    ? { noticeDueOn: computeIntakeNoticeDueOn(env.cal, row.receivedOn), deemedAccepted: isDeemedAccepted(env.cal, row.receivedOn, todayOn) } : null;
  const decision = row.acceptedOn && row.category !== 'registration'
    ? computeDecisionClock(env.cal, {
      kind: row.kind, category: row.category, acceptedOn: row.acceptedOn, receivedOn: row.receivedOn, pauses: pauses.map(toPause), promised: env.promised,
      decidedOn: row.decidedOn, todayOn,
    }) : null;
  return { intake, decision };
}

export type ActionName = 'accept' | 'notice' | 'resubmit' | 'pause' | 'resume' | 'supply' | 'approve' | 'refuse' | 'verify'
  | 'publicity' | 'hearing-notice' | 'hearing-request';

/** The actions the principal may take now, each with the refusal that blocks it (the UI disables and cites it). */
function actionsOf(p: Principal, row: ApplicationRow, pauses: PauseRow[], c: FactsContext): { name: ActionName; allowed: boolean; refusal?: Refusal }[] {
  const f = factsOf(row, pauses, c);
  const out: { name: ActionName; allowed: boolean; refusal?: Refusal }[] = [];
  const add = (name: ActionName, o: { ok: true } | Refusal) => out.push(o.ok ? { name, allowed: true } : { name, allowed: false, refusal: o });
  if (can(p, 'licensing.manage')) {
    if (row.status === 'received') { add('accept', checkIntake(f)); add('notice', checkIntake(f)); }
    if (row.status === 'accepted') {
      const open = pauses.some((x) => x.endOn === null);
      if (open) add('resume', { ok: true }); else add('pause', { ok: true });
      if (c.approvalPublicityDays > 0 && !row.approvalPublicityStartOn) add('publicity', checkApprovalPublicityStart(f, c.todayOn, row.acceptedOn));
      if (!row.hearingNoticeOn) add('hearing-notice', checkHearingNotice(f, c.todayOn, row.acceptedOn));
    }
    if (row.commitmentPath && row.status === 'approved') add('verify', checkVerification(f));
  }
  if (can(p, 'licensing.manage') || can(p, 'licensing.apply')) {
    if (row.status === 'correction-requested') add('resubmit', { ok: true });
    if (row.tolerated.some((t) => t.suppliedOn === null) && ['accepted', 'approved'].includes(row.status)) add('supply', { ok: true });
    // 行政许可法 第四十七条: the applicant asks for a hearing online, or staff record a request received otherwise.
    if (row.status === 'accepted' && row.hearingNoticeOn && !row.hearingRequestedOn) add('hearing-request', checkHearingRequest(f, c.todayOn));
  }
  if (can(p, 'licensing.decide') && row.status === 'accepted') { add('approve', checkApproval(f)); add('refuse', checkDecision(f)); }
  return out;
}

// ---------- reads ----------

export async function catalogue(db: DbOrTx, principal: Principal) {
  if (!mayRead(principal)) return refuse('FORBIDDEN');
  const s = (await loadBureauSettings(db)).licensing;
  return success({
    catalogue: CATALOGUES[CURRENT_CATALOGUE_VERSION]!, materials: MATERIALS, refusalGrounds: REFUSAL_GROUNDS,
    statutoryDays: STATUTORY_DAYS, promisedWorkingDays: s.eiaPromisedWorkingDays, commitmentCategories: s.commitmentCategories,
  });
}

function scopeOf(p: Principal) {
  if (p.role === 'enterprise_user') return { enterpriseId: p.enterpriseId ?? -1 };
  return p.districtId === null ? {} : { districtId: p.districtId };
}

export async function applicationList(db: DbOrTx, principal: Principal, now: Date) {
  if (!mayRead(principal)) return refuse('FORBIDDEN');
  const env = await loadEnv(db);
  const todayOn = chinaDateOf(now);
  const rows = await listApplications(db, scopeOf(principal));
  const pauses = await listAllPauses(db);
  return success(rows.map(({ application: a, enterpriseName }) => {
    const own = pauses.filter((p) => p.applicationId === a.id);
    return { ...summaryOf(a), enterpriseName, clock: clockOf(env, a, own, todayOn) };
  }));
}

function summaryOf(a: ApplicationRow) {
  return {
    id: a.id, kind: a.kind, projectName: a.projectName, category: a.category, status: a.status, receivedOn: a.receivedOn, acceptedOn: a.acceptedOn,
    decidedOn: a.decidedOn, decision: a.decision, documentNumber: a.documentNumber, siteVerdict: a.siteCheck?.verdict ?? null,
    commitmentPath: a.commitmentPath, districtId: a.districtId, enterpriseId: a.enterpriseId,
  };
}

export async function applicationDetail(db: DbOrTx, principal: Principal, id: number, now: Date) {
  if (!mayRead(principal)) return refuse('FORBIDDEN');
  const row = await findApplication(db, id);
  if (!row || !inScope(principal, row)) return refuse('NOT_FOUND');
  const env = await loadEnv(db);
  const todayOn = chinaDateOf(now);
  const pauses = await listPauses(db, id);
  const enterprise = await findEnterprise(db, row.enterpriseId);
  const entry = findCatalogueEntry(row.catalogueVersion, row.catalogueItem);
  return success({
    ...row, enterpriseName: enterprise?.name ?? '', catalogueEntry: entry,
    materials: materialsFor(row.category).map((m) => ({ ...m, supplied: row.supplied.includes(m.code), tolerated: row.tolerated.find((t) => t.code === m.code) ?? null })),
    pauses, notices: await listNotices(db, id), creditRecord: await findCreditRecord(db, id),
    clock: clockOf(env, row, pauses, todayOn), actions: actionsOf(principal, row, pauses, contextOf(env, now)), todayOn,
  });
}

// ---------- application ----------

export interface ApplicationInput {
  kind: ApplicationKind; enterpriseId?: number | null; projectName: string; siteAddress: string; site: unknown; industryCode: string;
  investmentFen: number; catalogueItem: number; sensitiveArea: boolean; processes: string[]; scale: number | null; category: EiaCategory;
  priorApprovalNumber?: string | null; supplied: string[]; tolerated: { code: string; commitment: string; supplyByOn: string }[];
  commitmentPath: boolean;
}

/** Online application (只跑一次) by an enterprise user for its own enterprise, or by licensing staff on its behalf. */
export async function submitApplication(db: Db, principal: Principal, input: ApplicationInput, now: Date) {
  const staff = can(principal, 'licensing.manage');
  if (!staff && !can(principal, 'licensing.apply')) return refuse('FORBIDDEN');
  const enterpriseId = staff ? input.enterpriseId ?? null : principal.enterpriseId;
  if (!enterpriseId) return refuse('ENTERPRISE_REQUIRED', undefined, 'enterpriseId');
  if (!staff && input.enterpriseId && input.enterpriseId !== principal.enterpriseId) return refuse('NOT_FOUND');
  const todayOn = chinaDateOf(now);
  const env = await loadEnv(db);
  const enterprise = await findEnterprise(db, enterpriseId);
  if (!enterprise) return refuse('ENTERPRISE_UNKNOWN', undefined, 'enterpriseId');
  const site = checkSiteGeometry(input.site);
  if ('code' in site) return refuse('EIA_SITE_INVALID', undefined, 'site');
  const entry = findCatalogueEntry(CURRENT_CATALOGUE_VERSION, input.catalogueItem);
  if (!entry) return refuse('EIA_CATALOGUE_ITEM_UNKNOWN', undefined, 'catalogueItem');
  // 名录 第五条: the tier follows from the row and the project's traits; the applicant's stated tier must match it.
  const category = classifyProject(entry, { sensitiveArea: input.sensitiveArea, processes: input.processes, scale: input.scale });
  if (category !== input.category) return refuse('EIA_CATEGORY_MISMATCH', undefined, 'category', { expected: category ?? '-' });
  if ((input.kind === 'major-change' || input.kind === 'recheck') && !input.priorApprovalNumber?.trim()) return refuse('EIA_PRIOR_APPROVAL_REQUIRED', undefined, 'priorApprovalNumber');
  if (input.kind === 'recheck' && category === 'registration') return refuse('EIA_REGISTRATION_NOT_APPROVED', undefined, 'kind');
  if (input.commitmentPath) {
    const c = checkCommitmentPath(category, env.settings.licensing.commitmentCategories);
    if (!c.ok) return c;
  }
  const known = new Set(materialsFor(category).map((m) => m.code));
  const unknown = input.supplied.findIndex((c) => !known.has(c));
  if (unknown >= 0) return refuse('EIA_MATERIAL_UNKNOWN', undefined, `supplied.${unknown}`);
  const badDate = input.tolerated.findIndex((t) => t.supplyByOn <= todayOn);
  if (badDate >= 0) return refuse('EIA_SUPPLY_BY_INVALID', undefined, `tolerated.${badDate}.supplyByOn`);
  // 三线一单: the site check runs at intake and is stored with the application as it was.
  const siteCheck: SiteCheck = await checkSite(db, site, input.industryCode);
  const registration = category === 'registration';
  return db.transaction(async (tx) => {
    const [row] = await tx.insert(eiaApplications).values({
      kind: input.kind, enterpriseId, districtId: enterprise.districtId, projectName: input.projectName, site, siteAddress: input.siteAddress,
      industryCode: input.industryCode, investmentFen: input.investmentFen, catalogueVersion: CURRENT_CATALOGUE_VERSION, catalogueItem: entry.item,
      category, sensitiveArea: input.sensitiveArea, priorApprovalNumber: input.priorApprovalNumber?.trim() || null, supplied: input.supplied,
      tolerated: input.tolerated.map((t) => ({ ...t, suppliedOn: null })), commitmentPath: input.commitmentPath,
      // 建设项目环境保护管理条例 第九条 / 环境影响评价法 第二十二条: a 登记表 is filed online with an immediate receipt, not approved.
      status: registration ? 'filed' : 'received', receivedOn: todayOn, siteCheck,
      ...(registration ? { decision: 'filing' as const, decidedOn: todayOn } : {}),
      createdById: principal.id, createdAt: now, updatedAt: now,
    }).returning();
    await appendAudit(tx, actorOf(principal), { action: registration ? 'eia.registration.file' : 'eia.application.submit', entity: 'eia_application', entityId: row!.id, after: { ...summaryOf(row!), siteCheck: siteCheck.verdict } }, now);
    return success({ ...row!, receipt: registration ? { filedOn: todayOn, reference: `登记表备案回执 ${todayOn.slice(0, 4)}-${String(row!.id).padStart(6, '0')}` } : null });
  });
}

/** Loads the application under its row lock, within the principal's scope. */
async function locked(tx: DbOrTx, principal: Principal, id: number) {
  const row = await findApplication(tx, id, true);
  if (!row || !inScope(principal, row)) return null;
  return { row, pauses: await listPauses(tx, id) };
}

async function update(tx: DbOrTx, id: number, set: Partial<typeof eiaApplications.$inferInsert>, now: Date) {
  const [row] = await tx.update(eiaApplications).set({ ...set, updatedAt: now }).where(eq(eiaApplications.id, id)).returning();
  return row!;
}

/**
 * 受理: complete (tolerated items aside) → accepted today; past the 5 working days without a notice the
 * application counts as accepted from the day of receipt (行政许可法 第三十二条).
 */
export async function acceptApplication(db: Db, principal: Principal, id: number, input: { tolerated?: { code: string; commitment: string; supplyByOn: string }[] }, now: Date) {
  if (!can(principal, 'licensing.manage')) return refuse('FORBIDDEN');
  const todayOn = chinaDateOf(now);
  const env = await loadEnv(db);
  return db.transaction(async (tx) => {
    const found = await locked(tx, principal, id);
    if (!found) return refuse('NOT_FOUND');
    const { row } = found;
    const intake = checkIntake(row);
    if (!intake.ok) return intake;
    const tolerated = input.tolerated ?? row.tolerated.map(({ code, commitment, supplyByOn }) => ({ code, commitment, supplyByOn }));
    const checked = checkAcceptance({ category: row.category, supplied: row.supplied, tolerated }, todayOn);
    if (!checked.ok) return checked;
    // 行政许可法 第三十二条: no notice within 5 working days → accepted from the day of receipt.
    const deemed = isDeemedAccepted(env.cal, row.receivedOn, todayOn);
    const acceptedOn = deemed ? row.receivedOn : todayOn;
    const publicityDays = env.settings.licensing.acceptancePublicityWorkingDays;
    const updated = await update(tx, id, {
      status: 'accepted', acceptedOn, deemedAccepted: deemed, tolerated: tolerated.map((t) => ({ ...t, suppliedOn: null })),
      // 受理公示 (环境影响评价公众参与办法 第二十四条, unconfirmed) from today for the bureau's period.
      acceptancePublicityEndsOn: publicityEndsOn(env.cal, todayOn, publicityDays),
    }, now);
    await appendAudit(tx, actorOf(principal), {
      action: 'eia.application.accept', entity: 'eia_application', entityId: id, before: { status: row.status },
      after: { status: 'accepted', acceptedOn, deemedAccepted: deemed, tolerated: tolerated.map((t) => t.code) },
    }, now);
    return success(updated);
  });
}

/** 行政许可法 第三十二条: ONE notice listing everything missing, within 5 working days of receipt, numbered. */
export async function issueCorrectionNotice(db: Db, principal: Principal, id: number, now: Date) {
  if (!can(principal, 'licensing.manage')) return refuse('FORBIDDEN');
  const todayOn = chinaDateOf(now);
  const env = await loadEnv(db);
  return db.transaction(async (tx) => {
    const found = await locked(tx, principal, id);
    if (!found) return refuse('NOT_FOUND');
    const { row } = found;
    const intake = checkIntake(row);
    if (!intake.ok) return intake;
    if (isDeemedAccepted(env.cal, row.receivedOn, todayOn)) return refuse('EIA_NOTICE_PERIOD_PASSED', LICENSING_32_4);
    const missing = missingMaterials({ category: row.category, supplied: row.supplied, tolerated: row.tolerated });
    if (!missing.length) return refuse('EIA_MATERIALS_COMPLETE');
    const year = Number(todayOn.slice(0, 4));
    const prefix = env.settings.documentPrefixes['licensing-correction-notice'];
    const number = formatDocumentNumber({ prefix, year, seq: await allocateNumber(tx, prefix, year) });
    const [notice] = await tx.insert(eiaCorrectionNotices).values({
      applicationId: id, receivedOn: row.receivedOn, number, missing: missing.map(({ code, name }) => ({ code, name })), issuedOn: todayOn, issuedById: principal.id, createdAt: now,
    }).returning();
    await update(tx, id, { status: 'correction-requested' }, now);
    await appendAudit(tx, actorOf(principal), { action: 'eia.application.correction-notice', entity: 'eia_application', entityId: id, before: { status: row.status }, after: { status: 'correction-requested', notice: number, missing: missing.map((m) => m.code) } }, now);
    return success(notice!);
  });
}

/** The applicant supplies what the notice listed: a new receipt, a new 5-working-day intake period. */
export async function resubmitApplication(db: Db, principal: Principal, id: number, input: { supplied: string[]; tolerated: { code: string; commitment: string; supplyByOn: string }[] }, now: Date) {
  if (!can(principal, 'licensing.manage') && !can(principal, 'licensing.apply')) return refuse('FORBIDDEN');
  const todayOn = chinaDateOf(now);
  return db.transaction(async (tx) => {
    const found = await locked(tx, principal, id);
    if (!found) return refuse('NOT_FOUND');
    const { row } = found;
    if (row.status !== 'correction-requested') return refuse('EIA_NOT_AWAITING_CORRECTION');
    const known = new Set(materialsFor(row.category).map((m) => m.code));
    const unknown = input.supplied.findIndex((c) => !known.has(c));
    if (unknown >= 0) return refuse('EIA_MATERIAL_UNKNOWN', undefined, `supplied.${unknown}`);
    const updated = await update(tx, id, { status: 'received', receivedOn: todayOn, supplied: input.supplied, tolerated: input.tolerated.map((t) => ({ ...t, suppliedOn: null })) }, now);
    await appendAudit(tx, actorOf(principal), { action: 'eia.application.resubmit', entity: 'eia_application', entityId: id, before: { status: row.status, receivedOn: row.receivedOn }, after: { status: 'received', receivedOn: todayOn, supplied: input.supplied } }, now);
    return success(updated);
  });
}

/** A tolerated (容缺) item supplied as promised. */
export async function supplyTolerated(db: Db, principal: Principal, id: number, input: { code: string; suppliedOn: string }, now: Date) {
  if (!can(principal, 'licensing.manage') && !can(principal, 'licensing.apply')) return refuse('FORBIDDEN');
  if (input.suppliedOn > chinaDateOf(now)) return future('suppliedOn');
  return db.transaction(async (tx) => {
    const found = await locked(tx, principal, id);
    if (!found) return refuse('NOT_FOUND');
    const { row } = found;
    const item = row.tolerated.find((t) => t.code === input.code);
    if (!item) return refuse('EIA_TOLERATED_ITEM_UNKNOWN', undefined, 'code');
    if (item.suppliedOn) return refuse('EIA_TOLERATED_ITEM_SUPPLIED');
    if (!row.acceptedOn || input.suppliedOn < row.acceptedOn) return refuse('DATE_BEFORE_PREVIOUS_STEP', undefined, 'suppliedOn');
    const tolerated = row.tolerated.map((t) => (t.code === input.code ? { ...t, suppliedOn: input.suppliedOn } : t));
    const updated = await update(tx, id, { tolerated, supplied: [...new Set([...row.supplied, input.code])] }, now);
    await appendAudit(tx, actorOf(principal), { action: 'eia.tolerated.supply', entity: 'eia_application', entityId: id, after: { code: input.code, suppliedOn: input.suppliedOn, lateAgainst: item.supplyByOn < input.suppliedOn ? item.supplyByOn : null } }, now);
    return success(updated);
  });
}

/** 行政许可法 第四十五条: a period not counted starts, with the date of the written notice to the applicant. */
export async function startPause(db: Db, principal: Principal, id: number, input: { kind: PauseKind; startOn: string; noticeOn: string; note?: string | null }, now: Date) {
  if (!can(principal, 'licensing.manage')) return refuse('FORBIDDEN');
  const todayOn = chinaDateOf(now);
  if (input.startOn > todayOn) return future('startOn');
  if (input.noticeOn > todayOn) return future('noticeOn');
  return db.transaction(async (tx) => {
    const found = await locked(tx, principal, id);
    if (!found) return refuse('NOT_FOUND');
    const checked = checkPauseStart(factsOf(found.row, found.pauses, { todayOn, approvalPublicityDays: 0 }), input, found.row.acceptedOn);
    if (!checked.ok) return checked;
    const [pause] = await tx.insert(eiaPauses).values({ applicationId: id, kind: input.kind, startOn: input.startOn, noticeOn: input.noticeOn, note: input.note ?? null, createdById: principal.id, createdAt: now }).returning();
    await appendAudit(tx, actorOf(principal), { action: 'eia.pause.start', entity: 'eia_application', entityId: id, after: { pause } }, now);
    return success(pause!);
  });
}

export async function endPause(db: Db, principal: Principal, id: number, input: { endOn: string }, now: Date) {
  if (!can(principal, 'licensing.manage')) return refuse('FORBIDDEN');
  if (input.endOn > chinaDateOf(now)) return future('endOn');
  return db.transaction(async (tx) => {
    const found = await locked(tx, principal, id);
    if (!found) return refuse('NOT_FOUND');
    const checked = checkPauseEnd({ pauses: found.pauses.map(toPause) }, input.endOn);
    if (!checked.ok) return checked;
    const open = found.pauses.find((p) => p.endOn === null)!;
    const [pause] = await tx.update(eiaPauses).set({ endOn: input.endOn }).where(eq(eiaPauses.id, open.id)).returning();
    await appendAudit(tx, actorOf(principal), { action: 'eia.pause.end', entity: 'eia_application', entityId: id, before: { pauseId: open.id, endOn: null }, after: { endOn: input.endOn } }, now);
    return success(pause!);
  });
}

export interface DecisionInput { decision: 'approval' | 'refusal'; grounds: string[]; text: string }

/** The leader's 批复 or 不予批准决定 (建设项目环境保护管理条例 第十一条), numbered per series. */
export async function decideApplication(db: Db, principal: Principal, id: number, input: DecisionInput, now: Date) {
  if (!can(principal, 'licensing.decide')) return refuse('FORBIDDEN');
  const todayOn = chinaDateOf(now);
  const env = await loadEnv(db);
  return db.transaction(async (tx) => {
    const found = await locked(tx, principal, id);
    if (!found) return refuse('NOT_FOUND');
    const { row, pauses } = found;
    const facts = factsOf(row, pauses, contextOf(env, now));
    const checked = input.decision === 'approval' ? checkApproval(facts) : checkRefusal(facts, input.grounds);
    if (!checked.ok) return checked;
    if (row.acceptedOn && todayOn < row.acceptedOn) return refuse('DATE_BEFORE_PREVIOUS_STEP', undefined, 'decidedOn');
    const series = input.decision === 'approval' ? 'eia-approval' : 'eia-refusal';
    const prefix = env.settings.documentPrefixes[series];
    const year = Number(todayOn.slice(0, 4));
    const documentNumber = formatDocumentNumber({ prefix, year, seq: await allocateNumber(tx, prefix, year) });
    const commitment = input.decision === 'approval' && row.commitmentPath;
    const updated = await update(tx, id, {
      status: input.decision === 'approval' ? 'approved' : 'refused', decision: input.decision, decidedOn: todayOn, decidedById: principal.id,
      decisionGrounds: input.decision === 'refusal' ? input.grounds : null, decisionText: input.text, documentNumber,
      // 告知承诺: the verification task is due a set number of working days after the approval.
      verificationDueOn: commitment ? addWorkingDays(env.cal, todayOn, env.settings.licensing.commitmentVerificationWorkingDays).value : null,
    }, now);
    await appendAudit(tx, actorOf(principal), { action: `eia.application.${input.decision}`, entity: 'eia_application', entityId: id, before: { status: row.status }, after: { status: updated.status, documentNumber, grounds: updated.decisionGrounds } }, now);
    return success(updated);
  });
}

/** 告知承诺: the verification after approval; a false commitment revokes the approval and is kept as a credit record. */
export async function verifyCommitment(db: Db, principal: Principal, id: number, input: { outcome: 'confirmed' | 'false'; reason: string; verifiedOn: string }, now: Date) {
  if (!can(principal, 'licensing.manage')) return refuse('FORBIDDEN');
  if (input.verifiedOn > chinaDateOf(now)) return future('verifiedOn');
  return db.transaction(async (tx) => {
    const found = await locked(tx, principal, id);
    if (!found) return refuse('NOT_FOUND');
    const { row } = found;
    const checked = checkVerification(row);
    if (!checked.ok) return checked;
    if (row.decidedOn && input.verifiedOn < row.decidedOn) return refuse('DATE_BEFORE_PREVIOUS_STEP', undefined, 'verifiedOn');
    const revoked = input.outcome === 'false';
    const updated = await update(tx, id, revoked ? { status: 'revoked', verifiedOn: input.verifiedOn, revokedOn: input.verifiedOn } : { status: 'verified', verifiedOn: input.verifiedOn }, now);
    if (revoked) {
      await tx.insert(eiaCreditRecords).values({ enterpriseId: row.enterpriseId, applicationId: id, reason: input.reason, recordedOn: input.verifiedOn, recordedById: principal.id, createdAt: now });
    }
    await appendAudit(tx, actorOf(principal), { action: revoked ? 'eia.commitment.revoke' : 'eia.commitment.verify', entity: 'eia_application', entityId: id, before: { status: row.status }, after: { status: updated.status }, reason: input.reason }, now);
    return success(updated);
  });
}

// ---------- publicity and hearing ----------

/**
 * 拟批准公示: the intended approval is published from `startOn` for the bureau's period (环境影响评价公众参与办法
 * 第二十五条, unconfirmed); the leader's approval waits until it has run.
 */
export async function startApprovalPublicity(db: Db, principal: Principal, id: number, input: { startOn: string }, now: Date) {
  if (!can(principal, 'licensing.manage')) return refuse('FORBIDDEN');
  const env = await loadEnv(db);
  const c = contextOf(env, now);
  if (input.startOn > c.todayOn) return future('startOn');
  return db.transaction(async (tx) => {
    const found = await locked(tx, principal, id);
    if (!found) return refuse('NOT_FOUND');
    const { row, pauses } = found;
    const checked = checkApprovalPublicityStart(factsOf(row, pauses, c), input.startOn, row.acceptedOn);
    if (!checked.ok) return checked;
    const endsOn = publicityEndsOn(env.cal, input.startOn, c.approvalPublicityDays)!;
    const updated = await update(tx, id, { approvalPublicityStartOn: input.startOn, approvalPublicityEndsOn: endsOn }, now);
    await appendAudit(tx, actorOf(principal), { action: 'eia.publicity.start', entity: 'eia_application', entityId: id, before: { approvalPublicityStartOn: null }, after: { approvalPublicityStartOn: input.startOn, approvalPublicityEndsOn: endsOn, workingDays: c.approvalPublicityDays } }, now);
    return success(updated);
  });
}

/** 行政许可法 第四十七条: the applicant and interested parties are told of their right to ask for a hearing (dated). */
export async function recordHearingNotice(db: Db, principal: Principal, id: number, input: { noticeOn: string }, now: Date) {
  if (!can(principal, 'licensing.manage')) return refuse('FORBIDDEN');
  const env = await loadEnv(db);
  const c = contextOf(env, now);
  if (input.noticeOn > c.todayOn) return future('noticeOn');
  return db.transaction(async (tx) => {
    const found = await locked(tx, principal, id);
    if (!found) return refuse('NOT_FOUND');
    const { row, pauses } = found;
    const checked = checkHearingNotice(factsOf(row, pauses, c), input.noticeOn, row.acceptedOn);
    if (!checked.ok) return checked;
    // 行政许可法 第四十七条 + 第八十二条: 5 working days to ask for a hearing.
    const dueOn = hearingRequestDueOn(env.cal, input.noticeOn);
    const updated = await update(tx, id, { hearingNoticeOn: input.noticeOn, hearingRequestDueOn: dueOn }, now);
    await appendAudit(tx, actorOf(principal), { action: 'eia.hearing.notice', entity: 'eia_application', entityId: id, before: { hearingNoticeOn: null }, after: { hearingNoticeOn: input.noticeOn, hearingRequestDueOn: dueOn } }, now);
    return success(updated);
  });
}

/** 行政许可法 第四十七条: a hearing request within the 5 days (recorded by staff, or by the applicant online). */
export async function recordHearingRequest(db: Db, principal: Principal, id: number, input: { requestedOn: string }, now: Date) {
  if (!can(principal, 'licensing.manage') && !can(principal, 'licensing.apply')) return refuse('FORBIDDEN');
  const env = await loadEnv(db);
  const c = contextOf(env, now);
  if (input.requestedOn > c.todayOn) return future('requestedOn');
  return db.transaction(async (tx) => {
    const found = await locked(tx, principal, id);
    if (!found) return refuse('NOT_FOUND');
    const { row, pauses } = found;
    const checked = checkHearingRequest(factsOf(row, pauses, c), input.requestedOn);
    if (!checked.ok) return checked;
    const updated = await update(tx, id, { hearingRequestedOn: input.requestedOn }, now);
    await appendAudit(tx, actorOf(principal), { action: 'eia.hearing.request', entity: 'eia_application', entityId: id, before: { hearingRequestedOn: null }, after: { hearingRequestedOn: input.requestedOn } }, now);
    return success(updated);
  });
}

/**
 * The public notice board (no login): applications under acceptance publicity (受理公示) or intended-approval
 * publicity (拟批准公示) today — project, builder, site address, category, the period. Nothing else is shown.
 */
export async function publicityList(db: DbOrTx, now: Date) {
  const todayOn = chinaDateOf(now);
  const rows = await listUnderPublicity(db, todayOn);
  // An intended approval withdrawn by a refusal is no longer shown.
  return success(rows.filter(({ application: a }) => !['refused', 'revoked'].includes(a.status)).map(({ application: a, enterpriseName }) => {
    const approval = a.approvalPublicityStartOn && a.approvalPublicityEndsOn && a.approvalPublicityStartOn <= todayOn && todayOn <= a.approvalPublicityEndsOn;
    return {
      id: a.id, stage: approval ? 'intended-approval' as const : 'acceptance' as const, projectName: a.projectName, builder: enterpriseName,
      siteAddress: a.siteAddress, category: a.category, categoryName: CATEGORY_NAME[a.category],
      startOn: approval ? a.approvalPublicityStartOn! : a.acceptedOn!, endsOn: approval ? a.approvalPublicityEndsOn! : a.acceptancePublicityEndsOn!,
    };
  }));
}

// ---------- documents ----------

export async function decisionDocument(db: DbOrTx, principal: Principal, id: number): Promise<Result<{ fileName: string; body: Buffer }>> {
  if (!mayRead(principal)) return refuse('FORBIDDEN');
  const row = await findApplication(db, id);
  if (!row || !inScope(principal, row)) return refuse('NOT_FOUND');
  if (!row.documentNumber || (row.decision !== 'approval' && row.decision !== 'refusal')) return refuse('EIA_NOT_DECIDED');
  const settings = await loadBureauSettings(db);
  const enterprise = await findEnterprise(db, row.enterpriseId);
  const sc = row.siteCheck;
  const siteCheckSummary = !sc ? '未进行比对。'
    : `${sc.units.map((u) => `${u.name}（${u.code}）`).join('、') || '不在任何环境管控单元内'}；结论：${{ allowed: '符合', restricted: '限制类，按准入条件审查', prohibited: '禁止类', 'outside-all-units': '不在管控单元内' }[sc.verdict]}。${sc.reasons.map((r) => r.text).join('；')}`;
  const body = await renderDecisionDocument({
    authority: settings.bureau.name, number: row.documentNumber, decidedOn: row.decidedOn!, enterpriseName: enterprise?.name ?? '',
    projectName: row.projectName, siteAddress: row.siteAddress, categoryName: CATEGORY_NAME[row.category], receivedOn: row.receivedOn,
    acceptedOn: row.acceptedOn ?? row.receivedOn, decision: row.decision, text: row.decisionText ?? '',
    grounds: REFUSAL_GROUNDS.filter((g) => row.decisionGrounds?.includes(g.code)), siteCheckSummary,
    remedies: settings.remedies, commitment: row.verificationDueOn ? { verificationDueOn: row.verificationDueOn } : null,
  });
  return success({ fileName: `${row.decision === 'approval' ? '批复' : '不予批准决定书'}-${row.documentNumber}.docx`, body });
}

export async function noticeDocument(db: DbOrTx, principal: Principal, id: number, noticeId: number): Promise<Result<{ fileName: string; body: Buffer }>> {
  if (!mayRead(principal)) return refuse('FORBIDDEN');
  const row = await findApplication(db, id);
  if (!row || !inScope(principal, row)) return refuse('NOT_FOUND');
  const notice = await findNotice(db, id, noticeId);
  if (!notice) return refuse('NOT_FOUND');
  const settings = await loadBureauSettings(db);
  const enterprise = await findEnterprise(db, row.enterpriseId);
  const body = await renderNoticeDocument({
    authority: settings.bureau.name, number: notice.number, issuedOn: notice.issuedOn, enterpriseName: enterprise?.name ?? '',
    projectName: row.projectName, receivedOn: notice.receivedOn, missing: notice.missing,
  });
  return success({ fileName: `补正告知书-${notice.number}.docx`, body });
}

// ---------- board ----------

/** Every application with its clock; due-soon and overdue; average handling days per category vs statutory and promised. */
export async function eiaBoard(db: DbOrTx, principal: Principal, now: Date) {
  if (!can(principal, 'licensing.read')) return refuse('FORBIDDEN');
  const list = await applicationList(db, principal, now);
  if (!list.ok) return list;
  const items = list.value;
  const env = await loadEnv(db);
  const averages = (['report', 'form'] as const).map((category) => {
    const decided = items.filter((i) => i.category === category && i.clock.decision?.state === 'decided');
    const working = decided.map((i) => i.clock.decision!.workingDaysUsed);
    const calendar = decided.map((i) => daysBetween(i.acceptedOn!, i.decidedOn!) - i.clock.decision!.pausedDays);
    const avg = (xs: number[]) => (xs.length ? Math.round((xs.reduce((a, b) => a + b, 0) / xs.length) * 10) / 10 : null);
    return { category, decided: decided.length, averageWorkingDays: avg(working), averageCalendarDays: avg(calendar), statutoryDays: STATUTORY_DAYS[category], promisedWorkingDays: env.promised[category] };
  });
  const open = items.filter((i) => i.clock.decision && i.clock.decision.state !== 'decided');
  return success({
    items,
    dueSoon: open.filter((i) => i.clock.decision!.state === 'due-soon').map((i) => i.id),
    overdue: open.filter((i) => i.clock.decision!.state === 'overdue').map((i) => i.id),
    awaitingIntake: items.filter((i) => i.clock.intake).map((i) => ({ id: i.id, ...i.clock.intake! })),
    averages,
  });
}

