// 按日连续处罚: 环境保护法 第五十九条 with 《环境保护主管部门实施按日连续处罚办法》 (环境保护部令第28号).
//
// What the texts say, and what this file does with them:
// - 环境保护法 第五十九条第一款: fined and ordered to correct, refusing to correct → the agency that
//   decided the fine may fine daily at the original amount from the day after the order.
// - 办法 第七条第二款 (read): the daily-penalty decision is made after the original penalty decision.
// - 办法 第十七条 (read): the days counted run from the day after the 责令改正违法行为决定书 was served on
//   the discharger up to and including the day a re-inspection found the illegal discharge; where a
//   further re-inspection still finds it, the days accumulate (计罚日数累计执行).
// - 办法 第十八条 (read): once a re-inspection finds the violation corrected, a later violation needs a
//   new penalty decision and the count starts again: this measure's cycle ends there.
// - 办法 第十九条 (read): the daily amount is the fine of the original decision; the total is that
//   amount multiplied by the days counted.
// - 办法 第十二条 (unconfirmed): the agency re-inspects within 30 days of serving the order. A late
//   re-inspection is flagged, not refused: it still proves the violation continued until that day.
// - 办法 第十三条 (unconfirmed number): refusing or obstructing the re-inspection counts as refusing
//   to correct (also 大气污染防治法 第一百二十三条, 水污染防治法 第九十五条); such a re-inspection ends
//   the count like one that found the discharge continuing.
// Service of the order on the same day as the re-inspection would count no day, so a re-inspection
// must come after the day of service.
import { allowed, refuse, type Citation, type Outcome } from '../../law/outcome.js';
import { addDays, daysBetween } from '../../law/civil-date.js';
import { formatChineseAmount, formatYuan } from '../../law/fen.js';
import { CITE } from './citations.js';

export const REINSPECTION_FINDINGS = ['continuing', 'corrected', 'obstructed'] as const;
export type ReinspectionFinding = (typeof REINSPECTION_FINDINGS)[number];

export interface Reinspection {
  inspectedOn: string; officerIds: number[]; finding: ReinspectionFinding; note: string;
  /** The new correction order served after a re-inspection found the violation continuing. */
  newOrder?: { number: string; servedOn: string };
}

/** 办法 第十二条 (unconfirmed): re-inspection within 30 days of serving the order. */
export const REINSPECTION_WITHIN_DAYS = 30;

export interface ExplanationLine { zh: string; en: string; citation?: Citation }

export interface DailyPenaltyInput {
  /** 原处罚决定书确定的罚款数额; null while the case has no fine decision. */
  originalFineFen: number | null;
  orderNumber: string;
  orderServedOn: string;
  /** Last day for the re-inspection (办法 第十二条, unconfirmed), computed on the official calendar. */
  reinspectionDueOn: string;
  reinspections: Reinspection[];
}

export interface DailyPenaltyComputation {
  /** The first day counted: the day after service. */
  startOn: string;
  /** The last day counted: the last re-inspection that found the violation continuing, if any. */
  endOn: string | null;
  days: number;
  dailyFen: number | null;
  totalFen: number | null;
  /** A re-inspection found the violation corrected (办法 第十八条). */
  cycleEnded: boolean;
  lines: ExplanationLine[];
}

const counts = (r: Reinspection) => r.finding === 'continuing' || r.finding === 'obstructed';

/** The days counted and the total, with one explanatory line per step (办法 第十七条, 第十九条). */
export function computeDailyPenalty(input: DailyPenaltyInput): DailyPenaltyComputation {
  const startOn = addDays(input.orderServedOn, 1);
  const lines: ExplanationLine[] = [];
  const fine = input.originalFineFen;
  lines.push(fine === null
    ? { zh: '原处罚决定尚未作出罚款数额，暂不能计算罚款总额', en: 'The original decision has not fixed a fine yet: no total can be computed', citation: CITE.dailyAmount }
    : { zh: `每日罚款数额 = 原处罚决定书确定的罚款数额 ${formatYuan(fine)}`, en: `Daily amount = the fine of the original decision, ${formatYuan(fine)}`, citation: CITE.dailyAmount });
  lines.push({
    zh: `责令改正违法行为决定书（${input.orderNumber}）于 ${input.orderServedOn} 送达，自送达之日的次日 ${startOn} 起计罚`,
    en: `Correction order ${input.orderNumber} served on ${input.orderServedOn}; days count from the next day, ${startOn}`,
    citation: CITE.dailyCounting,
  });
  let endOn: string | null = null;
  let cycleEnded = false;
  for (const r of input.reinspections) {
    if (cycleEnded) break;
    const late = r.inspectedOn > input.reinspectionDueOn;
    const lateZh = late ? `（晚于 ${input.reinspectionDueOn}，超过送达后三十日的复查期限）` : '';
    const lateEn = late ? ` (after ${input.reinspectionDueOn}, later than 30 days after service)` : '';
    if (counts(r)) {
      endOn = r.inspectedOn;
      const days = daysBetween(input.orderServedOn, endOn);
      lines.push(r.finding === 'continuing'
        ? { zh: `${r.inspectedOn} 复查${lateZh}：仍在违法排放污染物，计罚至该日，累计 ${days} 日`, en: `Re-inspection ${r.inspectedOn}${lateEn}: still discharging illegally; counted up to this day, ${days} days so far`, citation: CITE.dailyCounting }
        : { zh: `${r.inspectedOn} 复查${lateZh}：排污者拒绝、阻挠复查，视为拒不改正，计罚至该日，累计 ${days} 日`, en: `Re-inspection ${r.inspectedOn}${lateEn}: the discharger refused or obstructed it, which counts as refusing to correct; counted up to this day, ${days} days so far`, citation: CITE.dailyRefusal });
    } else {
      cycleEnded = true;
      lines.push({
        zh: `${r.inspectedOn} 复查${lateZh}：违法排放行为已改正，本轮计罚周期结束；此后再发现违法排放的，应当重新作出处罚决定`,
        en: `Re-inspection ${r.inspectedOn}${lateEn}: the violation was corrected; this counting cycle ends, and a later violation needs a new penalty decision`,
        citation: CITE.dailyCycleRestarts,
      });
    }
  }
  const days = endOn === null ? 0 : daysBetween(input.orderServedOn, endOn);
  if (endOn === null) {
    lines.push({ zh: '尚无复查发现违法排放行为仍在继续，计罚日数为 0 日', en: 'No re-inspection has found the violation continuing: 0 days counted', citation: CITE.dailyCounting });
  } else {
    lines.push({ zh: `计罚日数：${startOn} 至 ${endOn}，共 ${days} 日`, en: `Days counted: ${startOn} to ${endOn} inclusive, ${days} days`, citation: CITE.dailyCounting });
  }
  let totalFen: number | null = null;
  if (fine !== null) {
    const total = BigInt(fine) * BigInt(days);
    if (total > BigInt(Number.MAX_SAFE_INTEGER)) throw new RangeError('daily penalty total out of range');
    totalFen = Number(total);
    lines.push({
      zh: `按日连续处罚罚款数额 = ${formatYuan(fine)} × ${days} 日 = ${formatYuan(totalFen)}（大写：${formatChineseAmount(totalFen)}）`,
      en: `Daily penalty = ${formatYuan(fine)} × ${days} days = ${formatYuan(totalFen)}`,
      citation: { ...CITE.dailyAmount, paragraph: '第二款' },
    });
  }
  return { startOn, endOn, days, dailyFen: fine, totalFen, cycleEnded, lines };
}

export interface DailyPenaltyFacts {
  archived: boolean;
  decided: boolean;
  orderServedOn: string;
  reinspections: Reinspection[];
}

/** A new re-inspection record: after service, in date order, by two officers, within the cycle. */
export function checkReinspection(f: DailyPenaltyFacts, input: { inspectedOn: string; officerIds: number[] }, todayOn: string): Outcome {
  if (f.decided) return refuse('MEASURE_CLOSED');
  // 办法 第十八条: after a re-inspection found the violation corrected, the cycle is over.
  if (f.reinspections.some((r) => r.finding === 'corrected')) return refuse('DAILY_PENALTY_CYCLE_ENDED', CITE.dailyCycleRestarts);
  if (input.inspectedOn > todayOn) return refuse('DATE_IN_FUTURE', undefined, 'inspectedOn');
  // 办法 第十七条: counting starts the day after service; a re-inspection before or on that day proves nothing.
  if (input.inspectedOn <= f.orderServedOn) return refuse('REINSPECTION_NOT_AFTER_ORDER_SERVED', CITE.dailyCounting, 'inspectedOn');
  const last = f.reinspections.at(-1);
  if (last && input.inspectedOn <= last.inspectedOn) return refuse('REINSPECTION_OUT_OF_ORDER', CITE.dailyCounting, 'inspectedOn');
  // 行政处罚法 第四十二条: inspections by at least two officers.
  if (new Set(input.officerIds).size < 2) return refuse('TWO_OFFICERS_REQUIRED', CITE.twoOfficers, 'officerIds');
  return allowed;
}

/** The daily-penalty decision: after the original fine decision and after the days it counts. */
export function checkDailyPenaltyDecision(
  f: { decided: boolean; computation: DailyPenaltyComputation; originalDecision: null | { decidedOn: string; fineFen: number } },
  input: { decidedOn: string }, todayOn: string,
): Outcome {
  if (f.decided) return refuse('MEASURE_CLOSED');
  // 环境保护法 第五十九条 and 办法 第七条: only after a decision that imposed a fine.
  if (!f.originalDecision || f.originalDecision.fineFen <= 0) return refuse('ORIGINAL_FINE_DECISION_MISSING', CITE.dailyAfterPenaltyDecision);
  if (f.computation.days === 0) return refuse('DAILY_PENALTY_NO_CONTINUING_VIOLATION', CITE.dailyCounting);
  if (input.decidedOn > todayOn) return refuse('DATE_IN_FUTURE', undefined, 'decidedOn');
  if (input.decidedOn < f.originalDecision.decidedOn) return refuse('DAILY_PENALTY_BEFORE_ORIGINAL_DECISION', CITE.dailyAfterPenaltyDecision, 'decidedOn');
  if (f.computation.endOn && input.decidedOn < f.computation.endOn) return refuse('DATE_BEFORE_REINSPECTION', CITE.dailyCounting, 'decidedOn');
  return allowed;
}

export function dailyPenaltyStatus(f: { decided: boolean; reinspections: Reinspection[] }): 'awaiting_reinspection' | 'violation_continuing' | 'corrected' | 'decided' {
  if (f.decided) return 'decided';
  if (f.reinspections.length === 0) return 'awaiting_reinspection';
  return f.reinspections.some((r) => r.finding === 'corrected') ? 'corrected' : 'violation_continuing';
}
