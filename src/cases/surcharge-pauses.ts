// 行政处罚法 第七十三条第三款: 当事人申请行政复议或者提起行政诉讼的，加处罚款的数额在行政复议或者行政诉讼期间不予计算.
// Besides the remedies recorded on the case's own timeline, the litigation capability registers the challenges it
// records against a case decision (src/litigation/index.ts; cases never imports litigation). Overlapping intervals
// count once (countSurchargeDays in src/law/late-payment.ts).
import type { DbOrTx } from '../platform/db/index.js';
import type { SurchargePause } from '../law/late-payment.js';

export type SurchargePauseSource = (db: DbOrTx, caseId: number) => Promise<SurchargePause[]>;

const sources = new Set<SurchargePauseSource>();
export function registerSurchargePauseSource(source: SurchargePauseSource): void { sources.add(source); }

/** The pauses every registered source gives for a case. */
export async function externalSurchargePauses(db: DbOrTx, caseId: number): Promise<SurchargePause[]> {
  const all: SurchargePause[] = [];
  for (const s of sources) all.push(...await s(db, caseId));
  return all;
}
