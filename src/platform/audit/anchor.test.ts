// The insider attacks of issue 10, re-run: cut the tail off the audit log, or rewrite a row and
// recompute every later hash. The chain alone says "intact" to both; the keyed checkpoint does not.
import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { asc, gte, sql } from 'drizzle-orm';
import { createTestDatabase, ENGINE } from '../../../test/helpers/db.js';
import type { Database } from '../db/index.js';
import { appendAudit, SYSTEM_ACTOR, verifyAuditChain } from './log.js';
import { checkpointIfDue, loadAuditAnchor, verifyAnchoredChain, writeCheckpoint, type AuditAnchor } from './anchor.js';
import { computeAuditHash } from './chain.js';
import { auditLog } from './tables.js';

const ROWS = 600;

async function logWithCheckpoints(anchor: AuditAnchor): Promise<Database> {
  const database = await createTestDatabase();
  const at = Date.UTC(2021, 6, 15, 0, 0, 0);
  // The first rows through appendAudit itself, the rest written as it writes them (faster on a busy machine).
  await database.db.transaction(async (tx) => {
    for (let n = 1; n <= 20; n++) await appendAudit(tx, SYSTEM_ACTOR, { action: 'enterprise.update', entity: 'enterprise', entityId: n, after: { n } }, new Date(at + n * 1000));
  });
  let prevHash = (await database.db.select().from(auditLog).where(sql`seq = 20`))[0]!.hash;
  for (let from = 21; from <= ROWS; from += 20) {
    const rows = [];
    for (let seq = from; seq < from + 20; seq++) {
      const record = { seq, at: new Date(at + seq * 1000), actorId: null, actorName: 'system', actorRole: 'system', action: 'enterprise.update',
        entity: 'enterprise', entityId: String(seq), before: null, after: { n: seq }, reason: null, prevHash };
      prevHash = computeAuditHash(record);
      rows.push({ ...record, hash: prevHash });
    }
    await database.db.insert(auditLog).values(rows);
    // What serve does on its timer: a checkpoint once 100 rows were appended.
    await checkpointIfDue(database.db, anchor, new Date(at + from * 1000), 100);
  }
  return database;
}

/** The insider: triggers off (a superuser can), change rows, triggers back on. */
async function behindTheApplication(database: Database, fn: () => Promise<void>) {
  await database.db.execute(sql`alter table audit_log disable trigger audit_log_no_update`);
  try { await fn(); } finally { await database.db.execute(sql`alter table audit_log enable trigger audit_log_no_update`); }
}

describe(`audit anchor: keyed checkpoints outside the database (${ENGINE})`, { timeout: 120_000 }, () => {
  let dir: string;
  let database: Database | null = null;
  const anchorIn = () => {
    dir = mkdtempSync(join(tmpdir(), 'ecogov-anchor-'));
    return loadAuditAnchor(join(dir, 'audit-checkpoint.key'), join(dir, 'audit-checkpoints.log'))!;
  };
  afterEach(async () => { await database?.close(); database = null; rmSync(dir, { recursive: true, force: true }); });

  it('creates the key with mode 0600 and keeps checkpoints in the table and the append-only file', async () => {
    const anchor = anchorIn();
    expect(statSync(join(dir, 'audit-checkpoint.key')).mode & 0o777).toBe(0o600);
    database = await logWithCheckpoints(anchor);
    expect(readFileSync(anchor.file!, 'utf8').trim().split('\n')).toHaveLength(ROWS / 100);
    const result = await verifyAnchoredChain(database.db, anchor);
    expect(result).toMatchObject({ ok: true, findings: [], checkpoint: { headSeq: ROWS, rowCount: ROWS }, unverifiableCheckpoints: 0 });
  });

  it('names the missing rows when the last 5 are deleted', async () => {
    const anchor = anchorIn();
    database = await logWithCheckpoints(anchor);
    await behindTheApplication(database, async () => { await database!.db.delete(auditLog).where(gte(auditLog.seq, ROWS - 4)); });
    // The attack the chain alone cannot see:
    expect(await verifyAuditChain(database.db)).toEqual({ ok: true, checked: ROWS - 5 });
    const result = await verifyAnchoredChain(database.db, anchor);
    expect(result.ok).toBe(false);
    expect(result.findings).toEqual([expect.objectContaining({ problem: 'TRUNCATED', fromSeq: ROWS - 4, toSeq: ROWS })]);
  });

  it('names the rewritten rows when row 500 is edited and every later hash recomputed', async () => {
    const anchor = anchorIn();
    database = await logWithCheckpoints(anchor);
    await behindTheApplication(database, async () => {
      const rows = await database!.db.select().from(auditLog).where(gte(auditLog.seq, 500)).orderBy(asc(auditLog.seq));
      let prevHash = (await database!.db.select().from(auditLog).where(sql`seq = 499`))[0]!.hash;
      for (const r of rows) {
        const changed = { ...r, prevHash, after: r.seq === 500 ? { n: 'forged' } : r.after };
        const hash = computeAuditHash(changed);
        await database!.db.update(auditLog).set({ after: changed.after, prevHash, hash }).where(sql`seq = ${r.seq}`);
        prevHash = hash;
      }
    });
    expect(await verifyAuditChain(database.db)).toEqual({ ok: true, checked: ROWS });
    const result = await verifyAnchoredChain(database.db, anchor);
    expect(result.ok).toBe(false);
    expect(result.findings).toEqual([expect.objectContaining({ problem: 'REWRITTEN', fromSeq: 401, toSeq: 500 })]);
  });

  it('a checkpoint forged without the key does not count, and the file copy survives deleted table rows', async () => {
    const anchor = anchorIn();
    database = await logWithCheckpoints(anchor);
    await behindTheApplication(database, async () => { await database!.db.delete(auditLog).where(gte(auditLog.seq, 551)); });
    // The insider also empties the checkpoint table and signs the cut-off head with a guessed key.
    await database.db.execute(sql`delete from audit_checkpoints`);
    const other = loadAuditAnchor(join(dir, 'other.key'), null)!;
    await writeCheckpoint(database.db, other, new Date());
    const result = await verifyAnchoredChain(database.db, anchor);
    expect(result.unverifiableCheckpoints).toBe(1);
    expect(result.findings).toEqual([expect.objectContaining({ problem: 'TRUNCATED', fromSeq: 551, toSeq: 600 })]);
  });
});
