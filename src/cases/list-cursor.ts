// The case list's cursor: the sort key and id of the last row a page showed, opaque to clients (base64url).
import { isCivilDate } from '../law/civil-date.js';

/** The list's total is counted up to this many (shown as "1000+" beyond): an exact count would scan. */
export const CASE_LIST_COUNT_CAP = 1000;
/** Page numbers reach this deep at most; past it the list is followed by its cursor (keyset). */
export const CASE_LIST_MAX_OFFSET = 1000;

/** Where the next page starts: the sort key and id of the last row shown (opaque to clients). */
export interface CaseCursor { dueOn: string; id: number }
export const encodeCaseCursor = (c: CaseCursor) => Buffer.from(JSON.stringify([c.dueOn, c.id])).toString('base64url');
export function decodeCaseCursor(s: string): CaseCursor | null {
  try {
    const v: unknown = JSON.parse(Buffer.from(s, 'base64url').toString('utf8'));
    if (!Array.isArray(v) || v.length !== 2) return null;
    const [dueOn, id] = v as unknown[];
    if (typeof dueOn !== 'string' || !isCivilDate(dueOn) || typeof id !== 'number' || !Number.isSafeInteger(id) || id < 1 || id > 2_147_483_647) return null;
    return { dueOn, id };
  } catch {
    return null;
  }
}
