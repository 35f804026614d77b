// The case period (办案期限): 行政处罚法 第六十条 — 行政机关应当自行政处罚案件立案之日起九十日内作出行政处罚决定。
// 法律、法规、规章另有规定的，从其规定。
//
// The rule that applies under the last sentence is the MEE's 生态环境行政处罚办法 (2023), not read (its text
// beyond the first articles is not in LawRefBook/Laws), so its details stay (unconfirmed):
// - a case that cannot be decided in 90 days may be extended once with the approval of the bureau's head,
//   before the period runs out, by up to 30 days (unconfirmed length);
// - a further extension only after the bureau's heads discussed it collectively (集体讨论), which also
//   sets its length;
// - time for a hearing, a public notice, monitoring, testing and appraisal (听证、公告、监测、检测、鉴定)
//   is not counted.
// Decision (unconfirmed): the time a case stands suspended for a transfer of a suspected crime (国务院令
// 第310号) is not counted either, so a case the police hand back can still be decided in the same case.
// No other field extends the period: an investigation record that carries `extensionDays` is refused.
import { allowed, refuse, type Citation, type Outcome } from '../../law/outcome.js';
import { daysBetween } from '../../law/civil-date.js';
import type { CaseRecords } from './case-records.js';

export const APL_60: Citation = { law: '行政处罚法', article: '第六十条' };
/** 生态环境行政处罚办法 (2023): the first extension's length (unconfirmed). */
export const FIRST_EXTENSION_MAX_DAYS = 30;

interface Span { fromOn: string; toOn: string }

/** Days covered by the spans, each day once (inclusive of both ends). */
export function countCoveredDays(spans: Span[]): number {
  const sorted = spans.filter((s) => s.toOn >= s.fromOn).sort((a, b) => (a.fromOn < b.fromOn ? -1 : a.fromOn > b.fromOn ? 1 : 0));
  let total = 0;
  let coveredTo: string | null = null;
  for (const s of sorted) {
    if (coveredTo === null || s.fromOn > coveredTo) { total += daysBetween(s.fromOn, s.toOn) + 1; coveredTo = s.toOn; continue; }
    if (s.toOn > coveredTo) { total += daysBetween(coveredTo, s.toOn); coveredTo = s.toOn; }
  }
  return total;
}

/** Days added to the 90: approved extensions, plus excluded and closed suspension periods (第六十条). */
export function computeDecisionExtraDays(r: CaseRecords): number {
  const extended = r.extensions.reduce((s, e) => s + e.days, 0);
  const closedSuspensions = r.crimeTransfers.filter((c) => c.toOn !== null).map((c) => ({ fromOn: c.fromOn, toOn: c.toOn! }));
  return extended + countCoveredDays([...r.excludedPeriods, ...closedSuspensions]);
}

export interface ExtensionFacts { filedOn: string; decisionDueOn: string; decided: boolean; archived: boolean; records: CaseRecords }
export interface ExtensionInput {
  approvedOn: string; days: number;
  /** The committee meeting that discussed a further extension, as recorded. */
  meeting: null | { id: number; heldOn: string };
}

/** 行政处罚法 第六十条 with 生态环境行政处罚办法: the head approves the first extension before expiry; a further one needs collective discussion. */
export function checkCaseExtension(f: ExtensionFacts, input: ExtensionInput, todayOn: string): Outcome {
  if (f.archived) return refuse('CASE_ARCHIVED');
  if (f.decided) return refuse('ALREADY_DECIDED');
  if (input.approvedOn > todayOn) return refuse('DATE_IN_FUTURE', undefined, 'approvedOn');
  if (input.approvedOn < f.filedOn) return refuse('DATE_BEFORE_FILING', undefined, 'approvedOn');
  // An extension must be approved while the period still runs.
  if (input.approvedOn > f.decisionDueOn) return refuse('EXTENSION_AFTER_EXPIRY', APL_60, 'approvedOn', { decisionDueOn: f.decisionDueOn });
  if (f.records.extensions.length === 0) {
    if (input.days > FIRST_EXTENSION_MAX_DAYS) return refuse('EXTENSION_TOO_LONG', APL_60, 'days', { maxDays: FIRST_EXTENSION_MAX_DAYS });
    return allowed;
  }
  if (!input.meeting) return refuse('EXTENSION_NEEDS_COLLECTIVE_DISCUSSION', APL_60, 'meetingId');
  if (input.meeting.heldOn > input.approvedOn || input.meeting.heldOn < f.filedOn) return refuse('EXTENSION_MEETING_OUT_OF_ORDER', APL_60, 'meetingId');
  return allowed;
}

export interface ExcludedPeriodInput { fromOn: string; toOn: string }

/** 生态环境行政处罚办法 (unconfirmed): a period not counted lies between filing and today, and ends after it starts. */
export function checkExcludedPeriod(f: ExtensionFacts, input: ExcludedPeriodInput, todayOn: string): Outcome {
  if (f.archived) return refuse('CASE_ARCHIVED');
  if (f.decided) return refuse('ALREADY_DECIDED');
  if (input.fromOn < f.filedOn) return refuse('DATE_BEFORE_FILING', APL_60, 'fromOn');
  if (input.toOn < input.fromOn) return refuse('PERIOD_ENDS_BEFORE_START', APL_60, 'toOn');
  if (input.toOn > todayOn) return refuse('DATE_IN_FUTURE', undefined, 'toOn');
  return allowed;
}

/** Only the extension action moves the case period: any other field that tries is refused. */
export function checkNoExtensionField(details: Record<string, unknown> | undefined): Outcome {
  if (details && ('extensionDays' in details || 'decisionDueOn' in details)) {
    return refuse('EXTENSION_ONLY_BY_APPROVAL', APL_60, `details.${'extensionDays' in details ? 'extensionDays' : 'decisionDueOn'}`);
  }
  return allowed;
}
