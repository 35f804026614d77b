// One backup archive (ustar): the database dump, every evidence file and a manifest of SHA-256
// hashes. `restoreArchive` checks every hash before it touches the database and refuses a damaged
// archive; the evidence files land in the target's evidence directory, so `evidence verify` passes
// after a restore on either engine. Written with mode 0600: it holds everything.
import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { open, rename, rm, stat } from 'node:fs/promises';
import { once } from 'node:events';
import { dirname, join } from 'node:path';
import type { Readable } from 'node:stream';
import { asc, gt } from 'drizzle-orm';
import type { Db } from './index.js';
import { backupDatabase, BACKUP_FORMAT, restoreDatabase } from './backup.js';
import { endTar, indexTar, openTarEntry, writeTarEntry, type TarEntry } from './tar.js';
import { evidenceFiles } from '../../evidence/tables.js';
import { evidencePath } from '../../evidence/index.js';
import { commitReceived, receiveToTemp } from '../../evidence/store.js';
import { writeCheckpoint, type AuditAnchor, type Checkpoint } from '../audit/anchor.js';

export const ARCHIVE_FORMAT = 'ecogov-archive/1';
const DUMP = 'database.jsonl';
const MANIFEST = 'manifest.json';
const MANIFEST_HASH = 'manifest.sha256';

export interface ArchiveManifest {
  format: typeof ARCHIVE_FORMAT;
  createdAt: string;
  database: { file: string; format: string; sha256: string; sizeBytes: number; counts: Record<string, number> };
  evidence: { file: string; sha256: string; sizeBytes: number }[];
  /** Evidence records whose file was missing when the backup was taken (also reported by `evidence verify`). */
  evidenceMissing: string[];
  /** The audit checkpoint written for this backup, if an anchor key is configured. */
  auditCheckpoint: { at: string; rowCount: number; headSeq: number; headHash: string } | null;
}

async function sha256OfStream(stream: Readable): Promise<{ sha256: string; sizeBytes: number }> {
  const hash = createHash('sha256');
  let sizeBytes = 0;
  for await (const chunk of stream) { hash.update(chunk as Buffer); sizeBytes += (chunk as Buffer).length; }
  return { sha256: hash.digest('hex'), sizeBytes };
}

async function distinctEvidenceHashes(db: Db): Promise<string[]> {
  const out: string[] = [];
  let after = '';
  for (;;) {
    const rows = await db.selectDistinct({ sha256: evidenceFiles.sha256 }).from(evidenceFiles)
      .where(gt(evidenceFiles.sha256, after)).orderBy(asc(evidenceFiles.sha256)).limit(1000);
    if (!rows.length) return out;
    out.push(...rows.map((r) => r.sha256));
    after = rows[rows.length - 1]!.sha256;
  }
}

type Progress = (what: string, done: number, total?: number) => void;

/** Writes the archive to `file` (via a temporary name in the same directory, then renamed). */
export async function backupArchive(db: Db, file: string, opts: { evidenceDir: string; anchor: AuditAnchor | null; now: Date }, onProgress?: Progress): Promise<ArchiveManifest> {
  const dumpFile = join(dirname(file), `.${randomUUID()}.dump.part`);
  const partFile = `${file}.${randomUUID()}.part`;
  try {
    // The checkpoint first, so the archive's audit log ends at a signed head.
    const checkpoint: Checkpoint | null = opts.anchor ? await writeCheckpoint(db, opts.anchor, opts.now) : null;
    const counts = await backupDatabase(db, dumpFile, (t, n) => onProgress?.(`table ${t}`, n));
    const dumpHash = await sha256OfStream(createReadStream(dumpFile));
    const out = createWriteStream(partFile, { mode: 0o600, flags: 'wx' });
    const manifest: ArchiveManifest = {
      format: ARCHIVE_FORMAT, createdAt: opts.now.toISOString(),
      database: { file: DUMP, format: BACKUP_FORMAT, ...dumpHash, counts },
      evidence: [], evidenceMissing: [],
      auditCheckpoint: checkpoint ? { at: checkpoint.at.toISOString(), rowCount: checkpoint.rowCount, headSeq: checkpoint.headSeq, headHash: checkpoint.headHash } : null,
    };
    await writeTarEntry(out, DUMP, dumpHash.sizeBytes, createReadStream(dumpFile));
    const hashes = await distinctEvidenceHashes(db);
    let done = 0;
    for (const sha256 of hashes) {
      const path = evidencePath(opts.evidenceDir, sha256);
      const s = await stat(path).catch(() => null);
      if (!s?.isFile()) { manifest.evidenceMissing.push(sha256); continue; }
      const name = `evidence/${sha256.slice(0, 2)}/${sha256}`;
      // Hashed as it is copied: the manifest states what the archive holds, not what the name claims.
      const sha = await writeTarEntry(out, name, s.size, createReadStream(path));
      manifest.evidence.push({ file: name, sha256: sha, sizeBytes: s.size });
      done += 1;
      onProgress?.('evidence files', done, hashes.length);
    }
    const manifestBytes = Buffer.from(JSON.stringify(manifest, null, 1));
    await writeTarEntry(out, MANIFEST, manifestBytes.length, manifestBytes);
    const manifestHash = Buffer.from(createHash('sha256').update(manifestBytes).digest('hex') + '\n');
    await writeTarEntry(out, MANIFEST_HASH, manifestHash.length, manifestHash);
    await endTar(out);
    out.end();
    await once(out, 'finish');
    await rename(partFile, file);
    return manifest;
  } finally {
    await rm(dumpFile, { force: true });
    await rm(partFile, { force: true });
  }
}

export class DamagedArchiveError extends Error {}

async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

async function readHead(file: string, bytes: number): Promise<string> {
  const fh = await open(file, 'r');
  try {
    const buf = Buffer.alloc(bytes);
    const { bytesRead } = await fh.read(buf, 0, bytes, 0);
    return buf.subarray(0, bytesRead).toString('utf8');
  } finally { await fh.close(); }
}

/** Checks the manifest and every entry's SHA-256; throws DamagedArchiveError naming the first damage. */
export async function checkArchive(file: string): Promise<{ manifest: ArchiveManifest; entries: Map<string, TarEntry> } | 'not-an-archive'> {
  const index = await indexTar(file);
  if (!index) {
    // A JSON-lines dump of the earlier format is restored as before (database only).
    const head = await readHead(file, 64);
    if (head.startsWith(`{"format":"${BACKUP_FORMAT}"`)) return 'not-an-archive';
    throw new DamagedArchiveError('not a readable EcoGov backup archive (cut off or damaged)');
  }
  const entries = new Map(index.map((e) => [e.name, e]));
  const manifestEntry = entries.get(MANIFEST);
  const hashEntry = entries.get(MANIFEST_HASH);
  if (!manifestEntry || !hashEntry) throw new DamagedArchiveError('the archive has no manifest');
  const manifestBytes = await readAll(openTarEntry(file, manifestEntry));
  const statedHash = (await readAll(openTarEntry(file, hashEntry))).toString('utf8').trim();
  if (createHash('sha256').update(manifestBytes).digest('hex') !== statedHash) throw new DamagedArchiveError('the manifest does not match its SHA-256');
  const manifest = JSON.parse(manifestBytes.toString('utf8')) as ArchiveManifest;
  if (manifest.format !== ARCHIVE_FORMAT) throw new DamagedArchiveError(`unknown archive format ${manifest.format}`);
  const expected = [{ file: manifest.database.file, sha256: manifest.database.sha256, sizeBytes: manifest.database.sizeBytes }, ...manifest.evidence];
  for (const item of expected) {
    const entry = entries.get(item.file);
    if (!entry) throw new DamagedArchiveError(`${item.file}: missing from the archive`);
    if (entry.size !== item.sizeBytes) throw new DamagedArchiveError(`${item.file}: ${entry.size} bytes, the manifest says ${item.sizeBytes}`);
    const actual = await sha256OfStream(openTarEntry(file, entry));
    if (actual.sha256 !== item.sha256) throw new DamagedArchiveError(`${item.file}: SHA-256 ${actual.sha256}, the manifest says ${item.sha256}`);
    if (item.file.startsWith('evidence/') && !item.file.endsWith(item.sha256)) throw new DamagedArchiveError(`${item.file}: content does not match its name`);
  }
  return { manifest, entries };
}

/**
 * Restores an archive into an empty, migrated database and the evidence directory: every hash is
 * checked first (a damaged archive changes nothing), then the dump, then the evidence files.
 */
export async function restoreArchive(db: Db, file: string, opts: { evidenceDir: string }, onProgress?: Progress): Promise<{ counts: Record<string, number>; evidenceFiles: number; legacyDump: boolean }> {
  const checked = await checkArchive(file);
  if (checked === 'not-an-archive') {
    const counts = await restoreDatabase(db, file, (t, n) => onProgress?.(`table ${t}`, n));
    return { counts, evidenceFiles: 0, legacyDump: true };
  }
  const { manifest, entries } = checked;
  const counts = await restoreDatabase(db, () => openTarEntry(file, entries.get(manifest.database.file)!), (t, n) => onProgress?.(`table ${t}`, n));
  let done = 0;
  for (const item of manifest.evidence) {
    const received = await receiveToTemp(opts.evidenceDir, openTarEntry(file, entries.get(item.file)!));
    if (received.sha256 !== item.sha256) { await rm(received.tempPath, { force: true }); throw new DamagedArchiveError(`${item.file}: changed while restoring`); }
    await commitReceived(opts.evidenceDir, received);
    done += 1;
    onProgress?.('evidence files', done, manifest.evidence.length);
  }
  return { counts, evidenceFiles: done, legacyDump: false };
}
