// 行政处罚法 第七十三条第三款: 当事人申请行政复议或者提起行政诉讼的，加处罚款的数额在行政复议或者行政诉讼期间不予计算.
// Besides the remedies recorded on the case's own timeline, the litigation capability registers the challenges it
// records against a case decision (src/litigation/index.ts; cases never imports litigation). Overlapping intervals
// count once (countSurchargeDays in src/law/late-payment.ts).
import type { DbOrTx } from '../platform/db/index.js';
import type { SurchargePause } from '../law/late-payment.js';

/** A source's pauses of several cases at once (a board lists many): every asked id is a key, empty when none. */
export type SurchargePauseSource = (db: DbOrTx, caseIds: readonly number[]) => Promise<Map<number, SurchargePause[]>>;

const sources = new Set<SurchargePauseSource>();
export function registerSurchargePauseSource(source: SurchargePauseSource): void { sources.add(source); }

/** The pauses every registered source gives for each of these cases, by case id (one query a source, not one a case). */
export async function externalSurchargePausesOf(db: DbOrTx, caseIds: readonly number[]): Promise<Map<number, SurchargePause[]>> {
  const all = new Map<number, SurchargePause[]>(caseIds.map((id) => [id, []]));
  if (!caseIds.length) return all;
  for (const s of sources) for (const [id, pauses] of await s(db, caseIds)) all.get(id)?.push(...pauses);
  return all;
}

/** The pauses every registered source gives for a case. */
export async function externalSurchargePauses(db: DbOrTx, caseId: number): Promise<SurchargePause[]> {
  return (await externalSurchargePausesOf(db, [caseId])).get(caseId)!;
}
