// Linkage with online monitoring (registered from index.ts, so monitoring never imports permits):
// (a) a permit's 许可排放浓度 at an outfall is a limit the exceedance rule judges (basis 'permit');
// (b) data at an outfall of an enterprise without a valid permit or registration opens a lead (第三十三条).
import type { Db } from '../platform/db/index.js';
import { chinaDateOf } from '../law/civil-date.js';
import { appendAudit, SYSTEM_ACTOR } from '../platform/audit/log.js';
import { openLeadFromEvent, type PartyPermit } from '../cases/index.js';
import type { DbOrTx } from '../platform/db/index.js';
import { pollutantInfo, type LimitRule } from '../monitoring/index.js';
import { permitDischargeLeads } from './tables.js';
import { checkDischargeAuthorised, isValidOn } from './rules.js';
import { findDischargeLead, limitsAtOutfall, listPermitOutfalls, permitsOfEnterprise } from './queries.js';
import { and, eq } from 'drizzle-orm';

/**
 * 排污许可管理条例 第三十四条(一) (超过许可排放浓度): the permit's concentration limits at the outfall, in force over
 * the permit's validity. A limit stated in another unit than the monitored series is not compared (no guessing).
 */
export async function permitLimitsForOutfall(db: Db, outfallId: number): Promise<LimitRule[]> {
  const rows = await limitsAtOutfall(db, outfallId);
  return rows.flatMap(({ limit, permit }) => {
    if (limit.concentration === null || limit.concentrationUnit !== pollutantInfo(limit.pollutant)?.unit) return [];
    return [{
      pollutant: limit.pollutant, period: limit.period, lower: null, upper: limit.concentration, useReference: false, basis: 'permit' as const,
      citation: `排污许可证 ${permit.number}（排污许可管理条例 第三十四条（一））`, effectiveFrom: permit.validFrom, effectiveTo: permit.validTo,
    }];
  });
}

/** 排污许可管理条例 第三十三条: data on a day the enterprise held no valid permit or registration → one lead per outfall and lapse. */
export async function checkOutfallDischarge(db: Db, data: { enterpriseId: number; outfallId: number; lastDataAt: number }, now: Date): Promise<void> {
  const onDate = chinaDateOf(new Date(data.lastDataAt));
  const held = await permitsOfEnterprise(db, data.enterpriseId);
  const outcome = checkDischargeAuthorised(held.map((p) => ({ managementClass: p.managementClass, status: p.status, validFromOn: p.validFrom, validToOn: p.validTo })), onDate);
  if (outcome.ok) return;
  // The latest permit held (expired or revoked) names the lapse; 0 when none was ever held.
  const lapsedPermitId = held[0]?.id ?? 0;
  if (await findDischargeLead(db, data.outfallId, lapsedPermitId)) return;
  await db.transaction(async (tx) => {
    // The key row first: a parallel evaluation waits on it, then inserts nothing and opens no second lead.
    const [claimed] = await tx.insert(permitDischargeLeads).values({ outfallId: data.outfallId, lapsedPermitId, enterpriseId: data.enterpriseId, leadId: 0, code: outcome.code, createdAt: now })
      .onConflictDoNothing().returning();
    if (!claimed) return;
    const c = outcome.citation!;
    const what = outcome.code === 'DISCHARGE_PERMIT_EXPIRED' ? '排污许可证有效期届满未延续' : outcome.code === 'DISCHARGE_PERMIT_REVOKED' ? '排污许可证被撤销（注销、吊销）后' : '未取得排污许可证（或排污登记）';
    const summary = `${what}，${onDate} 排放口仍有在线监测数据，涉嫌违反《${c.law}》${c.article}${c.item ?? ''}`;
    const lead = await openLeadFromEvent(tx as unknown as Db, { source: 'monitoring', enterpriseId: data.enterpriseId, summary, sourceRef: `permit-discharge:${data.outfallId}:${lapsedPermitId}`, discoveredOn: chinaDateOf(now) }, now);
    if (!lead.ok) throw new Error(`lead not opened: ${lead.code}`);
    await tx.update(permitDischargeLeads).set({ leadId: lead.value.id })
      .where(and(eq(permitDischargeLeads.outfallId, data.outfallId), eq(permitDischargeLeads.lapsedPermitId, lapsedPermitId)));
    await appendAudit(tx, SYSTEM_ACTOR, { action: 'permit.discharge.lead', entity: 'outfall', entityId: data.outfallId, after: { leadId: lead.value.id, code: outcome.code, onDate, lapsedPermitId } }, now);
  });
}

/** (c) The party's permits and registrations for a case citing 排污许可管理条例 (cases' registerPartyPermitProvider). */
export async function partyPermitsForCase(db: DbOrTx, enterpriseId: number, on: string): Promise<PartyPermit[]> {
  const rows = await permitsOfEnterprise(db, enterpriseId);
  const outs = await listPermitOutfalls(db, rows.map((p) => p.id));
  return rows.map((p) => ({
    id: p.id, number: p.number, managementClass: p.managementClass, status: p.status, validFrom: p.validFrom, validTo: p.validTo, endedOn: p.endedOn,
    validOn: isValidOn({ managementClass: p.managementClass, status: p.status, validFromOn: p.validFrom, validToOn: p.validTo }, on),
    outfalls: outs.filter((o) => o.permitId === p.id).map((o) => ({ code: o.code, limits: o.limits.length })),
  }));
}
