// 排污许可 actions: load facts → apply the rule → write and audit in one transaction.
import { eq } from 'drizzle-orm';
import type { Db, DbOrTx } from '../platform/db/index.js';
import { refuse, success, type Refusal, type Result } from '../law/outcome.js';
import { addDays, chinaDateOf } from '../law/civil-date.js';
import { actorOf, appendAudit } from '../platform/audit/log.js';
import { can, type Principal } from '../platform/auth/roles.js';
import { loadWorkingCalendar } from '../calendar/index.js';
import { permitApplications, permitLimits, permitOutfalls, permitReports, permits, type ProposedOutfall } from './tables.js';
import {
  checkAcceptance, checkChange, checkDecision, checkIncompleteNotice, checkPermitNumber, checkRenewal, checkReport, computeDecisionDueOn,
  computeNoticeDueOn, computeRenewalDueOn, computeReportPeriods, computeValidTo, defaultReportKinds, isChangeLate, isDecisionOverdue,
  isDeemedAccepted, isPermitClass, isRenewalLate, isValidOn, renewalState, reportState, PDRA_24, checkPermitEnd, END_GROUNDS, type EndAction,
  type ApplicationFacts, type ApplicationKind, type ManagementClass, type PermitFacts, type ReportKind,
} from './rules.js';
import {
  findApplication, findPermit, findScopedEnterprise, listApplications, listEnterpriseOutfalls, listPermitOutfalls, listPermits, listReports,
  openApplicationsOf, permitsOfEnterprise, type ApplicationRow, type PermitRow,
} from './queries.js';

const mayRead = (p: Principal) => can(p, 'licensing.read') || can(p, 'licensing.apply');
/** An enterprise applies and reports for itself (scope does the rest); licensing staff on its behalf. */
const mayApply = (p: Principal) => can(p, 'licensing.apply') || can(p, 'licensing.manage');

const factsOfPermit = (p: PermitRow): PermitFacts => ({ managementClass: p.managementClass, status: p.status, validFromOn: p.validFrom, validToOn: p.validTo });
const factsOfApplication = (a: ApplicationRow): ApplicationFacts => ({
  status: a.status, receivedOn: a.receivedOn, noticeDueOn: a.noticeDueOn, noticedOn: a.noticedOn, supplementedOn: null, acceptedOn: a.acceptedOn, decisionDueOn: a.decisionDueOn,
});

/** The outfalls named belong to the enterprise, each once. */
async function checkOutfalls(tx: DbOrTx, enterpriseId: number, list: ProposedOutfall[], field: string): Promise<Refusal | null> {
  const own = new Map((await listEnterpriseOutfalls(tx, enterpriseId)).map((o) => [o.id, o]));
  const seen = new Set<number>();
  for (const [i, o] of list.entries()) {
    if (!own.has(o.outfallId) || seen.has(o.outfallId)) return refuse('OUTFALL_NOT_OF_ENTERPRISE', undefined, `${field}.${i}.outfallId`);
    seen.add(o.outfallId);
    const pollutants = new Set<string>();
    for (const [j, l] of o.limits.entries()) {
      const key = `${l.pollutant}|${l.period}`;
      if (pollutants.has(key)) return refuse('PERMIT_LIMIT_DUPLICATE', undefined, `${field}.${i}.limits.${j}.pollutant`);
      pollutants.add(key);
      if (l.concentration === null && l.annualTotal === null) return refuse('PERMIT_LIMIT_EMPTY', undefined, `${field}.${i}.limits.${j}`);
      if ((l.concentration === null) !== (l.concentrationUnit === null)) return refuse('PERMIT_LIMIT_UNIT_REQUIRED', undefined, `${field}.${i}.limits.${j}.concentrationUnit`);
      if ((l.annualTotal === null) !== (l.annualTotalUnit === null)) return refuse('PERMIT_LIMIT_UNIT_REQUIRED', undefined, `${field}.${i}.limits.${j}.annualTotalUnit`);
    }
  }
  return null;
}

async function insertOutfalls(tx: DbOrTx, enterpriseId: number, permitId: number, list: ProposedOutfall[]) {
  const own = new Map((await listEnterpriseOutfalls(tx, enterpriseId)).map((o) => [o.id, o]));
  for (const o of list) {
    const e = own.get(o.outfallId)!;
    const [po] = await tx.insert(permitOutfalls).values({ permitId, outfallId: o.outfallId, code: e.code, kind: e.kind, location: o.location }).returning();
    if (o.limits.length) await tx.insert(permitLimits).values(o.limits.map((l) => ({ ...l, permitOutfallId: po!.id })));
  }
}

export interface PermitInput {
  enterpriseId: number; managementClass: ManagementClass; number: string; issuedOn: string; validFrom: string;
  outfalls: ProposedOutfall[]; reportKinds?: ReportKind[]; reason?: string | null;
}

/** Records a permit issued earlier (on paper or the national platform) or files a registration (登记, 第二十四条). */
export async function recordPermit(db: Db, principal: Principal, input: PermitInput, now: Date): Promise<Result<PermitRow>> {
  if (!can(principal, 'licensing.manage')) return refuse('FORBIDDEN');
  const todayOn = chinaDateOf(now);
  if (input.issuedOn > todayOn) return refuse('DATE_IN_FUTURE', undefined, 'issuedOn');
  if (input.validFrom < input.issuedOn) return refuse('DATE_BEFORE_PREVIOUS_STEP', undefined, 'validFrom');
  return db.transaction(async (tx) => {
    const enterprise = await findScopedEnterprise(tx, principal, input.enterpriseId);
    if (!enterprise) return refuse('ENTERPRISE_UNKNOWN', undefined, 'enterpriseId');
    const numbered = checkPermitNumber(input.number, enterprise.creditCode);
    if (!numbered.ok) return numbered;
    const bad = await checkOutfalls(tx, input.enterpriseId, input.outfalls, 'outfalls');
    if (bad) return bad;
    // 第十四条第一款: 5 years; a registration has no validity in the 条例 (its own period: unconfirmed).
    const validTo = isPermitClass(input.managementClass) ? computeValidTo(input.validFrom) : null;
    const [row] = await tx.insert(permits).values({
      enterpriseId: input.enterpriseId, managementClass: input.managementClass, number: input.number, issuedOn: input.issuedOn, validFrom: input.validFrom,
      validTo, status: 'active', reportKinds: input.reportKinds ?? defaultReportKinds(input.managementClass), createdAt: now, updatedAt: now,
    }).onConflictDoNothing().returning();
    if (!row) return refuse('PERMIT_NUMBER_TAKEN', undefined, 'number');
    await insertOutfalls(tx, input.enterpriseId, row.id, input.outfalls);
    await appendAudit(tx, actorOf(principal), { action: 'permit.record', entity: 'permit', entityId: row.id, after: { ...row, outfalls: input.outfalls }, reason: input.reason ?? null }, now);
    return success(row);
  });
}

export interface ApplicationInput {
  enterpriseId: number; kind: ApplicationKind; managementClass: ManagementClass; permitId?: number | null; receivedOn?: string;
  onSiteCheck?: boolean; changeSummary?: string | null; changedOn?: string | null; proposedNumber?: string | null; outfalls?: ProposedOutfall[];
}

/** An application received: the 3-day notice clock starts (第九条(四)); renewal and change are checked against the permit. */
export async function submitApplication(db: Db, principal: Principal, input: ApplicationInput, now: Date): Promise<Result<ApplicationRow>> {
  if (!mayApply(principal)) return refuse('FORBIDDEN');
  const todayOn = chinaDateOf(now);
  // The enterprise's own submission is received today; staff may enter one received earlier (by letter, 第七条).
  const receivedOn = can(principal, 'licensing.manage') && input.receivedOn ? input.receivedOn : todayOn;
  if (receivedOn > todayOn) return refuse('DATE_IN_FUTURE', undefined, 'receivedOn');
  // 第二十四条: a registration is filed, not applied for.
  if (!isPermitClass(input.managementClass)) return refuse('PERMIT_REGISTRATION_NOT_APPLIED', PDRA_24, 'managementClass');
  const cal = await loadWorkingCalendar(db);
  return db.transaction(async (tx) => {
    const enterprise = await findScopedEnterprise(tx, principal, input.enterpriseId);
    if (!enterprise) return refuse('ENTERPRISE_UNKNOWN', undefined, 'enterpriseId');
    let late = false;
    if (input.kind !== 'new') {
      const found = input.permitId ? await findPermit(tx, principal, input.permitId, true) : null;
      if (!found || found.permit.enterpriseId !== input.enterpriseId) return refuse('PERMIT_UNKNOWN', undefined, 'permitId');
      const facts = factsOfPermit(found.permit);
      if ((await openApplicationsOf(tx, [found.permit.id])).length) return refuse('PERMIT_APPLICATION_OPEN');
      if (input.kind === 'renewal') {
        const ok = checkRenewal(facts, receivedOn);
        if (!ok.ok) return ok;
        late = isRenewalLate(found.permit.validTo!, receivedOn);
      } else {
        if (!input.changedOn || !input.changeSummary) return refuse('REQUIRED', undefined, input.changedOn ? 'changeSummary' : 'changedOn');
        const ok = checkChange(facts, input.changedOn, receivedOn);
        if (!ok.ok) return ok;
        late = isChangeLate(input.changedOn, receivedOn);
      }
    } else if (input.proposedNumber) {
      const numbered = checkPermitNumber(input.proposedNumber, enterprise.creditCode);
      if (!numbered.ok) return { ...numbered, field: 'proposedNumber' };
    }
    const bad = await checkOutfalls(tx, input.enterpriseId, input.outfalls ?? [], 'outfalls');
    if (bad) return bad;
    const notice = computeNoticeDueOn(cal, receivedOn);
    const [row] = await tx.insert(permitApplications).values({
      enterpriseId: input.enterpriseId, kind: input.kind, managementClass: input.managementClass, permitId: input.kind === 'new' ? null : input.permitId!,
      onSiteCheck: input.managementClass === 'key' && (input.onSiteCheck ?? false), receivedOn, noticeDueOn: notice.dueOn, provisional: notice.provisional,
      status: 'received', late, changeSummary: input.changeSummary ?? null, changedOn: input.changedOn ?? null, proposedNumber: input.proposedNumber ?? null,
      proposedOutfalls: input.outfalls ?? [], submittedById: principal.id, createdAt: now, updatedAt: now,
    }).returning();
    await appendAudit(tx, actorOf(principal), { action: 'permit.application.submit', entity: 'permit_application', entityId: row!.id, after: row }, now);
    return success(row!);
  });
}

/** 第九条(四): one notice listing every missing material, within 3 working days of receipt. */
export async function noticeIncomplete(db: Db, principal: Principal, id: number, input: { noticedOn: string; missingMaterials: string }, now: Date): Promise<Result<ApplicationRow>> {
  if (!can(principal, 'licensing.manage')) return refuse('FORBIDDEN');
  return db.transaction(async (tx) => {
    const found = await findApplication(tx, principal, id, true);
    if (!found) return refuse('NOT_FOUND');
    const ok = checkIncompleteNotice(factsOfApplication(found.application), input.noticedOn, chinaDateOf(now));
    if (!ok.ok) return ok;
    const [row] = await tx.update(permitApplications).set({ status: 'incomplete', noticedOn: input.noticedOn, missingMaterials: input.missingMaterials, updatedAt: now })
      .where(eq(permitApplications.id, id)).returning();
    await appendAudit(tx, actorOf(principal), { action: 'permit.application.notice', entity: 'permit_application', entityId: id, before: { status: found.application.status }, after: { status: 'incomplete', noticedOn: input.noticedOn, missingMaterials: input.missingMaterials } }, now);
    return success(row!);
  });
}

/**
 * Acceptance (受理) starts the decision clock (第十二条, 第十四条第二款). Past the notice day without a notice the
 * application is deemed accepted from receipt (第九条(四)), whatever day is entered.
 */
export async function acceptApplication(db: Db, principal: Principal, id: number, input: { acceptedOn: string; onSiteCheck?: boolean }, now: Date): Promise<Result<ApplicationRow>> {
  if (!can(principal, 'licensing.manage')) return refuse('FORBIDDEN');
  const todayOn = chinaDateOf(now);
  const cal = await loadWorkingCalendar(db);
  return db.transaction(async (tx) => {
    const found = await findApplication(tx, principal, id, true);
    if (!found) return refuse('NOT_FOUND');
    const a = found.application;
    const facts = factsOfApplication(a);
    const deemed = isDeemedAccepted(facts, todayOn);
    const acceptedOn = deemed ? a.receivedOn : input.acceptedOn;
    const ok = checkAcceptance(facts, acceptedOn, todayOn);
    if (!ok.ok) return ok;
    const onSiteCheck = a.managementClass === 'key' && (input.onSiteCheck ?? a.onSiteCheck);
    const due = computeDecisionDueOn(cal, acceptedOn, a.kind, a.managementClass, onSiteCheck);
    const [row] = await tx.update(permitApplications).set({
      status: 'accepted', acceptedOn, deemedAccepted: deemed, onSiteCheck, decisionDueOn: due.dueOn, provisional: a.provisional || due.provisional, updatedAt: now,
    }).where(eq(permitApplications.id, id)).returning();
    await appendAudit(tx, actorOf(principal), { action: 'permit.application.accept', entity: 'permit_application', entityId: id, before: { status: a.status }, after: { status: 'accepted', acceptedOn, deemedAccepted: deemed, decisionDueOn: due.dueOn, days: due.days } }, now);
    return success(row!);
  });
}

export interface DecisionInput { outcome: 'approve' | 'refuse'; decidedOn: string; reasons?: string | null; number?: string | null; reportKinds?: ReportKind[] }

/** The leader decides (颁发 / 延续 / 变更 or 不予许可 with written reasons, 第十二条, 第十四条); once, under the row lock. */
export async function decideApplication(db: Db, principal: Principal, id: number, input: DecisionInput, now: Date): Promise<Result<{ application: ApplicationRow; permit: PermitRow | null }>> {
  if (!can(principal, 'licensing.decide')) return refuse('FORBIDDEN');
  const todayOn = chinaDateOf(now);
  return db.transaction(async (tx) => {
    // Parallel decisions wait on this lock, then see the decision and are refused (409).
    const found = await findApplication(tx, principal, id, true);
    if (!found) return refuse('NOT_FOUND');
    const a = found.application;
    const ok = checkDecision(factsOfApplication(a), input.outcome, input.reasons ?? null, todayOn, input.decidedOn);
    if (!ok.ok) return ok;
    let permit: PermitRow | null = null;
    if (input.outcome === 'approve') {
      if (a.kind === 'new') {
        const number = input.number ?? a.proposedNumber;
        if (!number) return refuse('REQUIRED', undefined, 'number');
        const numbered = checkPermitNumber(number, found.creditCode);
        if (!numbered.ok) return numbered;
        [permit] = await tx.insert(permits).values({
          enterpriseId: a.enterpriseId, managementClass: a.managementClass, number, issuedOn: input.decidedOn, validFrom: input.decidedOn,
          validTo: computeValidTo(input.decidedOn), status: 'active', reportKinds: input.reportKinds ?? defaultReportKinds(a.managementClass),
          applicationId: a.id, createdAt: now, updatedAt: now,
        }).onConflictDoNothing().returning() as PermitRow[];
        if (!permit) return refuse('PERMIT_NUMBER_TAKEN', undefined, 'number');
        await insertOutfalls(tx, a.enterpriseId, permit.id, a.proposedOutfalls);
      } else if (a.kind === 'renewal') {
        const old = (await findPermit(tx, null, a.permitId!, true))!.permit;
        // 第十四条第二款: the renewed permit follows on from the old one without a gap.
        const validFrom = old.validTo! < input.decidedOn ? input.decidedOn : addDays(old.validTo!, 1);
        [permit] = await tx.insert(permits).values({
          enterpriseId: a.enterpriseId, managementClass: a.managementClass, number: old.number, issuedOn: input.decidedOn, validFrom,
          validTo: computeValidTo(validFrom), status: 'active', reportKinds: input.reportKinds ?? old.reportKinds, applicationId: a.id, createdAt: now, updatedAt: now,
        }).returning() as PermitRow[];
        const carried = a.proposedOutfalls.length ? a.proposedOutfalls : (await listPermitOutfalls(tx, [old.id])).map((o) => ({
          outfallId: o.outfallId, location: o.location,
          limits: o.limits.map((l) => ({ pollutant: l.pollutant, concentration: l.concentration, concentrationUnit: l.concentrationUnit, period: l.period, annualTotal: l.annualTotal, annualTotalUnit: l.annualTotalUnit })),
        }));
        await insertOutfalls(tx, a.enterpriseId, permit!.id, carried);
      } else {
        [permit] = await tx.update(permits).set({ updatedAt: now }).where(eq(permits.id, a.permitId!)).returning() as PermitRow[];
      }
    }
    const [row] = await tx.update(permitApplications).set({
      status: input.outcome === 'approve' ? 'approved' : 'refused', decidedOn: input.decidedOn, decidedById: principal.id, reasons: input.reasons?.trim() || null, updatedAt: now,
    }).where(eq(permitApplications.id, id)).returning();
    await appendAudit(tx, actorOf(principal), {
      action: 'permit.application.decide', entity: 'permit_application', entityId: id, before: { status: a.status },
      after: { status: row!.status, decidedOn: input.decidedOn, reasons: row!.reasons, permitId: permit?.id ?? null, overdue: isDecisionOverdue(factsOfApplication(a), input.decidedOn) },
    }, now);
    return success({ application: row!, permit });
  });
}

/** 执行报告 filed for one ended period (第二十二条); a late filing is kept and marked late. */
export async function fileReport(db: Db, principal: Principal, permitId: number, input: { kind: ReportKind; period: string; submittedOn: string; summary: string }, now: Date) {
  if (!mayApply(principal)) return refuse('FORBIDDEN');
  const todayOn = chinaDateOf(now);
  return db.transaction(async (tx) => {
    const found = await findPermit(tx, principal, permitId, true);
    if (!found) return refuse('NOT_FOUND');
    const p = found.permit;
    const period = computeReportPeriods(p.reportKinds, p.validFrom, p.validTo, todayOn).find((x) => x.kind === input.kind && x.period === input.period);
    const filed = (await listReports(tx, [p.id])).some((r) => r.kind === input.kind && r.period === input.period);
    const ok = checkReport(period, filed, input.submittedOn, todayOn);
    if (!ok.ok) return ok;
    const [row] = await tx.insert(permitReports).values({
      permitId, kind: input.kind, period: input.period, dueOn: period!.dueOn, submittedOn: input.submittedOn, summary: input.summary, submittedById: principal.id, createdAt: now,
    }).onConflictDoNothing().returning();
    if (!row) return refuse('PERMIT_REPORT_ALREADY_FILED');
    await appendAudit(tx, actorOf(principal), { action: 'permit.report.file', entity: 'permit_report', entityId: row.id, after: { ...row, state: reportState(row.dueOn, row.submittedOn, todayOn) } }, now);
    return success(row);
  });
}

/**
 * 撤销 (行政许可法 第六十九条; 排污许可管理条例 第四十条) or 注销 (行政许可法 第七十条) of a permit or registration:
 * a statutory ground, the day (not in the future, not before issue) and the reason; audited. Monitoring data after
 * it opens a lead under 排污许可管理条例 第三十三条（三） (linkage.ts, checkDischargeAuthorised).
 */
export async function endPermit(db: Db, principal: Principal, id: number, action: EndAction, input: { ground: string; endedOn: string; reason: string }, now: Date): Promise<Result<PermitRow>> {
  if (!can(principal, action === 'revoke' ? 'licensing.decide' : 'licensing.manage')) return refuse('FORBIDDEN');
  if (input.endedOn > chinaDateOf(now)) return refuse('DATE_IN_FUTURE', undefined, 'endedOn');
  return db.transaction(async (tx) => {
    const found = await findPermit(tx, principal, id, true);
    if (!found) return refuse('NOT_FOUND');
    const p = found.permit;
    const renewalPending = (await openApplicationsOf(tx, [id])).some((a) => a.kind === 'renewal');
    const checked = checkPermitEnd({ ...factsOfPermit(p), issuedOn: p.issuedOn }, action, input.ground, input.endedOn, renewalPending);
    if (!checked.ok) return checked;
    const status = action === 'revoke' ? 'revoked' as const : 'cancelled' as const;
    const [row] = await tx.update(permits).set({ status, endedOn: input.endedOn, endGround: input.ground, endReason: input.reason, endedById: principal.id, updatedAt: now })
      .where(eq(permits.id, id)).returning();
    await appendAudit(tx, actorOf(principal), {
      action: `permit.${action}`, entity: 'permit', entityId: id, before: { status: p.status },
      after: { status, endedOn: input.endedOn, ground: input.ground, citation: END_GROUNDS[action].find((g) => g.code === input.ground)!.citation }, reason: input.reason,
    }, now);
    return success(row!);
  });
}

/** A renewal was granted: a later permit of the same number follows this one (第十四条第二款). */
const renewedBy = (all: PermitRow[], p: PermitRow) => all.some((q) => q.number === p.number && q.validFrom > p.validFrom);

/** A permit with its state on `todayOn`, renewal and report figures. */
function presentPermit(p: PermitRow, todayOn: string, renewalApplied: boolean) {
  const facts = factsOfPermit(p);
  return {
    ...p, isPermit: isPermitClass(p.managementClass), validNow: isValidOn(facts, todayOn),
    renewalDueOn: p.validTo && isPermitClass(p.managementClass) ? computeRenewalDueOn(p.validTo) : null,
    renewalState: isPermitClass(p.managementClass) ? renewalState(facts, todayOn, renewalApplied) : 'none',
  };
}

function presentApplication(a: ApplicationRow, todayOn: string) {
  const facts = factsOfApplication(a);
  return { ...a, deemedAcceptedNow: isDeemedAccepted(facts, todayOn), overdue: isDecisionOverdue(facts, todayOn), noticeOverdue: a.status === 'received' && todayOn > a.noticeDueOn };
}

function reportRows(p: PermitRow, filed: (typeof permitReports.$inferSelect)[], todayOn: string) {
  return computeReportPeriods(p.reportKinds, p.validFrom, p.validTo, todayOn).map((r) => {
    const f = filed.find((x) => x.permitId === p.id && x.kind === r.kind && x.period === r.period) ?? null;
    return { ...r, permitId: p.id, submittedOn: f?.submittedOn ?? null, state: reportState(r.dueOn, f?.submittedOn ?? null, todayOn) };
  });
}

/** The board: permits with validity and renewal, applications with their clocks, overdue execution reports. */
export async function permitBoard(db: DbOrTx, principal: Principal, filter: { enterpriseId?: number }, now: Date) {
  if (!mayRead(principal)) return refuse('FORBIDDEN');
  const todayOn = chinaDateOf(now);
  const rows = await listPermits(db, principal, filter.enterpriseId);
  const ids = rows.map((r) => r.permit.id);
  const open = await openApplicationsOf(db, ids);
  const reports = await listReports(db, ids);
  const permitsOut = rows.map((r) => ({
    ...presentPermit(r.permit, todayOn, open.some((a) => a.permitId === r.permit.id && a.kind === 'renewal') || renewedBy(rows.map((x) => x.permit), r.permit)), enterpriseName: r.enterpriseName,
  }));
  const overdueReports = rows.filter((r) => r.permit.status === 'active' || r.permit.status === 'superseded').flatMap((r) =>
    reportRows(r.permit, reports, todayOn).filter((x) => x.state === 'overdue').map((x) => ({ ...x, number: r.permit.number, enterpriseName: r.enterpriseName })));
  const applications = (await listApplications(db, principal, filter.enterpriseId)).map((r) => ({ ...presentApplication(r.application, todayOn), enterpriseName: r.enterpriseName }));
  return success({
    todayOn, permits: permitsOut, applications, overdueReports,
    canManage: can(principal, 'licensing.manage'), canDecide: can(principal, 'licensing.decide'), canApply: mayApply(principal),
  });
}

/** One permit: outfalls and limits, execution reports with their states, its applications. */
export async function permitDetail(db: DbOrTx, principal: Principal, id: number, now: Date) {
  if (!mayRead(principal)) return refuse('FORBIDDEN');
  const todayOn = chinaDateOf(now);
  const found = await findPermit(db, principal, id);
  if (!found) return refuse('NOT_FOUND');
  const open = await openApplicationsOf(db, [id]);
  const filed = await listReports(db, [id]);
  const applications = (await listApplications(db, principal, found.permit.enterpriseId)).filter((r) => r.application.permitId === id || r.application.id === found.permit.applicationId);
  return success({
    permit: { ...presentPermit(found.permit, todayOn, open.some((a) => a.kind === 'renewal') || renewedBy(await permitsOfEnterprise(db, found.permit.enterpriseId), found.permit)), enterpriseName: found.enterpriseName },
    outfalls: await listPermitOutfalls(db, [id]),
    reports: reportRows(found.permit, filed, todayOn),
    applications: applications.map((r) => presentApplication(r.application, todayOn)),
    actions: {
      renew: mayApply(principal) && !open.length && checkRenewal(factsOfPermit(found.permit), todayOn).ok,
      change: mayApply(principal) && !open.length && isPermitClass(found.permit.managementClass) && found.permit.status === 'active',
      report: mayApply(principal),
      // 撤销 is the authority's decision (the leader); 注销 is handled by licensing staff.
      revoke: can(principal, 'licensing.decide') && found.permit.status === 'active',
      cancel: can(principal, 'licensing.manage') && found.permit.status === 'active',
    },
    endGrounds: END_GROUNDS,
  });
}

/** One application with its clocks and the actions the user may take now. */
export async function applicationDetail(db: DbOrTx, principal: Principal, id: number, now: Date) {
  if (!mayRead(principal)) return refuse('FORBIDDEN');
  const todayOn = chinaDateOf(now);
  const found = await findApplication(db, principal, id);
  if (!found) return refuse('NOT_FOUND');
  const a = found.application;
  const facts = factsOfApplication(a);
  return success({
    ...presentApplication(a, todayOn), enterpriseName: found.enterpriseName,
    actions: {
      notice: can(principal, 'licensing.manage') && checkIncompleteNotice(facts, todayOn, todayOn).ok,
      accept: can(principal, 'licensing.manage') && (a.status === 'received' || a.status === 'incomplete'),
      decide: can(principal, 'licensing.decide') && a.status === 'accepted',
    },
  });
}
