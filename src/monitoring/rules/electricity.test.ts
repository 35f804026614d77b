import { describe, expect, it } from 'vitest';
import { classifySlots, detectElectricityEvents, SLOT_MS, type Channel, type Reading } from './electricity.js';

const channels: Channel[] = [
  { id: 1, role: 'production', ratedKw: 200, onThresholdKw: 20, underLoadRatio: 0.3 },
  { id: 2, role: 'control', ratedKw: 50, onThresholdKw: 5, underLoadRatio: 0.3 },
];
const t0 = Date.UTC(2021, 5, 1);
const slot = (i: number, prod: number, ctrl: number): Reading[] => [
  { channelId: 1, at: t0 + i * SLOT_MS + 60_000, kw: prod }, { channelId: 2, at: t0 + i * SLOT_MS + 60_000, kw: ctrl },
];

describe('大气污染防治法 第九十九条（三）: production on while pollution control is off or under-loaded', () => {
  it('classifies each slot', () => {
    const s = classifySlots(channels, [...slot(0, 150, 40), ...slot(1, 150, 2), ...slot(2, 150, 10), ...slot(3, 5, 0)]);
    expect([...s.values()].map((x) => x.state)).toEqual(['normal', 'control_off', 'control_underloaded', 'production_off']);
  });

  it('two or more consecutive slots make an event, with the production peak', () => {
    const r = [...slot(0, 150, 40), ...slot(1, 150, 1), ...slot(2, 180, 0), ...slot(3, 160, 1), ...slot(4, 150, 40), ...slot(5, 150, 1)];
    const ev = detectElectricityEvents(channels, r);
    expect(ev).toEqual([{ kind: 'control_off', run: { startAt: t0 + SLOT_MS, endAt: t0 + 4 * SLOT_MS, units: 3, peakValue: 180, peakAt: t0 + 2 * SLOT_MS } }]);
  });

  it('a slot without control readings is no data, not a violation', () => {
    const s = classifySlots(channels, [{ channelId: 1, at: t0, kw: 150 }]);
    expect([...s.values()][0]!.state).toBe('no_data');
  });
});
