// The audit chain's anchor outside the database. The hash chain alone shows an edit only if the
// editor did not recompute the later hashes, and shows nothing when the tail is cut off. A keyed
// checkpoint (HMAC-SHA256 of head hash and row count, with a key kept outside the database) pins
// the chain as it was: `verifyAnchoredChain` names the rows missing after it or rewritten before it.
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { appendFileSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { asc, count, desc, eq, max } from 'drizzle-orm';
import type { Db } from '../db/index.js';
import { auditCheckpoints, auditLog } from './tables.js';
import { verifyAuditChain } from './log.js';
import type { ChainCheck } from './chain.js';

export interface AuditAnchor {
  key: Buffer;
  /** First 16 hex digits of the key's SHA-256: names the key without revealing it. */
  keyId: string;
  /** Append-only copy of every checkpoint (one JSON line each); null: the database table only. */
  file: string | null;
}

export interface Checkpoint { at: Date; rowCount: number; headSeq: number; headHash: string; keyId: string; mac: string }

const FORMAT = 'ecogov-audit-checkpoint/1';

/** Reads the key file, creating it (32 random bytes, hex, mode 0600) when it does not exist yet. */
export function loadAuditAnchor(keyFile: string, checkpointFile: string | null, opts: { create?: boolean } = {}): AuditAnchor | null {
  if (!existsSync(keyFile)) {
    if (opts.create === false) return null;
    mkdirSync(dirname(keyFile), { recursive: true });
    // 'wx': never overwrite a key another process has just created.
    try { writeFileSync(keyFile, randomBytes(32).toString('hex') + '\n', { mode: 0o600, flag: 'wx' }); } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
  }
  if ((statSync(keyFile).mode & 0o077) !== 0) process.emitWarning(`audit key file ${keyFile} is readable by others; chmod 600 it`);
  const text = readFileSync(keyFile, 'utf8').trim();
  if (!/^[0-9a-f]{64,}$/i.test(text)) throw new Error(`audit key file ${keyFile}: expected at least 64 hex digits`);
  const key = Buffer.from(text, 'hex');
  return { key, keyId: createHash('sha256').update(key).digest('hex').slice(0, 16), file: checkpointFile };
}

export function checkpointMac(key: Buffer, c: Omit<Checkpoint, 'mac' | 'keyId'>): string {
  return createHmac('sha256', key).update(`${FORMAT}|${c.rowCount}|${c.headSeq}|${c.headHash}|${c.at.toISOString()}`).digest('hex');
}

function macHolds(anchor: AuditAnchor, c: Checkpoint): boolean {
  if (c.keyId !== anchor.keyId || !/^[0-9a-f]{64}$/.test(c.mac)) return false;
  return timingSafeEqual(Buffer.from(checkpointMac(anchor.key, c), 'hex'), Buffer.from(c.mac, 'hex'));
}

async function head(db: Db): Promise<{ rowCount: number; headSeq: number; headHash: string } | null> {
  const [agg] = await db.select({ n: count(), seq: max(auditLog.seq) }).from(auditLog);
  if (!agg || agg.seq === null) return null;
  const [row] = await db.select({ hash: auditLog.hash }).from(auditLog).where(eq(auditLog.seq, Number(agg.seq)));
  return { rowCount: Number(agg.n), headSeq: Number(agg.seq), headHash: row!.hash };
}

/** The newest checkpoint in the database (MAC unchecked), for deciding when the next one is due. */
export async function lastCheckpoint(db: Db) {
  const [row] = await db.select().from(auditCheckpoints).orderBy(desc(auditCheckpoints.id)).limit(1);
  return row ?? null;
}

/** Signs the current head and stores it in the table and the append-only file; null on an empty log. */
export async function writeCheckpoint(db: Db, anchor: AuditAnchor, now: Date): Promise<Checkpoint | null> {
  const h = await head(db);
  if (!h) return null;
  const at = new Date(Math.floor(now.getTime()));
  const checkpoint: Checkpoint = { at, ...h, keyId: anchor.keyId, mac: checkpointMac(anchor.key, { at, ...h }) };
  await db.insert(auditCheckpoints).values(checkpoint);
  if (anchor.file) {
    mkdirSync(dirname(anchor.file), { recursive: true });
    appendFileSync(anchor.file, JSON.stringify({ ...checkpoint, at: at.toISOString() }) + '\n', { mode: 0o600, flag: 'a' });
  }
  return checkpoint;
}

/** Writes a checkpoint when `every` rows were appended since the last one (or the head moved and `maxAgeMs` passed). */
export async function checkpointIfDue(db: Db, anchor: AuditAnchor, now: Date, every: number, maxAgeMs = 10 * 60_000): Promise<Checkpoint | null> {
  const h = await head(db);
  if (!h) return null;
  const last = await lastCheckpoint(db);
  const appended = h.headSeq - (last?.headSeq ?? 0);
  if (appended >= every || (appended > 0 && last && now.getTime() - last.at.getTime() >= maxAgeMs)) return writeCheckpoint(db, anchor, now);
  return null;
}

function readCheckpointFile(file: string | null): Checkpoint[] {
  if (!file || !existsSync(file)) return [];
  const out: Checkpoint[] = [];
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    try {
      const c = JSON.parse(line) as Omit<Checkpoint, 'at'> & { at: string };
      out.push({ ...c, at: new Date(c.at) });
    } catch { /* a torn last line (crash mid-write) is skipped; its MAC could not hold anyway */ }
  }
  return out;
}

export type AnchorFinding =
  | { problem: 'TRUNCATED'; fromSeq: number; toSeq: number; checkpointAt: string }
  | { problem: 'REWRITTEN'; fromSeq: number; toSeq: number; checkpointAt: string };

export interface AnchoredCheck {
  chain: ChainCheck;
  /** The newest checkpoint whose MAC holds; null when there is none (the chain is then unanchored). */
  checkpoint: { at: string; rowCount: number; headSeq: number } | null;
  /** Checkpoints whose MAC does not hold under this key: forged, or signed with another key. */
  unverifiableCheckpoints: number;
  findings: AnchorFinding[];
  ok: boolean;
}

/**
 * Recomputes the chain, then holds it against every checkpoint whose MAC holds (database table and
 * append-only file): rows after the live head up to a checkpoint's head are missing (TRUNCATED); a
 * checkpoint whose head row now has another hash means a row between the last matching checkpoint
 * and it was rewritten (and the later hashes recomputed) (REWRITTEN).
 */
export async function verifyAnchoredChain(db: Db, anchor: AuditAnchor | null, onProgress?: (checked: number) => void): Promise<AnchoredCheck> {
  const chain = await verifyAuditChain(db, onProgress);
  if (!anchor) return { chain, checkpoint: null, unverifiableCheckpoints: 0, findings: [], ok: chain.ok };
  const stored = await db.select().from(auditCheckpoints).orderBy(asc(auditCheckpoints.id));
  const all = [...stored, ...readCheckpointFile(anchor.file)];
  const seen = new Set<string>();
  const valid: Checkpoint[] = [];
  let unverifiable = 0;
  for (const c of all) {
    const k = `${c.headSeq}|${c.headHash}|${c.at.toISOString()}`;
    if (seen.has(k)) continue;
    seen.add(k);
    if (macHolds(anchor, c)) valid.push(c); else unverifiable++;
  }
  valid.sort((a, b) => a.headSeq - b.headSeq || a.at.getTime() - b.at.getTime());
  const findings: AnchorFinding[] = [];
  const live = await head(db);
  const latest = valid[valid.length - 1] ?? null;
  const liveSeq = live?.headSeq ?? 0;
  if (latest && (liveSeq < latest.headSeq || (live?.rowCount ?? 0) < latest.rowCount)) {
    findings.push({ problem: 'TRUNCATED', fromSeq: liveSeq + 1, toSeq: latest.headSeq, checkpointAt: latest.at.toISOString() });
  }
  let lastGood = 0;
  for (const c of valid) {
    if (c.headSeq > liveSeq) break;
    const [row] = await db.select({ hash: auditLog.hash }).from(auditLog).where(eq(auditLog.seq, c.headSeq));
    if (row?.hash === c.headHash) { lastGood = c.headSeq; continue; }
    findings.push({ problem: 'REWRITTEN', fromSeq: lastGood + 1, toSeq: c.headSeq, checkpointAt: c.at.toISOString() });
    break;
  }
  return {
    chain,
    checkpoint: latest ? { at: latest.at.toISOString(), rowCount: latest.rowCount, headSeq: latest.headSeq } : null,
    unverifiableCheckpoints: unverifiable,
    findings,
    ok: chain.ok && findings.length === 0,
  };
}
