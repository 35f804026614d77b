/** A citation of the statutory source a rule applies. */
export interface Citation { law: string; article: string; paragraph?: string; item?: string }

/** A legal or business "no": a stable code, the article it rests on, and the field it concerns. */
export interface Refusal { ok: false; code: string; citation?: Citation; field?: string; params?: Record<string, string | number> }

export type Outcome = { ok: true } | Refusal;
export type Result<T> = { ok: true; value: T } | Refusal;

export const allowed: Outcome = { ok: true };
export const refuse = (code: string, citation?: Citation, field?: string, params?: Record<string, string | number>): Refusal =>
  ({ ok: false, code, citation, field, params });
export const success = <T>(value: T): Result<T> => ({ ok: true, value });
export const isRefusal = (o: { ok: boolean }): o is Refusal => !o.ok;
