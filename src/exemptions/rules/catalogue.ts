// The first-violation exemption catalogue (轻微环境违法行为目录清单) as versioned data: batches with
// effective dates, entries with their conditions. Pure: which batch is in force on a day, and what
// may still be edited.
import { allowed, refuse, type Citation, type Outcome } from '../../law/outcome.js';

// 行政处罚法 第三十三条第一款: 违法行为轻微并及时改正，没有造成危害后果的，不予行政处罚。初次违法且危害
// 后果轻微并及时改正的，可以不予行政处罚。
export const APL_33_1: Citation = { law: '行政处罚法', article: '第三十三条', paragraph: '第一款' };
// 行政处罚法 第三十三条第二款: 当事人有证据足以证明没有主观过错的，不予行政处罚。
export const APL_33_2: Citation = { law: '行政处罚法', article: '第三十三条', paragraph: '第二款' };
// 行政处罚法 第三十三条第三款: 对当事人的违法行为依法不予行政处罚的，行政机关应当对当事人进行教育。
export const APL_33_3: Citation = { law: '行政处罚法', article: '第三十三条', paragraph: '第三款' };

/** One entry-specific condition the catalogue adds (e.g. 超标倍数在0.1倍以内), answered yes/no by the officer. */
export interface ExtraCondition { key: string; text: string }

/** What an entry requires beyond the violation itself. */
export interface EntryConditions {
  /** 初次违法: no violation established by the bureau within this many months before the act. */
  lookBackMonths: number;
  /** 及时改正: the period to correct after the order (责令改正). */
  correctionDays: number;
  correctionWorkingDays: boolean;
  /** 非主观故意, where the entry asks for it. */
  noIntentRequired: boolean;
  extra: ExtraCondition[];
}

export interface CatalogueVersion {
  id: number;
  code: string;
  title: string;
  effectiveOn: string;
  /** The first day it no longer applies (废止/失效), or null while open-ended. */
  expiresOn: string | null;
}

/** Whether a batch applies on a day: from its effective date up to (not including) its expiry. */
export function isCatalogueInForce(c: Pick<CatalogueVersion, 'effectiveOn' | 'expiresOn'>, on: string): boolean {
  return c.effectiveOn <= on && (c.expiresOn === null || on < c.expiresOn);
}

/** The batches in force on a day; a case decided before an entry's effective date uses the batches then in force. */
export function cataloguesInForceOn<C extends Pick<CatalogueVersion, 'effectiveOn' | 'expiresOn'>>(list: readonly C[], on: string): C[] {
  return list.filter((c) => isCatalogueInForce(c, on));
}

/** An entry may be applied only on a day its batch is in force (行政处罚法 第三十三条第一款 with the bureau's list). */
export function checkEntryInForce(c: CatalogueVersion, on: string): Outcome {
  if (isCatalogueInForce(c, on)) return allowed;
  return refuse(on < c.effectiveOn ? 'EXEMPTION_ENTRY_NOT_YET_IN_FORCE' : 'EXEMPTION_ENTRY_EXPIRED', APL_33_1, 'entryId',
    { effectiveOn: c.effectiveOn, expiresOn: c.expiresOn ?? '' });
}

/** A batch in force (or once in force) is history: its entries are frozen; publish a new batch instead. */
export function checkCatalogueEditable(c: Pick<CatalogueVersion, 'effectiveOn'>, todayOn: string): Outcome {
  return c.effectiveOn <= todayOn ? refuse('CATALOGUE_IN_FORCE_IMMUTABLE') : allowed;
}

export interface CatalogueDates { effectiveOn: string; expiresOn: string | null }

/** New dates for a batch: expiry after the effective date; a batch that already applied keeps its effective date and is not repealed retroactively. */
export function checkCatalogueDates(before: CatalogueDates | null, after: CatalogueDates, todayOn: string): Outcome {
  if (after.expiresOn !== null && after.expiresOn <= after.effectiveOn) return refuse('CATALOGUE_DATES_INVALID', undefined, 'expiresOn');
  const applied = before !== null && before.effectiveOn <= todayOn;
  if (applied && after.effectiveOn !== before.effectiveOn) return refuse('CATALOGUE_IN_FORCE_IMMUTABLE', undefined, 'effectiveOn');
  if (applied && after.expiresOn !== before.expiresOn && after.expiresOn !== null && after.expiresOn <= todayOn) {
    return refuse('CATALOGUE_EXPIRY_IN_PAST', undefined, 'expiresOn');
  }
  return allowed;
}

/** Structural problems of an entry's conditions, each with the field it concerns. */
export function findConditionProblems(c: EntryConditions): { code: string; field: string }[] {
  const problems: { code: string; field: string }[] = [];
  if (!Number.isInteger(c.lookBackMonths) || c.lookBackMonths < 1 || c.lookBackMonths > 60) problems.push({ code: 'LOOK_BACK_OUT_OF_RANGE', field: 'conditions.lookBackMonths' });
  if (!Number.isInteger(c.correctionDays) || c.correctionDays < 0 || c.correctionDays > 365) problems.push({ code: 'CORRECTION_DAYS_OUT_OF_RANGE', field: 'conditions.correctionDays' });
  const seen = new Set<string>();
  c.extra.forEach((x, i) => {
    if (seen.has(x.key)) problems.push({ code: 'CONDITION_KEY_DUPLICATE', field: `conditions.extra.${i}.key` });
    seen.add(x.key);
  });
  return problems;
}
