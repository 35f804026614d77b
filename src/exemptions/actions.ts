// Exemption actions: load the facts, apply the rule, write the change and its audit row in one
// transaction. A refusal writes nothing.
import { and, eq } from 'drizzle-orm';
import type { Db, DbOrTx } from '../platform/db/index.js';
import { refuse, success, type Refusal, type Result } from '../law/outcome.js';
import { chinaDateOf } from '../law/civil-date.js';
import { addCalendarDays, addWorkingDays } from '../law/working-days.js';
import { actorOf, appendAudit, SYSTEM_ACTOR, type Actor } from '../platform/audit/log.js';
import { can, type Principal } from '../platform/auth/roles.js';
import { loadWorkingCalendar } from '../calendar/index.js';
// The cases capability has no index.ts yet: the lead is asked to export runCaseAction from one.
import { runCaseAction } from '../cases/index.js';
import { caseExemptionFacts, caseStatutoryGrounds, exemptionCatalogues, exemptionEntries, exemptions } from './tables.js';
import { APL_33_1, APL_33_3, checkCatalogueDates, checkCatalogueEditable, checkEntryInForce, findConditionProblems, type EntryConditions } from './rules/catalogue.js';
import { evaluateExemption, type Eligibility, type ExemptionFacts } from './rules/eligibility.js';
import { checkGroundForParty, STATUTORY_GROUNDS, type StatutoryGroundCode } from './rules/grounds.js';
import { checkEntryFitsViolation } from './rules/provision-match.js';
import { exemptionGroundOf, exemptionReasonsText } from './rules/no-penalty-reasons.js';
import {
  findApplied, findCaseForExemption, findCatalogue, findCatalogueByCode, findEntry, findFacts, listGrounds, loadHistory, nextEntrySeq,
  type ExemptionCase, type FactsRow,
} from './queries.js';
import { FIRST_BATCH, type CatalogueSeed } from './data/catalogue.js';

// ---------- the catalogue ----------

export interface CatalogueInput { code: string; title: string; documentNumber: string | null; issuer: string; effectiveOn: string; expiresOn: string | null; note: string }
export interface EntryInput { title: string; violatedProvision: string; penaltyProvision: string; circumstances: string; conditions: EntryConditions }

export async function createCatalogue(db: Db, principal: Principal, input: CatalogueInput, now: Date): Promise<Result<{ id: number }>> {
  if (!can(principal, 'exemption.manage')) return refuse('FORBIDDEN');
  const todayOn = chinaDateOf(now);
  // A new batch takes effect today at the earliest: history is not rewritten.
  if (input.effectiveOn < todayOn) return refuse('CATALOGUE_EFFECTIVE_IN_PAST', undefined, 'effectiveOn');
  const dates = checkCatalogueDates(null, input, todayOn);
  if (!dates.ok) return dates;
  return db.transaction(async (tx) => {
    if (await findCatalogueByCode(tx, input.code)) return refuse('CATALOGUE_CODE_TAKEN', undefined, 'code');
    const [row] = await tx.insert(exemptionCatalogues).values({ ...input, createdAt: now, updatedAt: now }).returning();
    await appendAudit(tx, actorOf(principal), { action: 'exemption.catalogue.create', entity: 'exemption_catalogue', entityId: row!.id, after: row }, now);
    return success({ id: row!.id });
  });
}

export async function updateCatalogue(db: Db, principal: Principal, id: number, input: Omit<CatalogueInput, 'code'> & { reason?: string | null }, now: Date): Promise<Result<{ id: number }>> {
  if (!can(principal, 'exemption.manage')) return refuse('FORBIDDEN');
  const todayOn = chinaDateOf(now);
  return db.transaction(async (tx) => {
    const before = await findCatalogue(tx, id);
    if (!before) return refuse('NOT_FOUND');
    const dates = checkCatalogueDates(before, input, todayOn);
    if (!dates.ok) return dates;
    const inForce = before.effectiveOn <= todayOn;
    // Once in force only the expiry may change (废止 or 延期); the text of the batch is frozen.
    if (inForce && (input.title !== before.title || input.documentNumber !== before.documentNumber || input.issuer !== before.issuer)) return refuse('CATALOGUE_IN_FORCE_IMMUTABLE', undefined, 'title');
    if (!inForce && input.effectiveOn < todayOn) return refuse('CATALOGUE_EFFECTIVE_IN_PAST', undefined, 'effectiveOn');
    const { reason, ...values } = input;
    await tx.update(exemptionCatalogues).set({ ...values, updatedAt: now }).where(eq(exemptionCatalogues.id, id));
    const { entries: _e, ...snapshot } = before;
    await appendAudit(tx, actorOf(principal), { action: 'exemption.catalogue.update', entity: 'exemption_catalogue', entityId: id, before: snapshot, after: values, reason: reason ?? null }, now);
    return success({ id });
  });
}

export async function addEntry(db: Db, principal: Principal, catalogueId: number, input: EntryInput, now: Date): Promise<Result<{ id: number }>> {
  if (!can(principal, 'exemption.manage')) return refuse('FORBIDDEN');
  const problems = findConditionProblems(input.conditions);
  if (problems.length) return refuse(problems[0]!.code, undefined, problems[0]!.field);
  return db.transaction(async (tx) => {
    const catalogue = await findCatalogue(tx, catalogueId);
    if (!catalogue) return refuse('NOT_FOUND');
    const editable = checkCatalogueEditable(catalogue, chinaDateOf(now));
    if (!editable.ok) return editable;
    const [row] = await tx.insert(exemptionEntries).values({ ...input, catalogueId, seq: await nextEntrySeq(tx, catalogueId), createdAt: now, updatedAt: now }).returning();
    await appendAudit(tx, actorOf(principal), { action: 'exemption.entry.create', entity: 'exemption_entry', entityId: row!.id, after: row }, now);
    return success({ id: row!.id });
  });
}

export async function updateEntry(db: Db, principal: Principal, entryId: number, input: EntryInput & { reason?: string | null }, now: Date): Promise<Result<{ id: number }>> {
  if (!can(principal, 'exemption.manage')) return refuse('FORBIDDEN');
  const problems = findConditionProblems(input.conditions);
  if (problems.length) return refuse(problems[0]!.code, undefined, problems[0]!.field);
  return db.transaction(async (tx) => {
    const found = await findEntry(tx, entryId);
    if (!found) return refuse('NOT_FOUND');
    const editable = checkCatalogueEditable(found.catalogue, chinaDateOf(now));
    if (!editable.ok) return editable;
    const { reason, ...values } = input;
    await tx.update(exemptionEntries).set({ ...values, updatedAt: now }).where(eq(exemptionEntries.id, entryId));
    await appendAudit(tx, actorOf(principal), { action: 'exemption.entry.update', entity: 'exemption_entry', entityId: entryId, before: found.entry, after: values, reason: reason ?? null }, now);
    return success({ id: entryId });
  });
}

/** Loads a batch (the demo's first batch by default) unless its code is on record. Idempotent. */
export async function seedExemptionCatalogue(db: Db, now: Date, batch: CatalogueSeed = FIRST_BATCH, actor: Actor = SYSTEM_ACTOR): Promise<{ created: boolean }> {
  return db.transaction(async (tx) => {
    if (await findCatalogueByCode(tx, batch.code)) return { created: false };
    const { entries, ...catalogue } = batch;
    const [row] = await tx.insert(exemptionCatalogues).values({ ...catalogue, createdAt: now, updatedAt: now }).returning({ id: exemptionCatalogues.id });
    await tx.insert(exemptionEntries).values(entries.map((e, i) => ({ ...e, catalogueId: row!.id, seq: i + 1, createdAt: now, updatedAt: now })));
    await appendAudit(tx, actor, { action: 'exemption.catalogue.seed', entity: 'exemption_catalogue', entityId: row!.id, after: { code: batch.code, entries: entries.length }, reason: '首违不罚目录清单 reference data' }, now);
    return { created: true };
  });
}

// ---------- evaluating a case ----------

export interface FactsInput {
  entryId: number;
  consequence: 'none' | 'minor' | 'serious' | null;
  correctionOrderedOn: string | null;
  correctedOn: string | null;
  intentional: boolean | null;
  attestedNoPriorElsewhere: boolean | null;
  extra: Record<string, boolean | null>;
  note: string;
}

/** The due date of the correction the entry allows, from the holiday calendar (provisional for a year not yet on record); null when not ordered. */
async function correctionDueOn(db: DbOrTx, conditions: EntryConditions, orderedOn: string | null): Promise<Result<string | null>> {
  if (!orderedOn) return success(null);
  const cal = await loadWorkingCalendar(db);
  const r = conditions.correctionWorkingDays ? addWorkingDays(cal, orderedOn, conditions.correctionDays) : addCalendarDays(cal, orderedOn, conditions.correctionDays);
  return r.ok ? success(r.value) : r;
}

function factsOf(c: ExemptionCase, history: ExemptionFacts['history'], f: FactsRow, dueOn: string | null, todayOn: string): ExemptionFacts {
  return {
    actOn: c.actOn, history, attestedNoPriorElsewhere: f.attestedNoPriorElsewhere, consequence: f.consequence,
    correction: { orderedOn: f.correctionOrderedOn, dueOn, correctedOn: f.correctedOn }, intentional: f.intentional, extra: f.extra, todayOn,
  };
}

/** Everything the exemption panel shows for one case: facts, the entry, the evaluation now (or as applied), the grounds. */
export async function loadCaseExemption(db: DbOrTx, principal: Principal, caseId: number, now: Date) {
  const c = await findCaseForExemption(db, caseId, principal);
  if (!c) return null;
  const todayOn = chinaDateOf(now);
  const [facts, applied, grounds] = await Promise.all([findFacts(db, caseId), findApplied(db, caseId), listGrounds(db, caseId)]);
  const found = facts ? await findEntry(db, facts.entryId) : null;
  let evaluation: Eligibility | null = applied?.evaluation ?? null;
  let dueOn: string | null = null;
  if (facts && found) {
    const due = await correctionDueOn(db, found.entry.conditions, facts.correctionOrderedOn);
    dueOn = due.ok ? due.value : null;
    if (!applied) evaluation = evaluateExemption(found.entry.conditions, factsOf(c, await loadHistory(db, c.enterpriseId, c.id), facts, dueOn, todayOn));
  }
  const onDay = c.decidedOn ?? todayOn;
  const entryInForce = found ? checkEntryInForce(found.catalogue, onDay) : null;
  // 行政处罚法 第三十三条第一款: the entry must describe the case's own violation.
  const fits = found ? checkEntryFitsViolation(found.entry, c.violatedProvisions) : null;
  // 第一款 first sentence (mandatory) or second sentence (discretionary), for the page to tell apart.
  const ground = evaluation?.status === 'eligible' && facts ? exemptionGroundOf(evaluation, facts.consequence) : null;
  return {
    case: c, facts, entry: found?.entry ?? null, catalogue: found?.catalogue ?? null, correctionDueOn: dueOn, evaluation,
    entryInForce: entryInForce ? entryInForce.ok : null, applied, grounds,
    violationMatches: fits ? fits.ok : null, violationRefusal: fits && !fits.ok ? fits.code : null,
    ground, groundMandatory: ground === null ? null : ground === 'minorCorrected',
    actions: {
      recordFacts: can(principal, 'case.write') && !c.decisionKind,
      apply: can(principal, 'case.decide') && !c.decisionKind && evaluation?.status === 'eligible' && entryInForce?.ok === true && fits?.ok === true,
      recordGrounds: can(principal, 'case.write') && !c.decisionKind,
    },
  };
}

export async function putCaseFacts(db: Db, principal: Principal, caseId: number, input: FactsInput, now: Date): Promise<Result<{ caseId: number }>> {
  if (!can(principal, 'case.write')) return refuse('FORBIDDEN');
  const todayOn = chinaDateOf(now);
  for (const [field, on] of [['correctionOrderedOn', input.correctionOrderedOn], ['correctedOn', input.correctedOn]] as const) {
    if (on && on > todayOn) return refuse('DATE_IN_FUTURE', undefined, field);
  }
  return db.transaction(async (tx) => {
    const c = await findCaseForExemption(tx, caseId, principal, true);
    if (!c) return refuse('NOT_FOUND');
    if (c.decisionKind) return refuse('ALREADY_DECIDED');
    if (input.correctionOrderedOn && input.correctionOrderedOn < c.actOn) return refuse('DATE_BEFORE_ACT', undefined, 'correctionOrderedOn');
    if (input.correctedOn && input.correctedOn < c.actOn) return refuse('DATE_BEFORE_ACT', undefined, 'correctedOn');
    const found = await findEntry(tx, input.entryId);
    if (!found) return refuse('EXEMPTION_ENTRY_UNKNOWN', undefined, 'entryId');
    // A case not yet decided is judged by the catalogue in force today, the day it would be decided.
    const inForce = checkEntryInForce(found.catalogue, todayOn);
    if (!inForce.ok) return inForce;
    // 行政处罚法 第三十三条第一款: an entry for another violation cannot be chosen (checked again on applying).
    if (c.violatedProvisions) {
      const fits = checkEntryFitsViolation(found.entry, c.violatedProvisions);
      if (!fits.ok) return fits;
    }
    const unknownKey = Object.keys(input.extra).find((k) => !found.entry.conditions.extra.some((x) => x.key === k));
    if (unknownKey) return refuse('CONDITION_KEY_UNKNOWN', undefined, `extra.${unknownKey}`);
    const due = await correctionDueOn(tx, found.entry.conditions, input.correctionOrderedOn);
    if (!due.ok) return { ...due, field: 'correctionOrderedOn' };
    const before = await findFacts(tx, caseId);
    const values = { ...input, updatedById: principal.id, updatedAt: now };
    await tx.insert(caseExemptionFacts).values({ caseId, ...values }).onConflictDoUpdate({ target: caseExemptionFacts.caseId, set: values });
    await appendAudit(tx, actorOf(principal), { action: 'exemption.facts', entity: 'case', entityId: caseId, before, after: input }, now);
    return success({ caseId });
  });
}

export interface ApplyInput {
  correctionOrder: string;
  education: { on: string; form: string; content: string };
  /** 不予处罚的理由, shown on the decision; derived from the evaluation when omitted. */
  reasons?: string | null;
}

class ApplyAbort extends Error { constructor(readonly refusal: Refusal) { super(refusal.code); } }

/**
 * 首违不罚 (行政处罚法 第三十三条第一款): with every condition met and the entry in force today, the case is
 * decided with kind 'exemption' (不予行政处罚决定书), the correction order and the education record
 * (第三十三条第三款) are kept, and the enterprise counts among the exempted. One transaction.
 */
export async function applyExemption(db: Db, principal: Principal, caseId: number, input: ApplyInput, now: Date): Promise<Result<{ caseId: number; exemptionId: number }>> {
  if (!can(principal, 'case.decide')) return refuse('FORBIDDEN');
  const todayOn = chinaDateOf(now);
  if (input.education.on > todayOn) return refuse('DATE_IN_FUTURE', undefined, 'education.on');
  try {
    return await db.transaction(async (tx) => {
      const c = await findCaseForExemption(tx, caseId, principal, true);
      if (!c) return refuse('NOT_FOUND');
      if (c.decisionKind) return refuse('ALREADY_DECIDED');
      const facts = await findFacts(tx, caseId);
      if (!facts) return refuse('EXEMPTION_FACTS_MISSING', APL_33_1, 'entryId');
      const found = (await findEntry(tx, facts.entryId))!;
      const inForce = checkEntryInForce(found.catalogue, todayOn);
      if (!inForce.ok) return inForce;
      const fits = checkEntryFitsViolation(found.entry, c.violatedProvisions);
      if (!fits.ok) return fits;
      const due = await correctionDueOn(tx, found.entry.conditions, facts.correctionOrderedOn);
      const evaluation = evaluateExemption(found.entry.conditions, factsOf(c, await loadHistory(tx, c.enterpriseId, c.id), facts, due.ok ? due.value : null, todayOn));
      if (evaluation.status !== 'eligible') {
        const failing = evaluation.conditions.find((x) => x.result === 'not_met') ?? evaluation.conditions.find((x) => x.result === 'unknown')!;
        return refuse(evaluation.status === 'not_eligible' ? 'EXEMPTION_NOT_ELIGIBLE' : 'EXEMPTION_NEEDS_FACTS', failing.citation, `conditions.${failing.key}`);
      }
      if (input.education.on < c.actOn) return refuse('DATE_BEFORE_ACT', APL_33_3, 'education.on');
      const reference = `《${found.catalogue.title}》第${found.entry.seq}项`;
      const ground = exemptionGroundOf(evaluation, facts.consequence);
      const party = c.partyKind === 'organisation' ? '你单位' : '你';
      const reasons = input.reasons?.trim() || exemptionReasonsText(ground, {
        party, lookBackMonths: found.entry.conditions.lookBackMonths, consequence: facts.consequence === 'none' ? 'none' : 'minor',
        correctedOn: facts.correctedOn!, correctionDueOn: due.ok && due.value ? due.value : facts.correctedOn!, entryTitle: found.entry.title,
      });
      const [row] = await tx.insert(exemptions).values({
        caseId, enterpriseId: c.enterpriseId, districtId: c.districtId, catalogueId: found.catalogue.id, entryId: found.entry.id, decidedOn: todayOn,
        evaluation, correctionOrder: input.correctionOrder, education: input.education, appliedById: principal.id, createdAt: now,
      }).returning({ id: exemptions.id });
      // The exemption row comes first so that the case's own decide gate (checkExemptionDecision) sees it.
      const decided = await runCaseAction(tx as unknown as Db, principal, caseId, 'decide', {
        kind: 'exemption', penaltyKinds: [], fineFen: 0, reasons,
        basis: `《中华人民共和国行政处罚法》第三十三条第一款；${reference}`,
        // 第三十三条第一款 first sentence (mandatory) or second (discretionary); 第三款 education as recorded.
        noPenaltyGround: ground, education: input.education,
      }, now);
      if (!decided.ok) throw new ApplyAbort(decided);
      await appendAudit(tx, actorOf(principal), {
        action: 'exemption.apply', entity: 'case', entityId: caseId,
        after: { exemptionId: row!.id, entryId: found.entry.id, reference, ground, correctionOrder: input.correctionOrder, education: input.education, status: evaluation.status },
      }, now);
      return success({ caseId, exemptionId: row!.id });
    });
  } catch (err) {
    if (err instanceof ApplyAbort) return err.refusal;
    throw err;
  }
}

// ---------- statutory grounds ----------

export async function recordGround(db: Db, principal: Principal, caseId: number, input: { ground: StatutoryGroundCode; note: string }, now: Date): Promise<Result<{ id: number }>> {
  if (!can(principal, 'case.write')) return refuse('FORBIDDEN');
  return db.transaction(async (tx) => {
    const c = await findCaseForExemption(tx, caseId, principal, true);
    if (!c) return refuse('NOT_FOUND');
    if (c.decisionKind) return refuse('ALREADY_DECIDED');
    const fits = checkGroundForParty(input.ground, c.partyKind);
    if (!fits.ok) return fits;
    const [existing] = await tx.select({ id: caseStatutoryGrounds.id }).from(caseStatutoryGrounds).where(and(eq(caseStatutoryGrounds.caseId, caseId), eq(caseStatutoryGrounds.ground, input.ground)));
    if (existing) return refuse('GROUND_ALREADY_RECORDED', STATUTORY_GROUNDS[input.ground].citation, 'ground');
    const [row] = await tx.insert(caseStatutoryGrounds).values({ caseId, ground: input.ground, note: input.note, recordedById: principal.id, recordedAt: now }).returning();
    await appendAudit(tx, actorOf(principal), { action: 'case.ground.record', entity: 'case', entityId: caseId, after: row }, now);
    return success({ id: row!.id });
  });
}

export async function removeGround(db: Db, principal: Principal, caseId: number, ground: StatutoryGroundCode, reason: string, now: Date): Promise<Result<{ caseId: number }>> {
  if (!can(principal, 'case.write')) return refuse('FORBIDDEN');
  return db.transaction(async (tx) => {
    const c = await findCaseForExemption(tx, caseId, principal, true);
    if (!c) return refuse('NOT_FOUND');
    if (c.decisionKind) return refuse('ALREADY_DECIDED');
    const removed = await tx.delete(caseStatutoryGrounds).where(and(eq(caseStatutoryGrounds.caseId, caseId), eq(caseStatutoryGrounds.ground, ground))).returning();
    if (!removed.length) return refuse('NOT_FOUND');
    await appendAudit(tx, actorOf(principal), { action: 'case.ground.remove', entity: 'case', entityId: caseId, before: removed[0], reason }, now);
    return success({ caseId });
  });
}

/** The grounds recorded on a case, for other capabilities (the discretion check, the legal review page). */
export async function groundsOfCase(db: DbOrTx, caseId: number): Promise<StatutoryGroundCode[]> {
  return (await listGrounds(db, caseId)).map((g) => g.ground);
}
