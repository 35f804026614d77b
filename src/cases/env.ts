// What case rules need from the platform: the official calendar, the bureau's thresholds, the surcharge rule.
import type { Db } from '../platform/db/index.js';
import { DEFAULT_THRESHOLDS, type MajorCaseThresholds } from './rules/major-case.js';
import { loadPeriodCalendar, type LoggingPeriodCalendar } from './calendar.js';
import { computeLatePaymentSurchargeFen } from '../law/late-payment.js';
import { loadBureauSettings, type BureauSettings } from '../settings/index.js';

export interface CaseEnv {
  /** Deadlines computed on it are logged, for deadline-records.ts to store (暂定 ones are recomputed later). */
  cal: LoggingPeriodCalendar;
  thresholds: MajorCaseThresholds;
  /** The bureau's settings (particulars for documents, prefixes, thresholds). */
  settings: BureauSettings;
  surchargeFen(fineFen: number, dueOn: string, asOfOn: string): number;
}

export async function loadCaseEnv(db: Db): Promise<CaseEnv> {
  const settings = await loadBureauSettings(db);
  return {
    cal: await loadPeriodCalendar(db),
    thresholds: thresholdsOf(settings),
    settings,
    surchargeFen: (fineFen, dueOn, asOfOn) => computeLatePaymentSurchargeFen({ fineFen, dueOn, asOfOn }),
  };
}

/** The rules' thresholds from the settings: hearing figures (环境行政处罚听证程序规定 第五条) and the bureau's major-case rule. */
export function thresholdsOf(s: BureauSettings): MajorCaseThresholds {
  return {
    ...DEFAULT_THRESHOLDS,
    hearing: { ...s.hearingThresholds },
    majorFine: { organisationFen: s.majorCase.largeFineOrganisationFen, individualFen: s.majorCase.largeFineIndividualFen },
    committeeForEveryMajorCase: s.majorCase.committeeForEveryMajorCase,
    fineCeilingFen: s.fineCeilingFen,
  };
}
