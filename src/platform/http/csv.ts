// CSV for the public downloads: UTF-8 with a BOM so Excel reads the Chinese, formula-looking cells defused,
// written from an (async) iterable of rows so a long list is streamed, not held.
import { Readable } from 'node:stream';

export interface CsvColumn<T> { header: string; value: (row: T) => string | number | null | undefined }

export const csvCell = (v: string | number | null | undefined): string => {
  const s = v === null || v === undefined ? '' : String(v);
  // A cell starting with = + - @ would run as a formula in Excel: prefixed with a quote.
  const safe = /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};

export function csvStream<T>(columns: readonly CsvColumn<T>[], rows: Iterable<T> | AsyncIterable<T>): Readable {
  async function* lines() {
    yield `\uFEFF${columns.map((c) => csvCell(c.header)).join(',')}\r\n`;
    for await (const row of rows) yield `${columns.map((c) => csvCell(c.value(row))).join(',')}\r\n`;
  }
  return Readable.from(lines());
}

/** Content-Disposition of a download: an ASCII name and the UTF-8 (Chinese) one. */
export const csvAttachment = (ascii: string, utf8: string) => `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(utf8)}`;
