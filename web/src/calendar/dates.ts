// Civil-date helpers for the calendar page: 'YYYY-MM-DD' strings, no time zones.
import type { CalendarDay } from './api';

export const pad = (n: number) => String(n).padStart(2, '0');
export const civil = (y: number, m: number, d: number) => `${y}-${pad(m)}-${pad(d)}`;
export const daysInMonth = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();
/** 0 = Monday … 6 = Sunday. */
export const weekdayMon0 = (y: number, m: number, d: number) => (new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7;

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function addOne(on: string): string {
  const d = new Date(`${on}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

export interface ParsedLines {
  days: { on: string; kind: 'rest' | 'work'; name: string }[];
  /** Days' line numbers (1-based), to point at the line a server error names. */
  lineOf: number[];
  errors: number[];
}

/**
 * One line per date or range with the festival's name: `2027-10-01 国庆节`, or
 * `2027-10-01~2027-10-07 国庆节` (also `..` or `至`). Blank lines are skipped.
 */
export function parseLines(text: string, kind: 'rest' | 'work', into: ParsedLines = { days: [], lineOf: [], errors: [] }): ParsedLines {
  text.split('\n').forEach((raw, i) => {
    const line = raw.trim();
    if (!line) return;
    const m = /^(\S+?)(?:\s*(?:~|\.\.|至)\s*(\S+))?\s+(.+)$/.exec(line);
    if (!m || !DATE.test(m[1]!) || (m[2] && !DATE.test(m[2]))) { into.errors.push(i + 1); return; }
    const [from, to, name] = [m[1]!, m[2] ?? m[1]!, m[3]!.trim()];
    if (to < from || to.slice(0, 4) !== from.slice(0, 4)) { into.errors.push(i + 1); return; }
    for (let on = from, guard = 0; on <= to && guard < 40; on = addOne(on), guard++) {
      into.days.push({ on, kind, name });
      into.lineOf.push(i + 1);
    }
  });
  return into;
}

/** The inverse of parseLines: runs of consecutive days with one name become one range line. */
export function toLines(days: CalendarDay[], kind: 'rest' | 'work'): string {
  const list = days.filter((d) => d.kind === kind).sort((a, b) => (a.on < b.on ? -1 : 1));
  const lines: string[] = [];
  for (let i = 0; i < list.length; ) {
    let j = i;
    while (j + 1 < list.length && list[j + 1]!.name === list[i]!.name && list[j + 1]!.on === addOne(list[j]!.on)) j++;
    lines.push(i === j ? `${list[i]!.on} ${list[i]!.name}` : `${list[i]!.on}~${list[j]!.on} ${list[i]!.name}`);
    i = j + 1;
  }
  return lines.join('\n');
}
