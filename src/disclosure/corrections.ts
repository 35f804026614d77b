// 报告数据错误 → 更正: the responsible unit corrects one field of a published decision (src/info-requests calls
// this through registerRecordCorrector, inside its answering transaction). The record changes, the change is
// audited, and the public page shows 已更正 with what was fixed and when.
import type { DbOrTx } from '../platform/db/index.js';
import type { Principal } from '../platform/auth/roles.js';
import { appendAudit, type Actor } from '../platform/audit/log.js';
import { refuse } from '../law/outcome.js';
import { chinaDateOf } from '../law/civil-date.js';
import type { CorrectionContext, RecordCorrection } from '../info-requests/index.js';
import { findPublication, loadDecisionSource, updatePublicationRecord } from './queries.js';
import { checkCorrection, isCorrectableField, redactCorrection } from './rules.js';
import { notifyDisclosureListeners } from './listeners.js';
import { publicView } from './actions.js';

const actorOf = (p: Principal): Actor => ({ id: p.id, name: p.username, role: p.role });
const inScope = (p: Principal, districtId: number) => p.districtId === null || p.districtId === districtId;

export async function correctPublication(tx: DbOrTx, recordId: string, c: RecordCorrection, ctx: CorrectionContext) {
  const id = /^\d{1,9}$/.test(recordId) ? Number(recordId) : NaN;
  const row = Number.isFinite(id) ? await findPublication(tx, id, true) : null;
  if (!row || !inScope(ctx.principal, row.districtId)) return refuse('NOT_FOUND');
  const source = await loadDecisionSource(tx, row.caseId, false);
  if (!source) return refuse('NOT_FOUND');
  const value = redactCorrection(source, c.value);
  const gate = checkCorrection(row, c.field, value);
  if (!gate.ok || !isCorrectableField(c.field)) return gate.ok ? refuse('DISCLOSURE_CORRECTION_FIELD_INVALID', undefined, 'correction.field') : gate;
  const from = String(row.record[c.field]);
  const correction = { field: c.field, from, to: value, correctedOn: chinaDateOf(ctx.now), ticket: ctx.ticket, note: ctx.note };
  const after = await updatePublicationRecord(tx, row.id, { record: { ...row.record, [c.field]: value }, corrections: [...row.corrections, correction], updatedAt: ctx.now });
  await appendAudit(tx, actorOf(ctx.principal), {
    action: 'disclosure.correct', entity: 'penalty_publication', entityId: row.id, before: row, after, reason: `${ctx.ticket}: ${ctx.note}`,
  }, ctx.now);
  // Integrators hear of the correction in the same transaction (a rolled-back answer sends nothing).
  await notifyDisclosureListeners(tx, { kind: 'decision.corrected', entity: 'penalty_publication', entityId: row.id, data: publicView(after) }, ctx.now);
  return { ok: true as const, change: { field: c.field, from, to: value } };
}
