// 行政处罚公示: what of a penalty decision the public sees, and when it is due. Pure: no I/O, no clock.
// 行政处罚法 第四十八条第一款: 具有一定社会影响的行政处罚决定应当依法公开; 第二款: a published decision that is
// changed, revoked, confirmed illegal or void is withdrawn within three days, with the reasons made public;
// 第八十五条: those "三日" are working days. The 7-working-day publication period (双公示, 国办发〔2015〕51号 as
// cited by agencies' rules; the original text not confirmed) is settings.penaltyPublicationWorkingDays.
// 政府信息公开条例 第十五条 and 个人信息保护法 第二十八条: personal data is removed; an organisation keeps its name and
// credit code (法人 data published by 双公示).
import { pseudonymOf, redactIdentity, type PartyIdentity } from '../training/index.js';
import { addWorkingDays, type WorkingCalendar } from '../law/working-days.js';
import { allowed, refuse, type Citation, type Outcome } from '../law/outcome.js';

export const APL_48_1: Citation = { law: '行政处罚法', article: '第四十八条', paragraph: '第一款' };
export const APL_48_2: Citation = { law: '行政处罚法', article: '第四十八条', paragraph: '第二款' };
/** Working days to withdraw a changed or revoked decision (行政处罚法 第四十八条第二款 with 第八十五条). */
export const WITHDRAWAL_WORKING_DAYS = 3;

const PENALTY_KIND_ZH: Record<string, string> = {
  warning: '警告', fine: '罚款', confiscation: '没收违法所得、没收非法财物', confiscation_large: '没收违法所得、没收非法财物（较大数额）',
  qualification_lowering: '降低资质等级', licence_revocation: '吊销许可证件', suspension: '责令停产停业', closure: '责令关闭',
  practice_restriction: '限制从业', detention_transfer: '移送公安机关行政拘留', production_restriction: '限制生产',
};
export const penaltyKindName = (k: string) => PENALTY_KIND_ZH[k] ?? k;

export type { PublicRecord } from './record.js';
import type { PublicRecord } from './record.js';

/** What the case and the enterprise register say, before redaction. */
export interface DecisionFacts {
  partyKind: 'organisation' | 'individual';
  enterpriseName: string; creditCode: string; legalRepresentative: string; address: string;
  districtName: string;
  decisionNumber: string; decidedOn: string; cause: string; violatedProvisions: string; facts: string; basis: string;
  penaltyKinds: string[]; fineFen: number; agency: string;
}

const yuan = (fen: number) => `${Math.floor(fen / 100).toLocaleString('zh-CN')}${fen % 100 ? `.${String(fen % 100).padStart(2, '0')}` : ''}`;

/** 罚款人民币X元; other kinds by name. */
export function penaltyContentOf(kinds: string[], fineFen: number): string {
  return kinds.map((k) => (k === 'fine' ? `罚款人民币${yuan(fineFen)}元` : penaltyKindName(k))).join('；');
}

/**
 * The record the public sees. Individuals' names → "X某"; ID numbers, phones, bank accounts and anything shaped
 * like them dropped; addresses dropped; an organisation keeps its name and credit code (法人 data), an individual
 * party (个体) is named "X某" and its code is dropped.
 */
export function buildPublicRecord(f: DecisionFacts): PublicRecord {
  const organisation = f.partyKind === 'organisation';
  const party: PartyIdentity = {
    // The organisation's own name stays (双公示); an individual's business name identifies the person.
    organisationNames: organisation ? [] : [f.enterpriseName],
    personNames: [f.legalRepresentative],
    districtName: f.districtName,
    creditCodes: organisation ? [] : [f.creditCode],
    idNumbers: [], phones: [], addresses: [f.address], bankAccounts: [],
  };
  const keep = organisation ? [f.creditCode] : [];
  const clean = (text: string) => restoreKept(redactIdentity(protect(text, keep), party), keep);
  return {
    partyName: organisation ? f.enterpriseName : pseudonymOf(f.legalRepresentative),
    partyKind: f.partyKind,
    creditCode: organisation ? f.creditCode : null,
    decisionNumber: f.decisionNumber,
    violation: clean([f.cause, f.violatedProvisions].filter(Boolean).join('，违反')),
    facts: clean(f.facts),
    basis: clean(f.basis),
    penaltyKinds: f.penaltyKinds,
    penaltyContent: penaltyContentOf(f.penaltyKinds, f.fineFen),
    fineFen: f.penaltyKinds.includes('fine') ? f.fineFen : 0,
    decidedOn: f.decidedOn,
    agency: f.agency,
    districtName: f.districtName,
  };
}

// An organisation's credit code inside the text would be taken for an identifying number: hold it aside.
const MARK = (i: number) => `\u3016${'甲乙丙丁'[i] ?? '戊'}\u3017`;
function protect(text: string, keep: string[]): string {
  return keep.reduce((t, k, i) => (k ? t.split(k).join(MARK(i)) : t), text);
}
function restoreKept(text: string, keep: string[]): string {
  return keep.reduce((t, k, i) => t.split(MARK(i)).join(k), text);
}

/** Due date of the publication: N working days after the decision; provisional when it runs into an unrecorded year. */
export function publicationDueOn(cal: WorkingCalendar, decidedOn: string, workingDays: number) {
  const r = addWorkingDays(cal, decidedOn, workingDays);
  return { dueOn: r.value, provisional: (r.provisionalYears ?? []).length > 0 };
}

/** 行政处罚法 第四十八条第二款, 第八十五条: withdrawn within 3 working days of the change or revocation. */
export function withdrawalDueOn(cal: WorkingCalendar, changedOn: string) {
  const r = addWorkingDays(cal, changedOn, WITHDRAWAL_WORKING_DAYS);
  return { dueOn: r.value, provisional: (r.provisionalYears ?? []).length > 0 };
}

/** Remedy outcomes that change or end the decision (行政处罚法 第四十八条第二款: 变更、撤销、确认违法或者确认无效). */
export const OUTCOMES_REQUIRING_WITHDRAWAL = ['changed', 'revoked'] as const;
export const requiresWithdrawal = (outcome: string | null | undefined) => (OUTCOMES_REQUIRING_WITHDRAWAL as readonly string[]).includes(outcome ?? '');

/** 行政处罚法 第四十八条第一款: only a penalty decision is published (not a no-penalty, transfer or withdrawal). */
export function checkPublishable(c: { decisionKind: string | null; decidedOn: string | null; published: boolean }): Outcome {
  if (c.decisionKind !== 'penalty' || !c.decidedOn) return refuse('DISCLOSURE_NOT_A_PENALTY_DECISION', APL_48_1);
  if (c.published) return refuse('DISCLOSURE_ALREADY_PUBLISHED', APL_48_1);
  return allowed;
}

/** A withdrawal needs a published record and its reason, which is published (公开说明理由). */
export function checkWithdrawable(p: { status: 'published' | 'withdrawn' }, reason: string): Outcome {
  if (p.status === 'withdrawn') return refuse('DISCLOSURE_ALREADY_WITHDRAWN', APL_48_2);
  if (reason.trim().length < 4) return refuse('DISCLOSURE_WITHDRAWAL_REASON_REQUIRED', APL_48_2, 'reason');
  return allowed;
}

// ── Corrections after a public data-error report (src/info-requests) ──

/** The text fields of the published record a correction may change (not the number, party or dates: those change by a new decision). */
export const CORRECTABLE_FIELDS = ['violation', 'facts', 'basis', 'penaltyContent', 'agency'] as const;
export type CorrectableField = (typeof CORRECTABLE_FIELDS)[number];
export const isCorrectableField = (f: string): f is CorrectableField => (CORRECTABLE_FIELDS as readonly string[]).includes(f);

/** The corrected text goes through the same redaction as the record (政府信息公开条例 第十五条): personal data never returns. */
export function redactCorrection(f: Pick<DecisionFacts, 'partyKind' | 'enterpriseName' | 'creditCode' | 'legalRepresentative' | 'address' | 'districtName'>, text: string): string {
  const organisation = f.partyKind === 'organisation';
  const party: PartyIdentity = {
    organisationNames: organisation ? [] : [f.enterpriseName], personNames: [f.legalRepresentative], districtName: f.districtName,
    creditCodes: organisation ? [] : [f.creditCode], idNumbers: [], phones: [], addresses: [f.address], bankAccounts: [],
  };
  const keep = organisation ? [f.creditCode] : [];
  return restoreKept(redactIdentity(protect(text.trim(), keep), party), keep);
}

/** A published (not withdrawn) record, a correctable field, a value that differs from the one published. */
export function checkCorrection(p: { status: 'published' | 'withdrawn'; record: PublicRecord }, field: string, value: string): Outcome {
  if (p.status === 'withdrawn') return refuse('DISCLOSURE_CORRECTION_WITHDRAWN');
  if (!isCorrectableField(field)) return refuse('DISCLOSURE_CORRECTION_FIELD_INVALID', undefined, 'correction.field');
  if (p.record[field] === value) return refuse('DISCLOSURE_CORRECTION_UNCHANGED', undefined, 'correction.value');
  return allowed;
}
