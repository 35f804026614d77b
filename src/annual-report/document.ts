// The year-end report as a Word document on the GB/T 9704 layout: title, 主送, sections numbered 一、（一）1., 落款 and date.
import {
  bodyParagraph, bodyParagraphs, heading, officialDocument, packOfficialDocument, signatureBlock, title as titleLine, blankLine,
} from '../platform/documents/official.js';

export interface AnnualReportDocumentData {
  authority: string; title: string; on: string;
  paragraphs: { key: string; heading: string; level: 0 | 1 | 2; text: string }[];
}

export async function renderAnnualReportDocument(d: AnnualReportDocumentData): Promise<Buffer> {
  const addressee = d.paragraphs.find((p) => p.key === 'addressee')?.text ?? '';
  const children = [titleLine(d.title), blankLine()];
  if (addressee) children.push(bodyParagraph(`${addressee}：`, { indent: false }));
  for (const p of d.paragraphs) {
    if (p.key === 'addressee') continue;
    // 一、主要工作举措及成效 opens the first section.
    if (p.key === 'organisation') children.push(heading('一、主要工作举措及成效'));
    if (p.level === 1) children.push(heading(p.heading));
    if (p.level === 2) {
      // （一）… in 楷体 as the second level; written as the first sentence of its paragraph, bold.
      const [first, ...rest] = p.text.split(/\r?\n/);
      children.push(bodyParagraph([{ text: p.heading + '。', bold: true }, first ?? '']));
      for (const line of rest) if (line.trim()) children.push(bodyParagraph(line.trim()));
      continue;
    }
    children.push(...bodyParagraphs(p.text));
  }
  children.push(...signatureBlock({ authority: d.authority, on: d.on }));
  return packOfficialDocument(officialDocument({ title: d.title, authority: d.authority, children }));
}
