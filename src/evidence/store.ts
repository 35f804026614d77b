// Content-addressed storage of evidence files: `<dir>/<sha[0:2]>/<sha>`. Files arrive as streams,
// are hashed on the way into a temporary file in the same directory tree, and are then linked into
// place, so a reader never sees half a file and the same content is kept once.
import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { chmod, link, mkdir, readdir, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

export interface ReceivedFile {
  /** The temporary file; gone once `commitReceived` or `discardReceived` ran. */
  tempPath: string;
  sha256: string;
  sizeBytes: number;
  /** The source stopped at its byte limit: the file is incomplete and must be refused. */
  truncated: boolean;
}

const SHA256 = /^[0-9a-f]{64}$/;
export const TEMP_SUBDIR = 'tmp';

/** Where the content with this hash lives. */
export function evidencePath(dir: string, sha256: string): string {
  if (!SHA256.test(sha256)) throw new Error(`not a SHA-256: ${sha256}`);
  return join(dir, sha256.slice(0, 2), sha256);
}

/** Streams `source` through SHA-256 into a temporary file; nothing is held in memory but one chunk. */
export async function receiveToTemp(dir: string, source: Readable & { truncated?: boolean }): Promise<ReceivedFile> {
  const tempDir = join(dir, TEMP_SUBDIR);
  await mkdir(tempDir, { recursive: true });
  const tempPath = join(tempDir, `${randomUUID()}.part`);
  const hash = createHash('sha256');
  let sizeBytes = 0;
  const meter = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      hash.update(chunk);
      sizeBytes += chunk.length;
      callback(null, chunk);
    },
  });
  try {
    await pipeline(source, meter, createWriteStream(tempPath, { flags: 'wx', mode: 0o600 }));
  } catch (err) {
    await rm(tempPath, { force: true });
    throw err;
  }
  return { tempPath, sha256: hash.digest('hex'), sizeBytes, truncated: Boolean(source.truncated) };
}

/** Removes the temporary files of uploads interrupted by a crash or restart; run at start-up, before serving. */
export async function removeStaleUploads(dir: string): Promise<number> {
  const tempDir = join(dir, TEMP_SUBDIR);
  const names = await readdir(tempDir).catch(() => [] as string[]);
  const stale = names.filter((n) => n.endsWith('.part'));
  await Promise.all(stale.map((n) => rm(join(tempDir, n), { force: true })));
  return stale.length;
}

/** Removes a temporary file (no-op when it was already committed or removed). */
export async function discardReceived(file: ReceivedFile | null): Promise<void> {
  if (file) await rm(file.tempPath, { force: true });
}

/**
 * Moves a received file to its content address. `existing`: the same content was stored before and
 * the temporary copy is dropped (a stored file of another size is damaged and gets replaced).
 */
export async function commitReceived(dir: string, file: ReceivedFile): Promise<'new' | 'existing'> {
  const target = evidencePath(dir, file.sha256);
  await mkdir(join(dir, file.sha256.slice(0, 2)), { recursive: true });
  await chmod(file.tempPath, 0o444);
  try {
    const present = await stat(target).catch(() => null);
    if (present?.isFile() && present.size === file.sizeBytes) return 'existing';
    if (present) {
      await rename(file.tempPath, target);
      return 'new';
    }
    try {
      // link() never replaces: two uploads of the same content at once both end up with one file.
      await link(file.tempPath, target);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'EEXIST') return 'existing';
      if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EXDEV') throw err;
      await rename(file.tempPath, target);
    }
    return 'new';
  } finally {
    await rm(file.tempPath, { force: true });
  }
}

/** The stored content's size, or null when the file is missing. */
export async function statStored(dir: string, sha256: string): Promise<{ path: string; sizeBytes: number } | null> {
  const path = evidencePath(dir, sha256);
  const s = await stat(path).catch(() => null);
  return s?.isFile() ? { path, sizeBytes: s.size } : null;
}

export const openStored = (path: string): Readable => createReadStream(path);

/** SHA-256 of a stored file, streamed; null when the file is missing. */
export async function hashStored(dir: string, sha256: string): Promise<{ actual: string; sizeBytes: number } | null> {
  const path = evidencePath(dir, sha256);
  const hash = createHash('sha256');
  let sizeBytes = 0;
  try {
    for await (const chunk of createReadStream(path)) {
      hash.update(chunk as Buffer);
      sizeBytes += (chunk as Buffer).length;
    }
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'EISDIR') return null;
    throw err;
  }
  return { actual: hash.digest('hex'), sizeBytes };
}
