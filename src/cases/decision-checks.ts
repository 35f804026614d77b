// What the case procedure asks of other capabilities when a case is decided, as an interface they
// register into: exemptions (首违不罚, 行政处罚法 第三十三条 and the statutory grounds of 第三十条 to
// 第三十二条) and discretion (裁量基准). Cases calls these and never imports those capabilities, so the
// capability graph has no cycle (test/architecture.test.ts). Each registers from its index.ts, which
// every entry point loads (src/platform/wiring.ts); a call before that is a wiring bug and throws.
import type { DbOrTx } from '../platform/db/index.js';
import type { Citation, Outcome, Result } from '../law/outcome.js';

/** The fields of 不予行政处罚决定书 that come from an exemption. */
export interface ExemptionDocumentFields {
  exemptionListReference: string;
  correctionOrdered: string;
  education: { on: string; form: string; content: string };
}

export interface ExemptionChecks {
  /** 行政处罚法 第三十三条第一款: refuses a decision of kind 'exemption' that no recorded exemption backs. */
  checkExemptionDecision(tx: DbOrTx, caseId: number): Promise<Outcome>;
  /** The statutory grounds (第三十条 to 第三十三条) recorded on a case. */
  groundsOfCase(tx: DbOrTx, caseId: number): Promise<string[]>;
  /** Whether the recorded grounds allow a lighter or mitigated penalty (第三十二条). */
  allowsMitigation(grounds: readonly string[]): boolean;
  exemptionDocumentFields(db: DbOrTx, caseId: number): Promise<ExemptionDocumentFields | null>;
}

export interface DiscretionChecks {
  /** The fine against the case's latest benchmark calculation: a departure needs its reason. */
  checkCaseFineAgainstBenchmark(tx: DbOrTx, caseId: number, fineFen: number, reason: string | null): Promise<Outcome>;
  /** The legal range of a penalty provision's benchmark table in force on `on`. */
  legalRangeOfProvision(db: DbOrTx, code: string, on: string, baseFen: number | null | undefined, field: string):
    Promise<Result<{ minFen: number; maxFen: number; provision: Citation; title: string }>>;
}

let exemptionChecks: ExemptionChecks | null = null;
let discretionChecks: DiscretionChecks | null = null;

export function registerExemptionChecks(checks: ExemptionChecks): void { exemptionChecks = checks; }
export function registerDiscretionChecks(checks: DiscretionChecks): void { discretionChecks = checks; }

function exemption(): ExemptionChecks {
  if (!exemptionChecks) throw new Error('exemption checks are not registered: import src/platform/wiring.ts in the entry point');
  return exemptionChecks;
}
function discretion(): DiscretionChecks {
  if (!discretionChecks) throw new Error('discretion checks are not registered: import src/platform/wiring.ts in the entry point');
  return discretionChecks;
}

export const checkExemptionDecision: ExemptionChecks['checkExemptionDecision'] = (tx, caseId) => exemption().checkExemptionDecision(tx, caseId);
export const groundsOfCase: ExemptionChecks['groundsOfCase'] = (tx, caseId) => exemption().groundsOfCase(tx, caseId);
/** The grounds the case's decide gate checks a 不予处罚 ground against (the same recorded grounds). */
export const recordedGroundsOfCase: ExemptionChecks['groundsOfCase'] = (tx, caseId) => exemption().groundsOfCase(tx, caseId);
export const allowsMitigation: ExemptionChecks['allowsMitigation'] = (grounds) => exemption().allowsMitigation(grounds);
export const exemptionDocumentFields: ExemptionChecks['exemptionDocumentFields'] = (db, caseId) => exemption().exemptionDocumentFields(db, caseId);
export const checkCaseFineAgainstBenchmark: DiscretionChecks['checkCaseFineAgainstBenchmark'] =
  (tx, caseId, fineFen, reason) => discretion().checkCaseFineAgainstBenchmark(tx, caseId, fineFen, reason);
export const legalRangeOfProvision: DiscretionChecks['legalRangeOfProvision'] =
  (db, code, on, baseFen, field) => discretion().legalRangeOfProvision(db, code, on, baseFen, field);
