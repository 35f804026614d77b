// The violation catalogue as the filing, the proposal, the calculator and the exemption check read it:
// derived from the benchmark tables in force and the exemption catalogue in force (no copy of its own).
import type { DbOrTx } from '../platform/db/index.js';
import { exemptionEntriesInForce, provisionsMatch } from '../exemptions/index.js';
import { tablesInForce } from './actions.js';
import { buildViolationCatalogue, type Violation } from './rules/violations.js';

export async function violationCatalogue(db: DbOrTx, on: string): Promise<Violation[]> {
  const [tables, entries] = await Promise.all([tablesInForce(db, on), exemptionEntriesInForce(db, on)]);
  return buildViolationCatalogue(tables, entries, provisionsMatch);
}
