// 用电智能管控: production equipment drawing power while the pollution-control equipment is off or
// under-loaded means untreated discharge (大气污染防治法 第九十九条（三）/ 水污染防治法 第八十三条（三）:
// 不正常运行污染防治设施, with the power record as evidence). Pure: readings are passed in.
import type { Citation } from '../../law/outcome.js';
import type { ChannelRole } from './vocabulary.js';
import { findRuns, type Run, type Unit } from './events.js';

export const CONTROL_NOT_RUNNING: Citation[] = [
  { law: '大气污染防治法', article: '第九十九条', item: '（三）' },
  { law: '水污染防治法', article: '第八十三条', item: '（三）' },
];

export const SLOT_MS = 15 * 60_000;
/** Two slots (30 minutes) or more make an event; shorter dips are start-up and switching noise (design). */
export const MIN_SLOTS = 2;

export interface Channel { id: number; role: ChannelRole; ratedKw: number; onThresholdKw: number; underLoadRatio: number }
export interface Reading { channelId: number; at: number; kw: number }

export type SlotState = 'no_data' | 'production_off' | 'normal' | 'control_off' | 'control_underloaded';

/** The state of each 15-minute slot: mean power per channel; production runs if any production channel is on. */
export function classifySlots(channels: Channel[], readings: Reading[]): Map<number, { state: SlotState; productionKw: number; controlKw: number }> {
  const sums = new Map<number, Map<number, { sum: number; n: number }>>();
  for (const r of readings) {
    const slot = Math.floor(r.at / SLOT_MS) * SLOT_MS;
    let bySlot = sums.get(slot);
    if (!bySlot) { bySlot = new Map(); sums.set(slot, bySlot); }
    const s = bySlot.get(r.channelId) ?? { sum: 0, n: 0 };
    s.sum += r.kw; s.n++;
    bySlot.set(r.channelId, s);
  }
  const production = channels.filter((c) => c.role === 'production');
  const control = channels.filter((c) => c.role === 'control');
  const out = new Map<number, { state: SlotState; productionKw: number; controlKw: number }>();
  for (const [slot, bySlot] of sums) {
    const mean = (c: Channel) => { const s = bySlot.get(c.id); return s ? s.sum / s.n : null; };
    const prod = production.map(mean);
    const ctrl = control.map(mean);
    const productionKw = prod.reduce<number>((a, v) => a + (v ?? 0), 0);
    const controlKw = ctrl.reduce<number>((a, v) => a + (v ?? 0), 0);
    let state: SlotState;
    if (prod.every((v) => v === null) || ctrl.some((v) => v === null)) state = 'no_data';
    else if (!production.some((c, i) => prod[i] !== null && prod[i]! >= c.onThresholdKw)) state = 'production_off';
    else if (control.some((c, i) => ctrl[i]! < c.onThresholdKw)) state = 'control_off';
    else if (control.some((c, i) => ctrl[i]! < c.underLoadRatio * c.ratedKw)) state = 'control_underloaded';
    else state = 'normal';
    out.set(slot, { state, productionKw, controlKw });
  }
  return out;
}

/** "Production on, control off / under-loaded" intervals of at least MIN_SLOTS slots; peak = the production power. */
export function detectElectricityEvents(channels: Channel[], readings: Reading[]): { kind: 'control_off' | 'control_underloaded'; run: Run }[] {
  const slots = classifySlots(channels, readings);
  const out: { kind: 'control_off' | 'control_underloaded'; run: Run }[] = [];
  for (const kind of ['control_off', 'control_underloaded'] as const) {
    const units: Unit[] = [...slots].map(([at, s]) => ({ at, value: s.productionKw, flag: s.state }));
    for (const run of findRuns(units, SLOT_MS, (u) => u.flag === kind)) if (run.units >= MIN_SLOTS) out.push({ kind, run });
  }
  return out;
}
