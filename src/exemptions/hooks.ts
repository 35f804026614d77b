// Hooks for the case procedure (src/cases, owned by the lead): what a decision of kind 'exemption'
// must meet, and what the 不予行政处罚决定书 says about the catalogue, the order and the education.
import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../platform/db/index.js';
import { allowed, refuse, type Outcome } from '../law/outcome.js';
import { exemptions } from './tables.js';
import { APL_33_1 } from './rules/catalogue.js';
import { findEntry } from './queries.js';

/**
 * 行政处罚法 第三十三条第一款: a case is decided as 首违不罚 only through applyExemption, which checks the
 * catalogue's conditions and records the exemption in the same transaction. Called by the case
 * `decide` action for kind 'exemption' after its writes: refuses when no exemption row exists.
 */
export async function checkExemptionDecision(tx: DbOrTx, caseId: number): Promise<Outcome> {
  const [row] = await tx.select({ id: exemptions.id }).from(exemptions).where(eq(exemptions.caseId, caseId));
  return row ? allowed : refuse('EXEMPTION_NOT_APPLIED', APL_33_1, 'kind');
}

/** The fields of 不予行政处罚决定书 that come from the exemption: the list reference, the correction order, the education. */
export async function exemptionDocumentFields(db: DbOrTx, caseId: number): Promise<null | { exemptionListReference: string; correctionOrdered: string; education: string }> {
  const [row] = await db.select().from(exemptions).where(eq(exemptions.caseId, caseId));
  if (!row) return null;
  const found = await findEntry(db, row.entryId);
  return {
    exemptionListReference: found ? `《${found.catalogue.title}》第${found.entry.seq}项` : '',
    correctionOrdered: row.correctionOrder,
    education: `${row.education.on}，以${row.education.form}方式对你单位进行批评教育：${row.education.content}`,
  };
}
