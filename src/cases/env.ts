// What case rules need from the platform: the official calendar, the bureau's thresholds, the surcharge rule.
import type { Db } from '../platform/db/index.js';
import type { PeriodCalendar } from './rules/deadlines.js';
import { DEFAULT_THRESHOLDS, type MajorCaseThresholds } from './rules/major-case.js';
import { loadPeriodCalendar } from './calendar.js';
import { computeLatePaymentSurchargeFen } from '../law/late-payment.js';

export interface CaseEnv {
  cal: PeriodCalendar;
  thresholds: MajorCaseThresholds;
  surchargeFen(fineFen: number, dueOn: string, asOfOn: string): number;
}

export async function loadCaseEnv(db: Db): Promise<CaseEnv> {
  return {
    cal: await loadPeriodCalendar(db),
    thresholds: DEFAULT_THRESHOLDS,
    surchargeFen: (fineFen, dueOn, asOfOn) => computeLatePaymentSurchargeFen({ fineFen, dueOn, asOfOn }),
  };
}
