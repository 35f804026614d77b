// The hash chain itself: pure, so verify and append agree byte for byte.
import { createHash } from 'node:crypto';

export const GENESIS_HASH = '0'.repeat(64);

export interface AuditRecord {
  seq: number;
  at: Date;
  actorId: number | null;
  actorName: string;
  actorRole: string;
  action: string;
  entity: string;
  entityId: string;
  before: unknown;
  after: unknown;
  reason: string | null;
  prevHash: string;
}

/** JSON with object keys sorted at every depth: jsonb does not keep key order. */
export function canonicalJson(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export function computeAuditHash(r: AuditRecord): string {
  const body = canonicalJson({
    seq: r.seq, at: r.at.toISOString(), actorId: r.actorId, actorName: r.actorName, actorRole: r.actorRole,
    action: r.action, entity: r.entity, entityId: r.entityId, before: r.before ?? null, after: r.after ?? null,
    reason: r.reason, prevHash: r.prevHash,
  });
  return createHash('sha256').update(body).digest('hex');
}

export type ChainCheck = { ok: true; checked: number } | { ok: false; checked: number; firstBrokenSeq: number; reason: 'SEQ_GAP' | 'PREV_HASH_MISMATCH' | 'HASH_MISMATCH' };

/** Walks rows in seq order; names the first row whose link or content does not hold. */
export function checkChain(rows: Iterable<AuditRecord & { hash: string }>, start: { seq: number; hash: string } = { seq: 0, hash: GENESIS_HASH }): ChainCheck {
  let expectedSeq = start.seq + 1;
  let prevHash = start.hash;
  let checked = 0;
  for (const row of rows) {
    if (row.seq !== expectedSeq) return { ok: false, checked, firstBrokenSeq: row.seq, reason: 'SEQ_GAP' };
    if (row.prevHash !== prevHash) return { ok: false, checked, firstBrokenSeq: row.seq, reason: 'PREV_HASH_MISMATCH' };
    if (computeAuditHash(row) !== row.hash) return { ok: false, checked, firstBrokenSeq: row.seq, reason: 'HASH_MISMATCH' };
    prevHash = row.hash;
    expectedSeq++;
    checked++;
  }
  return { ok: true, checked };
}
