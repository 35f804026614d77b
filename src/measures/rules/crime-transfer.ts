// 移送涉嫌犯罪案件: 行政处罚法 第二十七条 with 《行政执法机关移送涉嫌犯罪案件的规定》 (国务院令第310号, 2020 修订).
//
// Read: 第五条 — the officers report in writing; the agency's head decides to approve the transfer or
// not within 3 days of receiving the report; an approved case goes to the police of the same level
// within 24 hours; the reasons for not approving are put on record. Recalled (article numbers
// unconfirmed): 第八条 — the police review the case within 3 days of receiving it and notify the agency
// in writing whether they file it (立案) or not, returning the materials when they do not; 第九条 — the
// agency may ask the police to reconsider a refusal within 3 days of the notice; 第十一条 — an
// administrative penalty does not replace the transfer, warnings and orders already decided stay in
// force, and a fine already imposed is offset against a criminal fine (also 行政处罚法 第三十五条).
// 行政处罚法 第二十七条第一款: where criminal liability is not pursued or criminal punishment is waived
// but an administrative penalty is due, the judicial organ returns the case to the agency — the
// administrative penalty may still apply, which `crimeTransferReminders` says on the record.
// "24 小时" is checked on civil dates: the transfer is due on the day after the approval at the latest.
import { allowed, refuse, type Outcome } from '../../law/outcome.js';
import { addDays } from '../../law/civil-date.js';
import { CITE } from './citations.js';
import type { ExplanationLine } from './daily-penalty.js';
import type { MeasureCalendar } from './periods.js';

export const APPROVAL_DAYS = 3;
export const POLICE_REVIEW_DAYS = 3;
export const RECONSIDERATION_DAYS = 3;

/** 立案, 不予立案 (第八条), 退回 (第八条, 第十三条), 撤销案件 after filing (第十三条). */
export const CRIME_OUTCOMES = ['filed', 'not_filed', 'returned', 'withdrawn'] as const;
export type CrimeOutcome = (typeof CRIME_OUTCOMES)[number];

export function crimeApprovalDueOn(cal: MeasureCalendar, reportOn: string): string {
  return cal.addDays(reportOn, APPROVAL_DAYS);
}
/** 24 hours after approval, on civil dates. */
export function crimeTransferDueOn(approvedOn: string): string {
  return addDays(approvedOn, 1);
}
export function policeReviewDueOn(cal: MeasureCalendar, transferredOn: string): string {
  return cal.addDays(transferredOn, POLICE_REVIEW_DAYS);
}
export function reconsiderationDueOn(cal: MeasureCalendar, notifiedOn: string): string {
  return cal.addDays(notifiedOn, RECONSIDERATION_DAYS);
}

export interface CrimeTransferFacts {
  status: string;
  reportOn: string;
  approvalDueOn: string;
  approvedOn: string | null;
  transferredOn: string | null;
}

export function checkCrimeTransferReport(input: { reportOn: string }, todayOn: string): Outcome {
  return input.reportOn > todayOn ? refuse('DATE_IN_FUTURE', undefined, 'reportOn') : allowed;
}

/** The head's decision within 3 days of the report, a refusal with its reasons (第五条). */
export function checkCrimeApproval(
  f: CrimeTransferFacts, input: { decidedOn: string; approved: boolean; reason?: string | null; lateReason?: string | null }, todayOn: string,
): Outcome {
  if (f.status !== 'awaiting_approval') return refuse('MEASURE_STEP_NOT_ALLOWED');
  if (input.decidedOn > todayOn) return refuse('DATE_IN_FUTURE', undefined, 'decidedOn');
  if (input.decidedOn < f.reportOn) return refuse('DATE_BEFORE_MEASURE', undefined, 'decidedOn');
  if (!input.approved && !input.reason?.trim()) return refuse('NOT_APPROVED_REASON_REQUIRED', CITE.crimeTransferApproval, 'reason');
  if (input.decidedOn > f.approvalDueOn && !input.lateReason?.trim()) return refuse('TRANSFER_LATE_REASON_REQUIRED', CITE.crimeTransferApproval, 'lateReason');
  return allowed;
}

/** The transfer to the police: only once approved, within 24 hours of the approval (第五条). */
export function checkCrimeHandover(f: CrimeTransferFacts, input: { transferredOn: string; lateReason?: string | null }, todayOn: string): Outcome {
  if (f.status === 'awaiting_approval') return refuse('CRIME_TRANSFER_NOT_APPROVED', CITE.crimeTransferApproval);
  if (f.status !== 'approved') return refuse('MEASURE_STEP_NOT_ALLOWED');
  if (input.transferredOn > todayOn) return refuse('DATE_IN_FUTURE', undefined, 'transferredOn');
  if (input.transferredOn < f.approvedOn!) return refuse('DATE_BEFORE_MEASURE', undefined, 'transferredOn');
  if (input.transferredOn > crimeTransferDueOn(f.approvedOn!) && !input.lateReason?.trim()) {
    return refuse('TRANSFER_LATE_REASON_REQUIRED', CITE.crimeTransferApproval, 'lateReason');
  }
  return allowed;
}

/** The police's answer: filed (立案), not filed (不立案), or returned. */
export function checkCrimeOutcome(f: CrimeTransferFacts, input: { outcome: CrimeOutcome; decidedOn: string }, todayOn: string): Outcome {
  // 第八条: the police's first answer follows the transfer; 第十三条: a filed case may later be dropped or handed back.
  const from: Record<CrimeOutcome, string[]> = { filed: ['transferred'], not_filed: ['transferred'], returned: ['transferred', 'filed'], withdrawn: ['filed'] };
  if (!from[input.outcome].includes(f.status)) return refuse('MEASURE_STEP_NOT_ALLOWED', CITE.crimeResumption, 'outcome');
  if (input.decidedOn > todayOn) return refuse('DATE_IN_FUTURE', undefined, 'decidedOn');
  if (input.decidedOn < f.transferredOn!) return refuse('DATE_BEFORE_TRANSFER', undefined, 'decidedOn');
  return allowed;
}

/** What the record reminds the officers of at each point (行政处罚法 第二十七条, 第三十五条; 规定 第九条, 第十一条). */
export function crimeTransferReminders(status: string, reconsiderationDue: string | null): ExplanationLine[] {
  const lines: ExplanationLine[] = [{
    zh: '移送涉嫌犯罪案件不得以行政处罚代替；已作出的警告、责令停产停业、暂扣或者吊销许可证等决定不停止执行',
    en: 'A penalty does not replace the transfer; warnings, orders to suspend and licence measures already decided stay in force',
    citation: CITE.crimeNoSubstitution,
  }];
  if (status === 'not_filed' || status === 'returned' || status === 'withdrawn') {
    lines.push({
      zh: '司法机关不追究刑事责任的，对依法应当给予行政处罚的违法行为，本机关仍应当依法作出行政处罚',
      en: 'Criminal liability is not pursued: where the violation calls for an administrative penalty, the bureau still imposes it',
      citation: CITE.transferCrime,
    });
  }
  if (status === 'not_filed' && reconsiderationDue) {
    lines.push({
      zh: `对不予立案决定有异议的，可以在 ${reconsiderationDue} 前提请公安机关复议，或者建议人民检察院进行立案监督`,
      en: `To contest the refusal to file, ask the police to reconsider by ${reconsiderationDue}, or ask the procuratorate to supervise`,
      citation: CITE.crimeReconsideration,
    });
  }
  if (status === 'filed') {
    lines.push({
      zh: '移送前已依法给予的罚款，人民法院判处罚金时依法折抵相应罚金',
      en: 'A fine already imposed is offset against any criminal fine the court imposes',
      citation: CITE.fineOffsetsCriminalFine,
    });
  }
  return lines;
}
