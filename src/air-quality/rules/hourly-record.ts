// One hourly record as imported: station, civil date and hour, six concentrations and their data flags.
import { POLLUTANT_BIT, POLLUTANTS, type Pollutant } from './pollutants.js';
import type { FieldProblem } from './stations.js';

/**
 * HJ 212-2017 数据标记: N normal; F stopped, M maintenance, S manual set value, D fault, C calibration,
 * T above range, B communication failure. Only N values enter statistics (environment-data.md §5.6).
 */
export const DATA_FLAGS = ['N', 'F', 'M', 'S', 'D', 'C', 'T', 'B'] as const;
export type DataFlag = (typeof DATA_FLAGS)[number];

/** Plausibility ceilings far above any ambient value (µg/m³; CO mg/m³): above them a value is refused. */
export const MAX_CONCENTRATION: Record<Pollutant, number> = { so2: 10_000, no2: 10_000, co: 1_000, o3: 10_000, pm10: 10_000, pm25: 10_000 };

export interface HourlyInput {
  stationCode: string;
  date: string;
  hour: number | string;
  values: Partial<Record<Pollutant, number | string | null>>;
  flags?: Partial<Record<Pollutant, string | null>>;
}

export interface HourlyRecord {
  stationId: number;
  observedOn: string;
  hour: number;
  values: Record<Pollutant, number | null>;
  invalidMask: number;
}

/** The civil date (China Standard Time, UTC+8) of an instant. */
export const civilDateOf = (at: Date): string => new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 10);

export function isCivilDate(s: string): boolean {
  if (s === lastCivilDate) return true;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  const ok = !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
  if (ok) lastCivilDate = s;
  return ok;
}
/** The last date found valid: an hourly file repeats each date 24 times in a row (issue 18: the Date round trip dominated). */
let lastCivilDate = '';

const FLAG_SET: ReadonlySet<string> = new Set(DATA_FLAGS);

/** Checks and normalises one record; values keep at most 3 decimals. Problems name the field. */
export function checkHourlyInput(input: HourlyInput, stationIdOf: (code: string) => number | undefined, today: string): { record: HourlyRecord } | { problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const stationId = stationIdOf(String(input.stationCode ?? '').trim());
  if (stationId === undefined) problems.push({ field: 'stationCode', code: input.stationCode ? 'STATION_UNKNOWN' : 'REQUIRED' });
  const date = String(input.date ?? '').trim();
  if (!isCivilDate(date)) problems.push({ field: 'date', code: date ? 'DATE_INVALID' : 'REQUIRED' });
  else if (date > today) problems.push({ field: 'date', code: 'DATE_IN_FUTURE' });
  const hour = typeof input.hour === 'number' ? input.hour : String(input.hour ?? '').trim() === '' ? NaN : Number(input.hour);
  if (!Number.isInteger(hour) || hour < 0 || hour > 23) problems.push({ field: 'hour', code: 'HOUR_INVALID' });
  const values = {} as Record<Pollutant, number | null>;
  let invalidMask = 0;
  for (const p of POLLUTANTS) {
    const raw = input.values[p];
    const text = raw === null || raw === undefined ? '' : typeof raw === 'number' ? raw : String(raw).trim();
    let value: number | null = null;
    if (text !== '') {
      const n = typeof text === 'number' ? text : Number(text);
      if (!Number.isFinite(n)) problems.push({ field: p, code: 'NUMBER_EXPECTED' });
      else if (n < 0 || n > MAX_CONCENTRATION[p]) problems.push({ field: p, code: 'CONCENTRATION_OUT_OF_RANGE' });
      else value = Math.round(n * 1000) / 1000;
    }
    values[p] = value;
    const rawFlag = input.flags?.[p];
    const flag = rawFlag === '' || rawFlag === null || rawFlag === undefined ? 'N' : String(rawFlag).trim().toUpperCase() || 'N';
    if (!FLAG_SET.has(flag)) problems.push({ field: `${p}Flag`, code: 'DATA_FLAG_UNKNOWN' });
    else if (flag !== 'N' && value !== null) invalidMask |= POLLUTANT_BIT[p];
  }
  if (problems.length) return { problems };
  return { record: { stationId: stationId!, observedOn: date, hour, values, invalidMask } };
}
