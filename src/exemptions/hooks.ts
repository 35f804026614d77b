// Hooks for the case procedure (src/cases, owned by the lead): what a decision of kind 'exemption'
// must meet, and what the 不予行政处罚决定书 says about the catalogue, the order and the education.
import { eq, sql } from 'drizzle-orm';
import { cases } from '../cases/index.js';
import { checkEntryFitsViolation } from './rules/provision-match.js';
import type { DbOrTx } from '../platform/db/index.js';
import { refuse, type Outcome } from '../law/outcome.js';
import { exemptions } from './tables.js';
import { APL_33_1 } from './rules/catalogue.js';
import { findEntry } from './queries.js';

/**
 * 行政处罚法 第三十三条第一款: a case is decided as 首违不罚 only through applyExemption, which checks the
 * catalogue's conditions and records the exemption in the same transaction. Called by the case
 * `decide` action for kind 'exemption' after its writes: refuses when no exemption row exists.
 */
export async function checkExemptionDecision(tx: DbOrTx, caseId: number): Promise<Outcome> {
  const [row] = await tx.select({ id: exemptions.id, entryId: exemptions.entryId }).from(exemptions).where(eq(exemptions.caseId, caseId));
  if (!row) return refuse('EXEMPTION_NOT_APPLIED', APL_33_1, 'kind');
  // The entry covers only its own violation: the case's provision must be the entry's.
  const found = await findEntry(tx, row.entryId);
  const [c] = await tx.select({ violatedProvisions: sql<string | null>`${cases.proposal}->>'violatedProvisions'` }).from(cases).where(eq(cases.id, caseId));
  return found ? checkEntryFitsViolation(found.entry, c?.violatedProvisions ?? null) : refuse('EXEMPTION_ENTRY_UNKNOWN', APL_33_1, 'entryId');
}

/** The fields of 不予行政处罚决定书 that come from the exemption: the list reference, the correction order, the education. */
export async function exemptionDocumentFields(db: DbOrTx, caseId: number): Promise<null | { exemptionListReference: string; correctionOrdered: string; education: { on: string; form: string; content: string } }> {
  const [row] = await db.select().from(exemptions).where(eq(exemptions.caseId, caseId));
  if (!row) return null;
  const found = await findEntry(db, row.entryId);
  return {
    exemptionListReference: found ? `《${found.catalogue.title}》第${found.entry.seq}项` : '',
    correctionOrdered: row.correctionOrder,
    education: row.education,
  };
}
