// Optional: a real layout engine reads a generated Word file. Where LibreOffice is installed the tests convert the
// file to PDF with it; elsewhere they are skipped (describe.skipIf(!soffice)).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const soffice = ['/usr/bin/soffice', '/usr/bin/libreoffice', '/usr/local/bin/soffice'].find((p) => existsSync(p));

/** Converts a .docx to PDF with LibreOffice and returns the PDF's first bytes (%PDF- when it rendered). */
export function renderWithLibreOffice(docx: Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), 'ecogov-doc-'));
  try {
    const file = join(dir, 'document.docx');
    writeFileSync(file, docx);
    execFileSync(soffice!, ['--headless', '--convert-to', 'pdf', '--outdir', dir, file], { timeout: 120_000 });
    return readFileSync(join(dir, 'document.pdf')).subarray(0, 5).toString();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
