// 违法次数 (the benchmark tables' `repeat` factor) from the bureau's own records, so the officer does not
// have to look it up. Source: the factor's definition in src/discretion/data/tables.ts (levels 两年内首次 /
// 两年内第二次 / 两年内三次及以上), modelled on 鲁环发〔2020〕1号's 裁量因子 method, whose exact text was not
// available here. What is counted is this rule's reading of "违法次数", marked where unconfirmed:
// - an earlier violation is one of the same enterprise's other cases decided with a penalty (决定给予行政处罚);
//   no-penalty, exemption, transfer and withdrawal decisions are not violations punished, so they do not count;
// - a decision later revoked on reconsideration or in court (复议/诉讼 撤销) does not count (unconfirmed:
//   whether a revoked decision still counts is not stated in the table);
// - "两年内" runs back from this case's filing date: decided on or after the same day two years earlier and
//   before the filing date (unconfirmed: the window could also be read from the violation or decision date).
// Pure: the cases are loaded by the caller; `filedOn` is the case's own filing date.
import { addYears, compareCivilDates } from '../../law/civil-date.js';

export type RepeatLevel = 'first' | 'second' | 'third';

export interface PartyCase {
  id: number;
  number: string;
  /** The case's decision kind ('penalty', 'no_penalty', …), null while undecided. */
  decisionKind: string | null;
  decidedOn: string | null;
  /** The decision was revoked on reconsideration or in court (remedy ended "revoked"). */
  revoked: boolean;
}

export interface RecordedRepeat {
  level: RepeatLevel;
  /** The earlier punished violations counted, oldest first. */
  counted: { id: number; number: string; decidedOn: string }[];
  /** The window searched: decided on or after `fromOn` and before `beforeOn`. */
  fromOn: string;
  beforeOn: string;
}

/** This case's 违法次数 level from the party's other cases (the case itself excluded by `caseId`). */
export function recordedRepeat(caseId: number, filedOn: string, partyCases: readonly PartyCase[]): RecordedRepeat {
  const fromOn = addYears(filedOn, -2);
  const counted = partyCases
    .filter((c) => c.id !== caseId && c.decisionKind === 'penalty' && !c.revoked && c.decidedOn !== null
      && compareCivilDates(c.decidedOn, fromOn) >= 0 && compareCivilDates(c.decidedOn, filedOn) < 0)
    .map((c) => ({ id: c.id, number: c.number, decidedOn: c.decidedOn! }))
    .sort((a, b) => compareCivilDates(a.decidedOn, b.decidedOn) || a.id - b.id);
  // This violation is the (counted + 1)-th within two years.
  const level: RepeatLevel = counted.length === 0 ? 'first' : counted.length === 1 ? 'second' : 'third';
  return { level, counted, fromOn, beforeOn: filedOn };
}
