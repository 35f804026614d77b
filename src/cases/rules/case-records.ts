// What the case's timeline records beyond the core facts: approved extensions and excluded periods
// (行政处罚法 第六十条), reconsideration and litigation (第七十三条), an approved deferral or instalments
// (第六十六条第二款), the reminder before court enforcement (行政强制法 第五十四条), the party's consent to
// electronic service (第六十一条第二款), a hearing ended by the party's absence (第六十四条 (六)) and a
// transfer of a suspected crime (国务院令第310号). Pure: derived from the steps the actions wrote.
import type { Instalment } from '../../law/late-payment.js';

export const EXCLUDED_PERIOD_KINDS = ['hearing', 'public_notice', 'monitoring', 'testing', 'appraisal'] as const;
export type ExcludedPeriodKind = (typeof EXCLUDED_PERIOD_KINDS)[number];
export const REMEDY_KINDS = ['reconsideration', 'litigation'] as const;
export type RemedyKind = (typeof REMEDY_KINDS)[number];
export const REMEDY_OUTCOMES = ['upheld', 'changed', 'revoked', 'withdrawn', 'dismissed'] as const;
export type RemedyOutcome = (typeof REMEDY_OUTCOMES)[number];

export interface CaseRecords {
  extensions: { approvedOn: string; days: number; meetingId: number | null }[];
  excludedPeriods: { kind: ExcludedPeriodKind; fromOn: string; toOn: string }[];
  remedies: { kind: RemedyKind; filedOn: string; endedOn: string | null; outcome: RemedyOutcome | null }[];
  /** The original payment deadline (行政处罚法 第六十七条), before any approved deferral. */
  originalPaymentDueOn: string | null;
  arrangement: null | { appliedOn: string; approvedOn: string; instalments: Instalment[] };
  reminderServedOn: string | null;
  serviceConsent: null | { signedOn: string; channel: string; address: string };
  hearingWaived: null | { on: string; reason: 'absent' | 'left' };
  /** Days the case stood suspended for a crime transfer; `toOn` null while it still stands. */
  crimeTransfers: { measureId: number; fromOn: string; toOn: string | null }[];
}

export const NO_RECORDS: CaseRecords = {
  extensions: [], excludedPeriods: [], remedies: [], originalPaymentDueOn: null, arrangement: null, reminderServedOn: null,
  serviceConsent: null, hearingWaived: null, crimeTransfers: [],
};

/** The step kinds these records come from. */
export const RECORD_STEP_KINDS = [
  'extension', 'excluded_period', 'remedy_filed', 'remedy_ended', 'payment_arrangement', 'service', 'reminder', 'service_consent', 'hearing_absent', 'measure',
] as const;

export interface StepLike { kind: string; occurredOn: string; data: Record<string, unknown> }

const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);
const num = (v: unknown): number => (typeof v === 'number' ? v : 0);

/** 310号 第八条, 第十条, 第十三条: the police's answers that hand the case back to the bureau. */
const RESUMING_CRIME_STATUSES = ['not_filed', 'returned', 'withdrawn'];

export function recordsFromSteps(steps: StepLike[], paymentDueOn: string | null): CaseRecords {
  const r: CaseRecords = { ...NO_RECORDS, extensions: [], excludedPeriods: [], remedies: [], crimeTransfers: [], originalPaymentDueOn: paymentDueOn };
  for (const s of steps) {
    const d = s.data;
    switch (s.kind) {
      case 'extension':
        // Only approved extensions count; an old record without `approvedOn` was approved on its step's day.
        r.extensions.push({ approvedOn: str(d.approvedOn) ?? s.occurredOn, days: num(d.extensionDays), meetingId: typeof d.meetingId === 'number' ? d.meetingId : null });
        break;
      case 'excluded_period':
        r.excludedPeriods.push({ kind: d.periodKind as ExcludedPeriodKind, fromOn: str(d.fromOn)!, toOn: str(d.toOn)! });
        break;
      case 'remedy_filed':
        r.remedies.push({ kind: d.remedyKind as RemedyKind, filedOn: s.occurredOn, endedOn: null, outcome: null });
        break;
      case 'remedy_ended': {
        const open = r.remedies.find((x) => x.endedOn === null);
        if (open) { open.endedOn = s.occurredOn; open.outcome = d.outcome as RemedyOutcome; }
        break;
      }
      case 'service':
        if (str(d.paymentDueOn)) r.originalPaymentDueOn = str(d.paymentDueOn);
        break;
      case 'payment_arrangement':
        r.arrangement = { appliedOn: str(d.appliedOn)!, approvedOn: s.occurredOn, instalments: (d.instalments as Instalment[]) ?? [] };
        break;
      case 'reminder':
        r.reminderServedOn = s.occurredOn;
        break;
      case 'service_consent':
        r.serviceConsent = { signedOn: s.occurredOn, channel: str(d.channel) ?? '', address: str(d.address) ?? '' };
        break;
      case 'hearing_absent':
        r.hearingWaived = { on: s.occurredOn, reason: d.reason === 'left' ? 'left' : 'absent' };
        break;
      case 'measure': {
        if (d.measureKind !== 'crime_transfer' || typeof d.measureId !== 'number') break;
        const open = r.crimeTransfers.find((x) => x.measureId === d.measureId && x.toOn === null);
        if (d.status === 'transferred' && !open) r.crimeTransfers.push({ measureId: d.measureId, fromOn: s.occurredOn, toOn: null });
        else if (open && RESUMING_CRIME_STATUSES.includes(String(d.status))) open.toOn = s.occurredOn;
        break;
      }
    }
  }
  return r;
}

/** The payment schedule in force: the approved instalments, or the whole fine on the original deadline. */
export function paymentScheduleOf(r: CaseRecords, fineFen: number): Instalment[] {
  if (r.arrangement) return r.arrangement.instalments;
  return r.originalPaymentDueOn ? [{ dueOn: r.originalPaymentDueOn, amountFen: fineFen }] : [];
}

export const pendingRemedy = (r: CaseRecords) => r.remedies.find((x) => x.endedOn === null) ?? null;
export const suspendedForCrime = (r: CaseRecords) => r.crimeTransfers.find((x) => x.toOn === null) ?? null;
