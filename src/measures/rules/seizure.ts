// 查封、扣押: 环境保护法 第二十五条, 《环境保护主管部门实施查封、扣押办法》 (环境保护部令第29号) and
// 行政强制法, whose 第二十五条 (read) sets the period: at most 30 days; where the case is complex, the
// agency's head may approve an extension of at most 30 days, notified to the party in writing with
// reasons. Days taken by testing or technical appraisal are not counted (第二十五条第三款); such pauses
// are not tracked here, so the computed end is the earliest the period can end.
// 第十九条: in an emergency the officers seize on the spot and obtain the head's approval within 24
// hours. 第二十七条: within the period the agency decides how to handle the case; 第二十八条: it
// releases the seizure on the grounds listed there, among them the period's end.
import { allowed, refuse, type Outcome } from '../../law/outcome.js';
import { addDays } from '../../law/civil-date.js';
import { CITE } from './citations.js';
import { lastDayOf } from './periods.js';

/** 行政强制法 第二十五条第一款. */
export const SEIZURE_DAYS = 30;
export const SEIZURE_EXTENSION_MAX_DAYS = 30;

export interface SeizureFacts {
  implementedOn: string;
  extensionDays: number | null;
  released: boolean;
}

/** The last day the seizure may last (no roll-forward: see periods.ts). */
export function seizureEndsOn(f: Pick<SeizureFacts, 'implementedOn' | 'extensionDays'>): string {
  return lastDayOf(f.implementedOn, SEIZURE_DAYS + (f.extensionDays ?? 0));
}

/** The decision (the head's approval) and the seizure on the spot: approval first, or within 24 hours in an emergency. */
export function checkSeizure(input: { decidedOn: string; implementedOn: string; emergency: boolean }, todayOn: string): Outcome {
  if (input.implementedOn > todayOn) return refuse('DATE_IN_FUTURE', undefined, 'implementedOn');
  if (input.decidedOn > todayOn) return refuse('DATE_IN_FUTURE', undefined, 'decidedOn');
  if (input.emergency) {
    // 行政强制法 第十九条: approval obtained within 24 hours of the seizure on the spot.
    if (input.decidedOn < input.implementedOn || input.decidedOn > addDays(input.implementedOn, 1)) {
      return refuse('SEIZURE_EMERGENCY_APPROVAL_LATE', CITE.seizureEmergency, 'decidedOn');
    }
    return allowed;
  }
  if (input.implementedOn < input.decidedOn) return refuse('SEIZURE_BEFORE_DECISION', CITE.seizureEmergency, 'implementedOn');
  return allowed;
}

/** One extension of at most 30 days, approved before the period ends (行政强制法 第二十五条第二款). */
export function checkSeizureExtension(f: SeizureFacts, input: { approvedOn: string; days: number }, todayOn: string): Outcome {
  if (f.released) return refuse('MEASURE_CLOSED');
  if (f.extensionDays !== null) return refuse('SEIZURE_ALREADY_EXTENDED', CITE.seizurePeriod);
  if (input.days > SEIZURE_EXTENSION_MAX_DAYS) return refuse('SEIZURE_EXTENSION_TOO_LONG', CITE.seizurePeriod, 'days');
  if (input.approvedOn > todayOn) return refuse('DATE_IN_FUTURE', undefined, 'approvedOn');
  if (input.approvedOn < f.implementedOn) return refuse('DATE_BEFORE_MEASURE', undefined, 'approvedOn');
  if (input.approvedOn > seizureEndsOn(f)) return refuse('SEIZURE_PERIOD_ENDED', CITE.seizurePeriod, 'approvedOn');
  return allowed;
}

/** Release (解除) on one of the grounds of 行政强制法 第二十八条. */
export function checkSeizureRelease(f: SeizureFacts, input: { releasedOn: string; ground: string }, todayOn: string): Outcome {
  if (f.released) return refuse('MEASURE_CLOSED');
  if (input.releasedOn > todayOn) return refuse('DATE_IN_FUTURE', undefined, 'releasedOn');
  if (input.releasedOn < f.implementedOn) return refuse('DATE_BEFORE_MEASURE', undefined, 'releasedOn');
  // 第二十八条第一款 (四): "the period has ended" is a ground only once it has.
  if (input.ground === 'period_expired' && input.releasedOn <= seizureEndsOn(f)) return refuse('SEIZURE_PERIOD_NOT_ENDED', CITE.seizureRelease, 'ground');
  return allowed;
}

/** Whether the law makes the seizure mandatory (应当) rather than discretionary (可以): 查封、扣押办法 第四条第二款. */
export function isSeizureMandatory(ground: string, seriousPollutionCaused: boolean): boolean {
  return seriousPollutionCaused || ground === 'evading_supervision' || ground === 'emergency_discharge';
}
