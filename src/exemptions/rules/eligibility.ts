// 首违不罚: whether a case meets a catalogue entry's conditions, condition by condition, each with
// the evidence it used. Three answers: eligible, not eligible, or needs facts (some condition unknown).
import { addDays, daysInMonth } from '../../law/civil-date.js';
import type { Citation } from '../../law/outcome.js';
import { APL_33_1, type EntryConditions } from './catalogue.js';

export type ConditionResult = 'met' | 'not_met' | 'unknown';
export type EligibilityStatus = 'eligible' | 'not_eligible' | 'needs_facts';

/** A violation the bureau established earlier (a penalty decision, or an exemption that still found the violation). */
export interface PriorViolation { caseId: number | null; number: string; kind: 'penalty' | 'exemption'; actOn: string; decidedOn: string }

export interface ExemptionFacts {
  /** When the act happened or, if continuing, ended. */
  actOn: string;
  /** The system's own records: from when they are complete, and what they hold for this enterprise (the case itself excluded). */
  history: { knownFromOn: string; priors: PriorViolation[] };
  /** The officer checked records outside the system for the look-back period: true none found, false one found, null not checked. */
  attestedNoPriorElsewhere: boolean | null;
  consequence: 'none' | 'minor' | 'serious' | null;
  /** 责令改正: ordered on, due by (computed from the entry's period), corrected on. */
  correction: { orderedOn: string | null; dueOn: string | null; correctedOn: string | null };
  intentional: boolean | null;
  extra: Record<string, boolean | null | undefined>;
  todayOn: string;
}

export interface ConditionOutcome {
  key: string;
  result: ConditionResult;
  /** What the result rests on, in words the reviewer reads. */
  evidence: string;
  citation: Citation;
  /** Case numbers, dates and answers used. */
  used: Record<string, unknown>;
}

export interface Eligibility { status: EligibilityStatus; conditions: ConditionOutcome[] }

const APL_33_2: Citation = { law: '行政处罚法', article: '第三十三条', paragraph: '第二款' };

/** The day `n` months before `on` (the same day of month, or the month's last day). */
export function monthsBefore(on: string, n: number): string {
  let y = Number(on.slice(0, 4));
  let m = Number(on.slice(5, 7)) - n;
  while (m < 1) { m += 12; y -= 1; }
  const d = Math.min(Number(on.slice(8, 10)), daysInMonth(y, m));
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** 初次违法: no violation established within the look-back period before the act. */
export function judgeFirstViolation(c: EntryConditions, f: ExemptionFacts): ConditionOutcome {
  const fromOn = monthsBefore(f.actOn, c.lookBackMonths);
  const within = f.history.priors.filter((p) => p.actOn >= fromOn && p.actOn < f.actOn);
  const used = { lookBackFromOn: fromOn, lookBackToOn: addDays(f.actOn, -1), knownFromOn: f.history.knownFromOn, priors: within.map((p) => p.number) };
  const base = { key: 'firstViolation', citation: APL_33_1, used };
  if (within.length) {
    return { ...base, result: 'not_met', evidence: `回溯期 ${fromOn} 至 ${used.lookBackToOn} 内已有违法记录：${within.map((p) => `${p.number}（${p.kind === 'penalty' ? '处罚' : '免罚'}，${p.decidedOn}）`).join('、')}` };
  }
  if (f.attestedNoPriorElsewhere === false) return { ...base, result: 'not_met', evidence: '执法人员核查系统外记录，回溯期内存在违法记录' };
  if (f.history.knownFromOn > fromOn && f.attestedNoPriorElsewhere !== true) {
    return { ...base, result: 'unknown', evidence: `系统记录自 ${f.history.knownFromOn} 起，未覆盖回溯期起点 ${fromOn}：需执法人员核查系统外记录` };
  }
  return { ...base, result: 'met', evidence: `回溯期 ${fromOn} 至 ${used.lookBackToOn} 内本系统无处罚或免罚记录${f.attestedNoPriorElsewhere ? '，系统外记录经核查亦无' : ''}` };
}

/** 危害后果轻微 (or none). */
export function judgeMinorConsequence(f: ExemptionFacts): ConditionOutcome {
  const base = { key: 'minorConsequence', citation: APL_33_1, used: { consequence: f.consequence } };
  if (f.consequence === null) return { ...base, result: 'unknown', evidence: '尚未认定危害后果' };
  if (f.consequence === 'serious') return { ...base, result: 'not_met', evidence: '认定造成较重危害后果' };
  return { ...base, result: 'met', evidence: f.consequence === 'none' ? '未造成危害后果' : '危害后果轻微' };
}

/** 及时改正: corrected within the period the order set. */
export function judgeCorrectedInTime(f: ExemptionFacts): ConditionOutcome {
  const { orderedOn, dueOn, correctedOn } = f.correction;
  const base = { key: 'correctedInTime', citation: APL_33_1, used: { orderedOn, dueOn, correctedOn } };
  if (!orderedOn || !dueOn) return { ...base, result: 'unknown', evidence: '尚未记录责令改正及改正期限' };
  if (correctedOn) {
    return correctedOn <= dueOn
      ? { ...base, result: 'met', evidence: `${correctedOn} 完成改正，未超过改正期限 ${dueOn}` }
      : { ...base, result: 'not_met', evidence: `${correctedOn} 方完成改正，超过改正期限 ${dueOn}` };
  }
  if (f.todayOn > dueOn) return { ...base, result: 'not_met', evidence: `改正期限 ${dueOn} 已届满，未改正` };
  return { ...base, result: 'unknown', evidence: `改正期限 ${dueOn} 尚未届满，尚未改正` };
}

/** 非主观故意, where the entry asks for it. */
export function judgeNoIntent(f: ExemptionFacts): ConditionOutcome {
  const base = { key: 'noIntent', citation: APL_33_2, used: { intentional: f.intentional } };
  if (f.intentional === null) return { ...base, result: 'unknown', evidence: '尚未认定主观过错' };
  return f.intentional
    ? { ...base, result: 'not_met', evidence: '认定为主观故意' }
    : { ...base, result: 'met', evidence: '非主观故意' };
}

/** Evaluates every condition of an entry; any not met → not eligible, else any unknown → needs facts. */
export function evaluateExemption(c: EntryConditions, f: ExemptionFacts): Eligibility {
  const conditions: ConditionOutcome[] = [judgeFirstViolation(c, f), judgeMinorConsequence(f), judgeCorrectedInTime(f)];
  if (c.noIntentRequired) conditions.push(judgeNoIntent(f));
  for (const x of c.extra) {
    const answer = f.extra[x.key];
    const base = { key: `extra.${x.key}`, citation: APL_33_1, used: { answer: answer ?? null } };
    conditions.push(answer === true ? { ...base, result: 'met', evidence: x.text }
      : answer === false ? { ...base, result: 'not_met', evidence: `不符合：${x.text}` }
        : { ...base, result: 'unknown', evidence: `尚未核实：${x.text}` });
  }
  const status: EligibilityStatus = conditions.some((x) => x.result === 'not_met') ? 'not_eligible'
    : conditions.some((x) => x.result === 'unknown') ? 'needs_facts' : 'eligible';
  return { status, conditions };
}
