import { and, asc, count, desc, eq, gt, type SQL } from 'drizzle-orm';
import { sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../db/index.js';
import { auditLog } from './tables.js';
import { checkChain, computeAuditHash, GENESIS_HASH, type AuditRecord, type ChainCheck } from './chain.js';

/** Who did it: a signed-in user, or the system itself (seeding, CLI). */
export interface Actor { id: number | null; name: string; role: string }
export const SYSTEM_ACTOR: Actor = { id: null, name: 'system', role: 'system' };
/** The signed-in user as the audit log records them. */
export const actorOf = (p: { id: number; username: string; role: string }): Actor => ({ id: p.id, name: p.username, role: p.role });

export interface AuditEntry {
  action: string;
  entity: string;
  entityId: string | number;
  before?: unknown;
  after?: unknown;
  reason?: string | null;
}

// One lock id for the chain's tail: appends serialise, so two transactions never share a prevHash.
const AUDIT_CHAIN_LOCK = 7_301_001;

/** Plain JSON (dates as ISO strings) so the stored jsonb hashes the same on read-back. */
const toJson = (v: unknown): unknown => (v === undefined ? null : JSON.parse(JSON.stringify(v)));

/**
 * Appends one entry linked to the current tail, inside the caller's transaction (as a savepoint) or in its own.
 * Never outside one: the chain lock is a transaction lock, and a bare statement would drop it at once, so two
 * concurrent appends could read the same tail (one then fails on the sequence and its entry is lost).
 */
export async function appendAudit(tx: DbOrTx, actor: Actor, entry: AuditEntry, now: Date): Promise<number> {
  return tx.transaction(async (t) => {
    await t.execute(sql`select pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK})`);
    const [tail] = await t.select({ seq: auditLog.seq, hash: auditLog.hash }).from(auditLog).orderBy(desc(auditLog.seq)).limit(1);
    // Millisecond precision: what JavaScript and the hash both see.
    const at = new Date(Math.floor(now.getTime()));
    const record: AuditRecord = {
      seq: (tail?.seq ?? 0) + 1, at,
      actorId: actor.id, actorName: actor.name, actorRole: actor.role,
      action: entry.action, entity: entry.entity, entityId: String(entry.entityId),
      before: toJson(entry.before), after: toJson(entry.after), reason: entry.reason ?? null,
      prevHash: tail?.hash ?? GENESIS_HASH,
    };
    await t.insert(auditLog).values({ ...record, hash: computeAuditHash(record) });
    return record.seq;
  });
}

/** Recomputes the whole chain, page by page, and names the first broken row. */
export async function verifyAuditChain(db: Db, onProgress?: (checked: number) => void): Promise<ChainCheck> {
  const PAGE = 2000;
  let last = { seq: 0, hash: GENESIS_HASH };
  let total = 0;
  for (;;) {
    const rows = await db.select().from(auditLog).where(gt(auditLog.seq, last.seq)).orderBy(asc(auditLog.seq)).limit(PAGE);
    if (rows.length === 0) return { ok: true, checked: total };
    const result = checkChain(rows, last);
    if (!result.ok) return { ...result, checked: total + result.checked };
    total += result.checked;
    const tail = rows[rows.length - 1]!;
    last = { seq: tail.seq, hash: tail.hash };
    onProgress?.(total);
  }
}

export interface AuditQuery { entity?: string; entityId?: string; actorId?: number; page: number; pageSize: number }

export async function listAudit(db: Db, q: AuditQuery) {
  const conditions: SQL[] = [];
  if (q.entity) conditions.push(eq(auditLog.entity, q.entity));
  if (q.entityId) conditions.push(eq(auditLog.entityId, q.entityId));
  if (q.actorId !== undefined) conditions.push(eq(auditLog.actorId, q.actorId));
  const where = conditions.length ? and(...conditions) : undefined;
  const [{ total }] = await db.select({ total: count() }).from(auditLog).where(where) as [{ total: number }];
  const items = await db.select().from(auditLog).where(where).orderBy(desc(auditLog.seq))
    .limit(q.pageSize).offset((q.page - 1) * q.pageSize);
  return { items, total: Number(total) };
}
