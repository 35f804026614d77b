// Simulated devices for the demo, the tests and the benchmark: registered to existing outfalls, with
// the emission-standard limits the simulator's "exceeding" devices break.
import { asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../platform/db/index.js';
import { appendAudit, SYSTEM_ACTOR } from '../platform/audit/log.js';
import { outfalls } from '../enterprises/tables.js';
import { electricityChannels, monitoringDevices, monitoringLimits } from './tables.js';
import type { SimDevice } from './simulator.js';

/** Limits as data (cited). Water: GB 8978-1996 表4 一级标准; flue gas: GB 13271-2014 表3 大气污染物特别排放限值 (基准氧含量 9 %). */
export const DEMO_LIMITS = {
  water: [
    { pollutant: 'w01018', lower: null, upper: 100, useReference: false, citation: 'GB 8978-1996 表4 一级标准 化学需氧量 100 mg/L' },
    { pollutant: 'w21003', lower: null, upper: 15, useReference: false, citation: 'GB 8978-1996 表4 一级标准 氨氮 15 mg/L' },
    { pollutant: 'w01001', lower: 6, upper: 9, useReference: false, citation: 'GB 8978-1996 表4 pH 6～9' },
  ],
  air: [
    { pollutant: 'a34013', lower: null, upper: 30, useReference: true, citation: 'GB 13271-2014 表3 颗粒物 30 mg/m³' },
    { pollutant: 'a21026', lower: null, upper: 200, useReference: true, citation: 'GB 13271-2014 表3 二氧化硫 200 mg/m³' },
    { pollutant: 'a21002', lower: null, upper: 200, useReference: true, citation: 'GB 13271-2014 表3 氮氧化物 200 mg/m³' },
  ],
} as const;

export const SIMULATED_PASSWORD = '123456';
/** A 24-hex-digit MN (EPC-96 shape) for a simulated logger. */
export const simulatedMn = (kind: 'E' | 'P', id: number) => `0100SIM0${kind === 'E' ? 'E' : 'C'}${id.toString(16).toUpperCase().padStart(14, '0')}`.slice(0, 24);

/**
 * Makes sure `count` simulated emission devices exist (one per outfall, first outfalls by id) plus one
 * electricity logger per ten, with limits and channels; returns them for the simulator.
 */
export async function ensureSimulatedDevices(db: Db, count: number, now: Date): Promise<SimDevice[]> {
  const outs = await db.select({ id: outfalls.id, enterpriseId: outfalls.enterpriseId, kind: outfalls.kind }).from(outfalls).orderBy(asc(outfalls.id)).limit(count);
  if (outs.length < count) throw new Error(`only ${outs.length} outfalls are registered; seed the demo bureau first (ecogov seed --demo)`);
  const devices: SimDevice[] = [];
  await db.transaction(async (tx) => {
    const existing = new Map((await tx.select().from(monitoringDevices).where(inArray(monitoringDevices.outfallId, outs.map((o) => o.id)))).map((d) => [d.outfallId!, d]));
    const limited = new Set((await tx.select({ outfallId: monitoringLimits.outfallId }).from(monitoringLimits).where(inArray(monitoringLimits.outfallId, outs.map((o) => o.id)))).map((l) => l.outfallId));
    let created = 0;
    for (const o of outs) {
      let d = existing.get(o.id);
      if (!d) {
        [d] = await tx.insert(monitoringDevices).values({ mn: simulatedMn('P', o.id), password: SIMULATED_PASSWORD, kind: 'emission', enterpriseId: o.enterpriseId, outfallId: o.id, intervalS: 60, createdAt: now, updatedAt: now }).returning();
        created++;
      }
      if (!limited.has(o.id)) {
        await tx.insert(monitoringLimits).values(DEMO_LIMITS[o.kind].map((l) => ({ ...l, outfallId: o.id, period: 'hour' as const, basis: 'standard' as const, effectiveFrom: '2015-01-01', effectiveTo: null, createdAt: now })));
      }
      devices.push({ mn: d!.mn, pw: d!.password, kind: o.kind });
    }
    const enterpriseIds = [...new Set(outs.map((o) => o.enterpriseId))].filter((_, i) => i % 10 === 0);
    for (const enterpriseId of enterpriseIds) {
      const mn = simulatedMn('E', enterpriseId);
      let [d] = await tx.select().from(monitoringDevices).where(eq(monitoringDevices.mn, mn));
      if (!d) {
        [d] = await tx.insert(monitoringDevices).values({ mn, password: SIMULATED_PASSWORD, kind: 'electricity', enterpriseId, outfallId: null, intervalS: 60, createdAt: now, updatedAt: now }).returning();
        await tx.insert(electricityChannels).values([
          { enterpriseId, name: '生产线总电源', role: 'production', deviceId: d!.id, factorCode: 'P001', ratedKw: 200, onThresholdKw: 20, underLoadRatio: 0.3, createdAt: now },
          { enterpriseId, name: '废气治理设施（风机）', role: 'control', deviceId: d!.id, factorCode: 'P002', ratedKw: 50, onThresholdKw: 5, underLoadRatio: 0.3, createdAt: now },
        ]);
        created++;
      }
      devices.push({ mn: d!.mn, pw: d!.password, kind: 'electricity', channels: { production: 'P001', control: 'P002' } });
    }
    if (created) await appendAudit(tx, SYSTEM_ACTOR, { action: 'monitoring.device.simulate', entity: 'monitoring_device', entityId: 'simulated', after: { created } }, now);
  });
  return devices;
}
