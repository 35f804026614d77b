// Simulated devices for the demo, the tests and the benchmark: registered to existing outfalls, with
// the emission-standard limits the simulator's "exceeding" devices break.
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../platform/db/index.js';
import { appendAudit, SYSTEM_ACTOR, type Actor } from '../platform/audit/log.js';
import { outfalls } from '../enterprises/index.js';
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
/**
 * An MN as HJ 212-2017 表 3 defines it for a simulated logger: 24 characters 0–9/A–F (the EPC-96 code of the
 * device). `E` marks electricity loggers, `C` emission loggers; the rest is the outfall or enterprise id in hex.
 */
export const simulatedMn = (kind: 'E' | 'P', id: number) => `010000A89${kind === 'E' ? 'E' : 'C'}${id.toString(16).toUpperCase().padStart(14, '0')}`.slice(0, 24);

/** True for a logger registered by the simulator (its MN form and access code), never for a real one. */
export const isSimulatedDevice = (d: { mn: string; password: string }) => d.password === SIMULATED_PASSWORD && /^010000A89[CE][0-9A-F]{14}$/.test(d.mn);

type OutfallRow = { id: number; enterpriseId: number; kind: 'water' | 'air' };

/**
 * Makes sure each outfall has a logger (a simulated one is registered where none is) and the emission-standard
 * limits, and each enterprise in `electricityFor` a simulated electricity logger with its two channels.
 * Returns the devices for the simulator and how many were created; audits the creation as `actor`.
 */
export async function ensureSimulatedDevicesFor(db: Db, outs: OutfallRow[], electricityFor: number[], now: Date, actor: Actor = SYSTEM_ACTOR): Promise<{ devices: SimDevice[]; created: number }> {
  const devices: SimDevice[] = [];
  let created = 0;
  await db.transaction(async (tx) => {
    const ids = outs.map((o) => o.id);
    const existing = new Map(ids.length ? (await tx.select().from(monitoringDevices).where(inArray(monitoringDevices.outfallId, ids))).map((d) => [d.outfallId!, d]) : []);
    const limited = new Set(ids.length ? (await tx.select({ outfallId: monitoringLimits.outfallId }).from(monitoringLimits).where(inArray(monitoringLimits.outfallId, ids))).map((l) => l.outfallId) : []);
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
    for (const enterpriseId of electricityFor) {
      const mn = simulatedMn('E', enterpriseId);
      // By enterprise, not MN: databases seeded before the MN format change keep their logger.
      let [d] = await tx.select().from(monitoringDevices).where(and(eq(monitoringDevices.enterpriseId, enterpriseId), eq(monitoringDevices.kind, 'electricity'), eq(monitoringDevices.password, SIMULATED_PASSWORD)));
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
    if (created) await appendAudit(tx, actor, { action: 'monitoring.device.simulate', entity: 'monitoring_device', entityId: 'simulated', after: { created, outfallIds: ids, electricityFor } }, now);
  });
  return { devices, created };
}

/**
 * Makes sure `count` simulated emission devices exist (one per outfall, first outfalls by id) plus one
 * electricity logger per ten, with limits and channels; returns them for the simulator.
 */
export async function ensureSimulatedDevices(db: Db, count: number, now: Date): Promise<SimDevice[]> {
  const outs = await db.select({ id: outfalls.id, enterpriseId: outfalls.enterpriseId, kind: outfalls.kind }).from(outfalls).orderBy(asc(outfalls.id)).limit(count);
  if (outs.length < count) throw new Error(`only ${outs.length} outfalls are registered; seed the demo bureau first (ecogov seed --demo)`);
  const enterpriseIds = [...new Set(outs.map((o) => o.enterpriseId))].filter((_, i) => i % 10 === 0);
  return (await ensureSimulatedDevicesFor(db, outs, enterpriseIds, now)).devices;
}
