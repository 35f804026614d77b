// Limitation on penalties (追责时效). Pure.
//
// 行政处罚法 第三十六条: 违法行为在二年内未被发现的，不再给予行政处罚；涉及公民生命健康安全、金融安全
// 且有危害后果的，上述期限延长至五年。法律另有规定的除外。前款规定的期限，从违法行为发生之日起计算；
// 违法行为有连续或者继续状态的，从行为终了之日起计算。
//
// Counting: a period in years; the starting day is not counted and it ends on the corresponding day
// (民法典 第二百零一条, 第二百零二条: 29 February runs to 28 February). A violation discovered on
// that last day is still within time. No holiday roll-forward: discovery is not an act a party must
// perform on a working day (民法典 第二百零三条 is for periods of acts).
//
// Old and new law (decision, unconfirmed in practice): the five-year extension came with the 2021
// revision (in force 2021-07-15). Under 第三十七条 (the law at the time of the act applies unless the
// new one is lighter), a violation whose period started before that day keeps the old two years
// (2017 text 第二十九条) even where the extension's facts are present. Some authorities treat the
// limitation as procedural and apply the new law to any case pending on that day; this rule does not.

import { allowed, refuse, type Citation, type Outcome } from './outcome.js';
import { addYears, compareCivilDates } from './civil-date.js';

export const APL_36: Citation = { law: '行政处罚法', article: '第三十六条', paragraph: '第一款' };
export const APL_36_2: Citation = { law: '行政处罚法', article: '第三十六条', paragraph: '第二款' };
export const APL_2017_29: Citation = { law: '行政处罚法（2017年修正）', article: '第二十九条' };

/** The 2021 revision of 行政处罚法 came into force on this day. */
export const APL_2021_IN_FORCE_ON = '2021-07-15';

export interface LimitationFacts {
  /** The day the violation was committed, or began if it continued. */
  committedOn: string;
  /**
   * For a continuing or repeated violation (连续或者继续状态): the day it ended, or null while it
   * still continues. Absent (undefined) for a one-off act.
   */
  endedOn?: string | null;
  /** The day the bureau discovered it. */
  discoveredOn: string;
  /** 涉及公民生命健康安全、金融安全且有危害后果. */
  lifeHealthOrFinancialSafetyWithHarm: boolean;
  /** 法律另有规定的除外: a law that sets another period. */
  otherLaw?: { years: number; citation: Citation } | null;
}

export interface LimitationPeriod {
  /** null while the violation continues: time has not started to run. */
  lastDayOn: string | null;
  years: number;
  citation: Citation;
}

/** The period that applies and its last day (行政处罚法 第三十六条). */
export function computeLimitationPeriod(f: LimitationFacts): LimitationPeriod {
  if (f.otherLaw) {
    const start = f.endedOn === undefined ? f.committedOn : f.endedOn;
    return { lastDayOn: start === null ? null : addYears(start, f.otherLaw.years), years: f.otherLaw.years, citation: f.otherLaw.citation };
  }
  // 第二款: from the day of the act, or from the end of a continuing or repeated violation.
  if (f.endedOn === null) return { lastDayOn: null, years: f.lifeHealthOrFinancialSafetyWithHarm ? 5 : 2, citation: APL_36_2 };
  const startOn = f.endedOn ?? f.committedOn;
  if (compareCivilDates(startOn, APL_2021_IN_FORCE_ON) < 0) {
    // 第三十七条: acts before the 2021 revision keep the two years of the 2017 text.
    return { lastDayOn: addYears(startOn, 2), years: 2, citation: APL_2017_29 };
  }
  const years = f.lifeHealthOrFinancialSafetyWithHarm ? 5 : 2;
  return { lastDayOn: addYears(startOn, years), years, citation: APL_36 };
}

/** 行政处罚法 第三十六条: no penalty once the violation went undiscovered for the period. */
export function checkLimitation(f: LimitationFacts): Outcome {
  if (compareCivilDates(f.discoveredOn, f.committedOn) < 0) return refuse('DISCOVERED_BEFORE_VIOLATION', undefined, 'discoveredOn');
  if (f.endedOn && compareCivilDates(f.endedOn, f.committedOn) < 0) return refuse('VIOLATION_ENDED_BEFORE_IT_BEGAN', undefined, 'endedOn');
  const period = computeLimitationPeriod(f);
  if (period.lastDayOn === null || compareCivilDates(f.discoveredOn, period.lastDayOn) <= 0) return allowed;
  return refuse('LIMITATION_EXPIRED', period.citation, 'discoveredOn', { lastDayOn: period.lastDayOn, years: period.years });
}
