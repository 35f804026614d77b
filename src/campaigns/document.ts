// 整改督办单 as a Word document, on the GB/T 9704 layout of src/platform/documents.
import {
  bodyParagraph, fieldLine, formatArabicDate, officialDocument, officialHeading, packOfficialDocument, signatureBlock,
} from '../platform/documents/official.js';

export interface OrderData {
  authority: string; number: string; issuedOn: string; addressee: string;
  campaignName: string; legalBasis: string; targetName: string; problem: string; inspectedOn: string; deadlineOn: string;
}

export async function renderOrderDocument(d: OrderData): Promise<Buffer> {
  return packOfficialDocument(officialDocument({
    title: '整改督办单', authority: d.authority,
    children: [
      ...officialHeading({ authority: d.authority, title: '整改督办单', number: d.number }),
      bodyParagraph(`${d.addressee}：`, { indent: false }),
      bodyParagraph(`${formatArabicDate(d.inspectedOn)}，我局在「${d.campaignName}」专项整治检查中发现${d.targetName}存在以下问题，`
        + `整改期限已于${formatArabicDate(d.deadlineOn)}届满，至今未报告整改完成：`),
      bodyParagraph(d.problem),
      bodyParagraph(`依据${d.legalBasis}，现予督办。请立即组织整改，整改完成后将整改情况及相关证明材料书面报告我局；逾期仍未整改的，我局将依法处理。`),
      fieldLine('专项整治', d.campaignName),
      ...signatureBlock({ authority: d.authority, on: d.issuedOn }),
    ],
  }));
}
