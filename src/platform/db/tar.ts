// A minimal POSIX ustar writer and indexer (no dependencies): backups hold the database dump, the
// evidence files and a manifest in one archive that `tar -tf` can list. Entries are streamed in and
// read back by offset, so evidence files are never held in memory.
import { createHash } from 'node:crypto';
import { createReadStream, type WriteStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { once } from 'node:events';
import { Readable } from 'node:stream';

const BLOCK = 512;

function header(name: string, size: number, mtime: Date): Buffer {
  if (Buffer.byteLength(name) > 100) throw new Error(`tar entry name too long: ${name}`);
  const h = Buffer.alloc(BLOCK, 0);
  const put = (text: string, offset: number, length: number) => h.write(text, offset, length, 'utf8');
  const octal = (n: number, length: number) => n.toString(8).padStart(length - 1, '0') + '\0';
  put(name, 0, 100);
  put(octal(0o600, 8), 100, 8);
  put(octal(0, 8), 108, 8);
  put(octal(0, 8), 116, 8);
  put(octal(size, 12), 124, 12);
  put(octal(Math.floor(mtime.getTime() / 1000), 12), 136, 12);
  put('        ', 148, 8);
  put('0', 156, 1);
  put('ustar\0', 257, 6);
  put('00', 263, 2);
  let sum = 0;
  for (const b of h) sum += b;
  put(sum.toString(8).padStart(6, '0') + '\0 ', 148, 8);
  return h;
}

async function write(out: WriteStream, chunk: Buffer): Promise<void> {
  if (!out.write(chunk)) await once(out, 'drain');
}

/** Appends one entry of known size from a stream (exactly `size` bytes); returns the SHA-256 of what was written. */
export async function writeTarEntry(out: WriteStream, name: string, size: number, source: Readable | Buffer, mtime = new Date()): Promise<string> {
  await write(out, header(name, size, mtime));
  const hash = createHash('sha256');
  let written = 0;
  for await (const chunk of Buffer.isBuffer(source) ? [source] : source) {
    written += (chunk as Buffer).length;
    if (written > size) break;
    hash.update(chunk as Buffer);
    await write(out, chunk as Buffer);
  }
  if (written !== size) throw new Error(`tar entry ${name}: expected ${size} bytes, read ${written}`);
  const pad = (BLOCK - (size % BLOCK)) % BLOCK;
  if (pad) await write(out, Buffer.alloc(pad, 0));
  return hash.digest('hex');
}

export async function endTar(out: WriteStream): Promise<void> {
  await write(out, Buffer.alloc(BLOCK * 2, 0));
}

export interface TarEntry { name: string; offset: number; size: number }

/** Lists the entries of an archive (name, data offset, size); null when the file is no ustar archive. */
export async function indexTar(file: string): Promise<TarEntry[] | null> {
  const fh = await open(file, 'r');
  try {
    const { size: total } = await fh.stat();
    const entries: TarEntry[] = [];
    const h = Buffer.alloc(BLOCK);
    let pos = 0;
    while (pos + BLOCK <= total) {
      const { bytesRead } = await fh.read(h, 0, BLOCK, pos);
      if (bytesRead < BLOCK) return null;
      if (h.every((b) => b === 0)) return entries;
      let sum = 0;
      for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 32 : h[i]!;
      const stored = parseInt(h.subarray(148, 156).toString('ascii').replace(/\0.*$/s, '').trim(), 8);
      if (h.subarray(257, 262).toString('ascii') !== 'ustar' || stored !== sum) return null;
      const name = h.subarray(0, 100).toString('utf8').replace(/\0.*$/s, '');
      const size = parseInt(h.subarray(124, 136).toString('ascii').replace(/\0.*$/s, '').trim(), 8);
      if (!Number.isSafeInteger(size) || size < 0 || pos + BLOCK + size > total) return null;
      entries.push({ name, offset: pos + BLOCK, size });
      pos += BLOCK + Math.ceil(size / BLOCK) * BLOCK;
    }
    // No end-of-archive blocks: cut off.
    return null;
  } finally {
    await fh.close();
  }
}

export const openTarEntry = (file: string, e: TarEntry): Readable =>
  e.size === 0 ? Readable.from([]) : createReadStream(file, { start: e.offset, end: e.offset + e.size - 1 });
