// 送达回证. 行政处罚法 第六十一条: the decision is handed over on the spot, or served within seven
// (working) days under the Civil Procedure Law; electronic service only with the party's consent.
// The receipt records the document, recipient, place, manner, the recipient's signature and time,
// any proxy or witness (留置送达), and the servers.
import type { Document } from 'docx';
import {
  bodyParagraph, formTable, formatArabicDate, formatArabicDateTime, officialDocument, officialHeading,
} from '../../../platform/documents/official.js';
import type { ServiceMethod, ServiceReceiptData } from '../types.js';
import { APL } from './common.js';

export const SERVICE_METHOD_ZH: Record<ServiceMethod, string> = {
  direct: '直接送达', left: '留置送达', post: '邮寄送达', entrusted: '委托送达', electronic: '电子送达', public: '公告送达',
};

export function serviceReceiptDocument(d: ServiceReceiptData): Document {
  const docs = d.documents.map((x) => `《${x.title}》${x.number ? `（${x.number}）` : ''}${x.copies ? `${x.copies}份` : ''}`);
  return officialDocument({
    title: '送达回证', authority: d.authority.name,
    children: [
      ...officialHeading({ authority: d.authority.name, title: '送达回证' }),
      formTable([3, 3, 2, 3], [
        ...(d.caseNumber ? [{ cells: [{ content: '案件编号', label: true }, { content: d.caseNumber, span: 3 }] }] : []),
        { cells: [{ content: '案由', label: true }, { content: d.cause, span: 3 }] },
        { minHeightTwip: 1100, cells: [{ content: '送达文书名称及文号', label: true }, { content: { lines: docs }, span: 3 }] },
        { cells: [{ content: '受送达人', label: true }, { content: d.recipient, span: 3 }] },
        { cells: [{ content: '送达地点', label: true }, { content: d.address, span: 3 }] },
        { cells: [{ content: '送达方式', label: true }, { content: SERVICE_METHOD_ZH[d.method], span: 3 }] },
        { minHeightTwip: 1400, cells: [{ content: '受送达人签名或者盖章', label: true },
          { content: '', span: 3, footer: d.servedAt ? formatArabicDateTime(d.servedAt) : '　　年　　月　　日　　时　　分' }] },
        { minHeightTwip: 1000, cells: [{ content: '代收人及代收理由', label: true },
          { content: d.receivedBy ? `${d.receivedBy.name}（${d.receivedBy.reason}）` : '', span: 3 }] },
        { minHeightTwip: 1000, cells: [{ content: '见证人', label: true }, { content: (d.witnesses ?? []).join('、'), span: 3 }] },
        { cells: [{ content: '送达人', label: true }, { content: { lines: d.servers.map((s) => `${s.name}（执法证号：${s.credentialNumber}）`) } },
          { content: '填发人', label: true }, { content: { lines: [d.issuer, formatArabicDate(d.issuedOn)] } }] },
        { minHeightTwip: 900, cells: [{ content: '备注', label: true }, { content: d.note ?? '', span: 3 }] },
      ]),
      bodyParagraph(`注：依据${APL}第六十一条的规定，行政处罚决定书应当在宣告后当场交付当事人；当事人不在场的，`
        + '行政机关应当在七日内依照《中华人民共和国民事诉讼法》的有关规定送达。受送达人拒绝签收的，送达人可以邀请见证人到场，'
        + '说明情况，在本回证上记明拒收事由和日期，由送达人、见证人签名或者盖章，将文书留在受送达人的住所，即视为送达。', { indent: false }),
    ],
  });
}
