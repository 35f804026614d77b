// Execution of a fine: reconsideration and litigation, deferral and instalments, the reminder and the
// window for applying to the court. Pure.
//
// Read (LawRefBook/Laws, 行政处罚法 2021): 第六十六条第二款 — deferral or instalments on the party's
// application and the bureau's approval; 第七十二条第二款 — with an approved deferral or instalments the
// period for applying to the court runs from the end of that period; 第七十三条第三款 — the surcharge is not
// counted while reconsideration or litigation runs.
// Read (行政强制法 2011): 第五十三条 — a bureau without its own enforcement power may apply to the court
// within three months after the period for reconsideration and litigation expired unused; 第五十四条 — a
// written reminder (催告书) first, and the application only once ten days after its service passed
// without performance; 第六十九条 — "十日以内" periods are working days.
// Not read (unconfirmed): 行政诉讼法 第四十六条 (an action within six months of knowing of the act, taken
// here as six months from the service of the decision); 法释〔2018〕1号 第一百五十六条 (the three months run
// from the end of the party's period to sue).
// Decision (unconfirmed): after a reconsideration or litigation that ended, the window runs from the later
// of the six months and the end of that proceeding.
import { allowed, refuse, type Citation, type Outcome } from '../../law/outcome.js';
import { addDays, daysInMonth } from '../../law/civil-date.js';
import type { CaseRecords, RemedyKind } from './case-records.js';
import { pendingRemedy } from './case-records.js';
import type { PeriodCalendar } from './deadlines.js';
import { NO_RECORDS } from './case-records.js';
import type { CaseFacts } from './procedure.js';

export const APL_66_2: Citation = { law: '行政处罚法', article: '第六十六条', paragraph: '第二款' };
export const APL_72_2: Citation = { law: '行政处罚法', article: '第七十二条', paragraph: '第二款' };
export const APL_73_3: Citation = { law: '行政处罚法', article: '第七十三条', paragraph: '第三款' };
export const AEL_53: Citation = { law: '行政强制法', article: '第五十三条' };
export const AEL_54: Citation = { law: '行政强制法', article: '第五十四条' };
export const ALL_46: Citation = { law: '行政诉讼法', article: '第四十六条' };

/** 行政诉讼法 第四十六条: six months to sue (unconfirmed start: service of the decision). */
export const LITIGATION_MONTHS = 6;
/** 行政强制法 第五十三条: three months to apply to the court. */
export const COURT_APPLICATION_MONTHS = 3;
/** 行政强制法 第五十四条 with 第六十九条: ten working days after the reminder. */
export const REMINDER_WORKING_DAYS = 10;

/** The last day of a period of `n` months after `fromOn` (民法典 第二百零一条, 第二百零二条: the corresponding day, or the month's last). */
export function addMonths(fromOn: string, n: number): string {
  const total = Number(fromOn.slice(0, 4)) * 12 + Number(fromOn.slice(5, 7)) - 1 + n;
  const y = Math.floor(total / 12);
  const m = (total % 12) + 1;
  const d = Math.min(Number(fromOn.slice(8, 10)), daysInMonth(y, m));
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** What the execution rules need to know about a case. */
export interface ExecutionFacts {
  archived: boolean;
  decision: null | { kind: string; fineFen: number; decidedOn: string };
  servedOn: string | null;
  amountDueFen: number;
  paidFen: number;
  /** The deadline in force: the last instalment's when a schedule was approved. */
  paymentDueOn: string | null;
  courtEnforcementAppliedOn: string | null;
  records: CaseRecords;
  /** Challenges recorded outside the case (src/litigation, 行政复议 and 行政诉讼 registers): open while toOn is null. */
  externalChallenges?: { fromOn: string; toOn: string | null }[];
}

/**
 * 行政强制法 第五十三条: every reconsideration or action against the decision, whether recorded on the case's timeline
 * or in the litigation register, as an interval from filing to its end (null while pending).
 */
export function challengeIntervals(f: ExecutionFacts): { filedOn: string; endedOn: string | null }[] {
  return [
    ...f.records.remedies.map((r) => ({ filedOn: r.filedOn, endedOn: r.endedOn })),
    ...(f.externalChallenges ?? []).map((c) => ({ filedOn: c.fromOn, endedOn: c.toOn })),
  ];
}

/** A challenge still pending, on the timeline or in the litigation register: no application to the court meanwhile. */
export const challengePending = (f: ExecutionFacts): boolean => challengeIntervals(f).some((c) => c.endedOn === null);

/** The execution rules' view of a case. */
export function executionFactsOf(f: CaseFacts): ExecutionFacts {
  const records = f.records ?? NO_RECORDS;
  return {
    archived: f.archivedAt !== null, decision: f.decision, servedOn: f.servedOn, amountDueFen: f.amountDueFen, paidFen: f.paidFen,
    paymentDueOn: records.arrangement?.instalments.at(-1)?.dueOn ?? records.originalPaymentDueOn, courtEnforcementAppliedOn: f.courtEnforcementAppliedOn, records,
    externalChallenges: f.externalChallenges ?? [],
  };
}

const finePayable = (f: ExecutionFacts) => f.decision?.kind === 'penalty' && f.decision.fineFen > 0;

function executing(f: ExecutionFacts): Outcome {
  if (f.archived) return refuse('CASE_ARCHIVED');
  if (!f.decision || !f.servedOn) return refuse('STAGE_DOES_NOT_ALLOW', undefined, undefined, { stage: f.decision ? 'decided' : 'investigating' });
  return allowed;
}

/** 行政处罚法 第七十三条: the party applied for reconsideration or sued; one proceeding at a time is recorded. */
export function checkRemedyFiled(f: ExecutionFacts, input: { kind: RemedyKind; filedOn: string }, todayOn: string): Outcome {
  const e = executing(f);
  if (!e.ok) return e;
  if (input.filedOn > todayOn) return refuse('DATE_IN_FUTURE', undefined, 'filedOn');
  if (input.filedOn < f.servedOn!) return refuse('DATE_BEFORE_SERVICE', APL_73_3, 'filedOn');
  if (pendingRemedy(f.records)) return refuse('REMEDY_ALREADY_PENDING', APL_73_3);
  const last = f.records.remedies.at(-1);
  if (last?.endedOn && input.filedOn < last.endedOn) return refuse('DATE_BEFORE_PREVIOUS_REMEDY', undefined, 'filedOn');
  return allowed;
}

export function checkRemedyEnded(f: ExecutionFacts, input: { endedOn: string }, todayOn: string): Outcome {
  if (f.archived) return refuse('CASE_ARCHIVED');
  const open = pendingRemedy(f.records);
  if (!open) return refuse('NO_REMEDY_PENDING', APL_73_3);
  if (input.endedOn > todayOn) return refuse('DATE_IN_FUTURE', undefined, 'endedOn');
  if (input.endedOn < open.filedOn) return refuse('DATE_BEFORE_REMEDY', undefined, 'endedOn');
  return allowed;
}

export interface ArrangementInput { appliedOn: string; approvedOn: string; instalments: readonly { readonly dueOn: string; readonly amountFen: number }[] }

/** 行政处罚法 第六十六条第二款: deferral or instalments on the party's application and the bureau's approval. */
export function checkPaymentArrangement(f: ExecutionFacts, input: ArrangementInput, todayOn: string): Outcome {
  const e = executing(f);
  if (!e.ok) return e;
  if (!finePayable(f)) return refuse('NO_FINE_TO_PAY');
  if (f.records.arrangement) return refuse('PAYMENT_ARRANGEMENT_EXISTS', APL_66_2);
  if (f.paidFen >= f.amountDueFen) return refuse('ALREADY_PAID');
  if (input.approvedOn > todayOn) return refuse('DATE_IN_FUTURE', undefined, 'approvedOn');
  if (input.appliedOn < f.servedOn!) return refuse('DATE_BEFORE_SERVICE', APL_66_2, 'appliedOn');
  if (input.approvedOn < input.appliedOn) return refuse('APPROVAL_BEFORE_APPLICATION', APL_66_2, 'approvedOn');
  // Decision (unconfirmed): the party applies while the payment period runs; afterwards the surcharge has begun.
  if (f.records.originalPaymentDueOn && input.appliedOn > f.records.originalPaymentDueOn) {
    return refuse('ARRANGEMENT_APPLIED_LATE', APL_66_2, 'appliedOn', { paymentDueOn: f.records.originalPaymentDueOn });
  }
  if (input.instalments.reduce((s, i) => s + i.amountFen, 0) !== f.decision!.fineFen) {
    return refuse('INSTALMENTS_DO_NOT_ADD_UP', APL_66_2, 'instalments', { fineFen: f.decision!.fineFen });
  }
  for (let i = 0; i < input.instalments.length; i++) {
    const inst = input.instalments[i]!;
    if (inst.dueOn <= input.approvedOn || (i > 0 && inst.dueOn <= input.instalments[i - 1]!.dueOn)) {
      return refuse('INSTALMENT_DATES_OUT_OF_ORDER', APL_66_2, `instalments.${i}.dueOn`);
    }
  }
  return allowed;
}

/** 行政强制法 第五十四条: the written reminder, once the fine is overdue and unpaid. */
export function checkReminder(f: ExecutionFacts, input: { servedOn: string }, todayOn: string): Outcome {
  const e = executing(f);
  if (!e.ok) return e;
  if (!finePayable(f)) return refuse('NO_FINE_TO_PAY');
  if (f.paidFen >= f.amountDueFen) return refuse('ALREADY_PAID');
  if (input.servedOn > todayOn) return refuse('DATE_IN_FUTURE', undefined, 'servedOn');
  if (!f.paymentDueOn || input.servedOn <= f.paymentDueOn) return refuse('PAYMENT_PERIOD_NOT_OVER', AEL_54, 'servedOn', { paymentDueOn: f.paymentDueOn ?? '' });
  return allowed;
}

export interface CourtWindow {
  /** The last day of the party's period to seek a remedy (or of the approved schedule, or of the proceeding). */
  periodEndsOn: string;
  /** Ten working days after the reminder, or null before one was served. */
  reminderExpiresOn: string | null;
  earliestOn: string;
  latestOn: string;
}

/** 行政强制法 第五十三条, 第五十四条; 行政处罚法 第七十二条第二款: when the bureau may apply to the court. */
export function computeCourtEnforcementWindow(cal: PeriodCalendar, f: ExecutionFacts): CourtWindow | null {
  if (!finePayable(f) || !f.servedOn) return null;
  let periodEndsOn = addMonths(f.servedOn, LITIGATION_MONTHS);
  const lastInstalment = f.records.arrangement?.instalments.at(-1)?.dueOn;
  if (lastInstalment && lastInstalment > periodEndsOn) periodEndsOn = lastInstalment;
  for (const r of challengeIntervals(f)) if (r.endedOn && r.endedOn > periodEndsOn) periodEndsOn = r.endedOn;
  const reminderExpiresOn = f.records.reminderServedOn ? cal.addWorkingDays(f.records.reminderServedOn, REMINDER_WORKING_DAYS) : null;
  const afterPeriod = addDays(periodEndsOn, 1);
  const afterReminder = reminderExpiresOn ? addDays(reminderExpiresOn, 1) : afterPeriod;
  return { periodEndsOn, reminderExpiresOn, earliestOn: afterReminder > afterPeriod ? afterReminder : afterPeriod, latestOn: addMonths(periodEndsOn, COURT_APPLICATION_MONTHS) };
}

/** Applying to the court: a reminder served and ten working days passed, nothing pending, inside the three months. */
export function checkCourtEnforcementWindow(cal: PeriodCalendar, f: ExecutionFacts, appliedOn: string, todayOn: string): Outcome {
  const e = executing(f);
  if (!e.ok) return e;
  if (!finePayable(f)) return refuse('NO_FINE_TO_PAY');
  if (f.courtEnforcementAppliedOn) return refuse('COURT_ENFORCEMENT_ALREADY_APPLIED');
  if (f.paidFen >= f.amountDueFen) return refuse('ALREADY_PAID');
  if (appliedOn > todayOn) return refuse('DATE_IN_FUTURE', undefined, 'appliedOn');
  // 行政强制法 第五十三条: not while a reconsideration or action is pending, wherever it was recorded.
  if (challengePending(f)) return refuse('REMEDY_PENDING', AEL_53);
  if (!f.records.reminderServedOn) return refuse('REMINDER_NOT_SERVED', AEL_54);
  const w = computeCourtEnforcementWindow(cal, f)!;
  if (w.reminderExpiresOn && appliedOn <= w.reminderExpiresOn) return refuse('REMINDER_PERIOD_NOT_OVER', AEL_54, 'appliedOn', { earliestOn: w.earliestOn });
  if (appliedOn <= w.periodEndsOn) return refuse('LITIGATION_PERIOD_NOT_OVER', AEL_53, 'appliedOn', { earliestOn: w.earliestOn });
  if (appliedOn > w.latestOn) return refuse('COURT_ENFORCEMENT_WINDOW_PASSED', AEL_53, 'appliedOn', { latestOn: w.latestOn });
  return allowed;
}
