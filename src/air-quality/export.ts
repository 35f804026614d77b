// Rankings as an Excel workbook (exceljs) and as a Word bulletin (通报, docx). Shared with water-quality.
// exceljs is loaded when a workbook is made or read, not at start (issue 18: a later start within 5 s).
import { AlignmentType, Document, HeadingLevel, Packer, Paragraph, ShadingType, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';

export interface ExportColumn<T> { header: string; width: number; value: (row: T) => string | number | null }
export interface RankingDocument<T> {
  title: string;
  /** Paragraphs before the table (basis, period, method). */
  intro: string[];
  columns: ExportColumn<T>[];
  rows: readonly T[];
  /** Paragraphs after the table (triggered sanctions, notes). */
  notes: string[];
  /** Issuer and date line of the bulletin. */
  issuer: string;
  issuedOn: string;
}

export async function buildRankingWorkbook<T>(doc: RankingDocument<T>): Promise<Buffer> {
  const wb = new (await import('exceljs')).default.Workbook();
  wb.creator = 'EcoGov';
  const sheet = wb.addWorksheet('排名');
  sheet.addRow([doc.title]).font = { bold: true, size: 14 };
  sheet.mergeCells(1, 1, 1, doc.columns.length);
  for (const p of doc.intro) sheet.addRow([p]);
  const header = sheet.addRow(doc.columns.map((c) => c.header));
  header.font = { bold: true };
  header.eachCell((cell) => { cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8F3EC' } }; });
  doc.columns.forEach((c, i) => { sheet.getColumn(i + 1).width = c.width; });
  for (const r of doc.rows) sheet.addRow(doc.columns.map((c) => c.value(r) ?? '—'));
  for (const n of doc.notes) sheet.addRow([n]);
  sheet.addRow([`${doc.issuer}  ${doc.issuedOn}`]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const cell = (text: string, bold = false, shaded = false) => new TableCell({
  children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text, bold, size: 20, font: '仿宋' })] })],
  ...(shaded ? { shading: { type: ShadingType.CLEAR, color: 'auto', fill: 'E8F3EC' } } : {}),
});

/** The bulletin: title, basis paragraphs, the ranking table, notes, issuer and date. */
export async function buildRankingBulletin<T>(doc: RankingDocument<T>): Promise<Buffer> {
  const body = (text: string) => new Paragraph({ spacing: { after: 120 }, indent: { firstLine: 640 }, children: [new TextRun({ text, size: 28, font: '仿宋' })] });
  const table = new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: doc.columns.map((c) => cell(c.header, true, true)) }),
      ...doc.rows.map((r) => new TableRow({ children: doc.columns.map((c) => cell(String(c.value(r) ?? '—'))) })),
    ],
  });
  const document = new Document({
    creator: 'EcoGov', title: doc.title,
    sections: [{
      children: [
        new Paragraph({ heading: HeadingLevel.TITLE, alignment: AlignmentType.CENTER, spacing: { after: 240 }, children: [new TextRun({ text: `关于${doc.title}的通报`, bold: true, size: 40, font: '方正小标宋简体' })] }),
        ...doc.intro.map(body),
        table,
        ...doc.notes.map(body),
        new Paragraph({ alignment: AlignmentType.RIGHT, spacing: { before: 480 }, children: [new TextRun({ text: doc.issuer, size: 28, font: '仿宋' })] }),
        new Paragraph({ alignment: AlignmentType.RIGHT, children: [new TextRun({ text: doc.issuedOn, size: 28, font: '仿宋' })] }),
      ],
    }],
  });
  return Buffer.from(await Packer.toBuffer(document));
}

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** `2021-05-03` → `2021年5月3日`. */
export const chineseDate = (on: string) => `${Number(on.slice(0, 4))}年${Number(on.slice(5, 7))}月${Number(on.slice(8, 10))}日`;

export function attachmentHeader(asciiName: string, chineseName: string): string {
  return `attachment; filename="${asciiName}"; filename*=UTF-8''${encodeURIComponent(chineseName)}`;
}
