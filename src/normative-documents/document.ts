// The issued normative document (红头: 发文机关标志 in red over a red rule, GB/T 9704-2012 7.2) and the
// legality review opinion, as Word documents on the layout of src/platform/documents.
import { AlignmentType, BorderStyle, LineRuleType, Paragraph, TextRun } from 'docx';
import {
  blankLine, bodyParagraph, bodyParagraphs, documentNumberLine, fieldLine, formatArabicDate, heading, officialDocument, officialHeading,
  packOfficialDocument, signatureBlock, title,
} from '../platform/documents/official.js';

// GB/T 9704-2012 7.2.1 发文机关标志 and 7.2.5 版头中的分隔线: red.
const RED = 'C00000';

/** 发文机关标志: the authority's name with 文件, red 小标宋, centred. */
function redHeader(authority: string): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER, spacing: { line: 1100, lineRule: LineRuleType.EXACT, after: 400 },
    children: [new TextRun({ text: `${authority}文件`, color: RED, size: 72, font: { ascii: '方正小标宋简体', eastAsia: '方正小标宋简体', hAnsi: '方正小标宋简体' } })],
  });
}

/** The 发文字号 over the red rule (分隔线). */
function numberOverRedRule(number: string): Paragraph[] {
  return [
    documentNumberLine(number),
    new Paragraph({ border: { bottom: { style: BorderStyle.SINGLE, size: 12, color: RED, space: 1 } }, spacing: { after: 480 }, children: [] }),
  ];
}

export interface IssuedDocumentData {
  authority: string; number: string; title: string; body: string; issuedOn: string; effectiveOn: string; validUntilOn: string;
}

/** 统一印发: the document as issued — red header, 文号, title, body, 施行 and 有效期 clause, 落款 and date. */
export async function renderIssuedDocument(d: IssuedDocumentData): Promise<Buffer> {
  return packOfficialDocument(officialDocument({
    title: d.title, authority: d.authority,
    children: [
      redHeader(d.authority),
      ...numberOverRedRule(d.number),
      title(d.title),
      blankLine(),
      ...bodyParagraphs(d.body),
      bodyParagraph(`本文件自${formatArabicDate(d.effectiveOn)}起施行，有效期至${formatArabicDate(d.validUntilOn)}。`),
      ...signatureBlock({ authority: d.authority, on: d.issuedOn }),
    ],
  }));
}

export interface ReviewOpinionData {
  authority: string; documentTitle: string; draftingUnit: string; round: number; submittedOn: string; reviewedOn: string; passed: boolean;
  competence: string; procedure: string; content: string; conclusion: string | null; reviewerName: string;
}

/** 国办发〔2018〕115号: 合法性审核意见书 — competence, procedure, content, and the conclusion. */
export async function renderReviewOpinion(d: ReviewOpinionData): Promise<Buffer> {
  const docTitle = '行政规范性文件合法性审核意见书';
  return packOfficialDocument(officialDocument({
    title: docTitle, authority: d.authority,
    children: [
      ...officialHeading({ authority: d.authority, title: docTitle }),
      bodyParagraph(`${d.draftingUnit}：`, { indent: false }),
      bodyParagraph(`你单位于${formatArabicDate(d.submittedOn)}报送的《${d.documentTitle}》（送审稿${d.round > 1 ? `，第${d.round}次送审` : ''}）收悉。`
        + '依据《国务院办公厅关于全面推行行政规范性文件合法性审核机制的指导意见》（国办发〔2018〕115号），经审核，意见如下：'),
      heading('一、制定主体是否合法'),
      ...bodyParagraphs(d.competence),
      heading('二、制定程序是否合法'),
      ...bodyParagraphs(d.procedure),
      heading('三、文件内容是否合法'),
      ...bodyParagraphs(d.content),
      heading('四、审核结论'),
      bodyParagraph(d.passed ? '经审核，该文件送审稿合法，可以提交集体审议。' : '经审核，该文件送审稿存在上述问题，不得提交集体审议，请修改后重新报送审核。'),
      ...(d.conclusion ? bodyParagraphs(d.conclusion) : []),
      fieldLine('审核人', d.reviewerName),
      ...signatureBlock({ authority: d.authority, on: d.reviewedOn }),
    ],
  }));
}
