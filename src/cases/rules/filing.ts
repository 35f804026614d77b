// Filing (立案): the filing window and its extension, and the limitation rule applied at filing. Pure.
//
// 生态环境行政处罚办法 (2023), not read (unconfirmed): a lead is checked and the filing decided within 15 days
// of discovery; with the head's approval the window may be extended by up to 15 days. 行政处罚法 第五十四条第二款
// (read): 符合立案标准的，行政机关应当及时立案 — a late filing is still a filing, but it rests on the head's
// recorded approval (date, days, reason), not on a free-text reason typed at filing.
// Decision: an extension approved after the window ran out counts its days from the approval.
import { allowed, refuse, type Citation, type Outcome } from '../../law/outcome.js';
import { checkLimitation } from '../../law/limitation.js';
import type { PeriodCalendar } from './deadlines.js';
import { computeDueOn } from './deadlines.js';

export const FILING_WINDOW: Citation = { law: '生态环境行政处罚办法', article: '立案' };
export const FILING_EXTENSION_MAX_DAYS = 15;

export interface LeadFacts {
  status: string;
  discoveredOn: string;
  filingDueOn: string;
  filingExtension: null | { approvedOn: string; days: number };
}

/** The head's approval of a longer filing window: once per lead, while it is open. */
export function checkFilingExtension(lead: LeadFacts, input: { approvedOn: string; days: number }, todayOn: string): Outcome {
  if (lead.status !== 'open') return refuse('LEAD_NOT_OPEN');
  if (lead.filingExtension) return refuse('FILING_ALREADY_EXTENDED', FILING_WINDOW);
  if (input.approvedOn > todayOn) return refuse('DATE_IN_FUTURE', undefined, 'approvedOn');
  if (input.approvedOn < lead.discoveredOn) return refuse('DATE_BEFORE_DISCOVERY', undefined, 'approvedOn');
  if (input.days > FILING_EXTENSION_MAX_DAYS) return refuse('EXTENSION_TOO_LONG', FILING_WINDOW, 'days', { maxDays: FILING_EXTENSION_MAX_DAYS });
  return allowed;
}

/** The window's new last day: counted from discovery, or from a late approval. */
export function computeExtendedFilingDueOn(cal: PeriodCalendar, lead: LeadFacts, input: { approvedOn: string; days: number }): string {
  if (input.approvedOn <= lead.filingDueOn) return computeDueOn(cal, 'filing', lead.discoveredOn, input.days);
  return cal.addDays(input.approvedOn, input.days);
}

/** A filing after the window needs the head's approved extension (its days are in `filingDueOn`). */
export function checkFilingInTime(lead: LeadFacts, todayOn: string): Outcome {
  if (todayOn <= lead.filingDueOn) return allowed;
  return refuse(lead.filingExtension ? 'FILING_EXTENSION_EXPIRED' : 'FILING_EXTENSION_REQUIRED', FILING_WINDOW, undefined, { filingDueOn: lead.filingDueOn });
}

export interface FilingLimitationInput {
  actOn: string; continuing: boolean; actEndedOn?: string | null; discoveredOn: string; longLimitation: boolean;
}

/**
 * 行政处罚法 第三十六条 (continuing violations from their end) and 第三十七条 (从旧兼从轻), through the tested rule in
 * src/law/limitation.ts. The field names the filing's own inputs.
 */
export function checkFilingLimitation(input: FilingLimitationInput): Outcome {
  const outcome = checkLimitation({
    committedOn: input.actOn,
    endedOn: input.continuing ? input.actEndedOn ?? null : undefined,
    discoveredOn: input.discoveredOn,
    lifeHealthOrFinancialSafetyWithHarm: input.longLimitation,
  });
  if (outcome.ok) return outcome;
  const field = outcome.code === 'VIOLATION_ENDED_BEFORE_IT_BEGAN' ? 'actEndedOn' : 'actOn';
  return { ...outcome, field };
}
