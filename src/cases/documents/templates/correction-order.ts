// 责令改正违法行为决定书: when imposing a penalty the agency orders the party to correct the
// violation at once or within a time limit (行政处罚法 第二十八条第一款).
import type { Document } from 'docx';
import {
  bodyParagraph, bodyParagraphs, formatArabicDate, officialDocument, officialHeading, signatureBlock,
} from '../../../platform/documents/official.js';
import type { CorrectionOrderData } from '../types.js';
import {
  APL, citeAll, evidenceParagraphs, investigationOpening, partyBlock, remediesParagraph, we, you,
} from './common.js';

export function correctionOrderDocument(d: CorrectionOrderData): Document {
  const y = you(d.party);
  const w = we(d.authority);
  const when = d.correctByOn ? `于${formatArabicDate(d.correctByOn)}前` : '自收到本决定书之日起立即';
  return officialDocument({
    title: '责令改正违法行为决定书', authority: d.authority.name,
    children: [
      ...officialHeading({ authority: d.authority.name, title: '责令改正违法行为决定书', number: d.documentNumber }),
      ...partyBlock(d.party),
      investigationOpening(d.authority, d.party, d.inspectedOn),
      ...bodyParagraphs(d.facts),
      bodyParagraph('以上事实，有下列证据为凭：'),
      ...evidenceParagraphs(d.evidence),
      bodyParagraph(`${y}的上述行为违反了${citeAll(d.violatedProvisions)}的规定。`),
      // 行政处罚法 第二十八条第一款: 责令当事人改正或者限期改正违法行为.
      bodyParagraph(`依据${citeAll(d.basisProvisions)}和${APL}第二十八条第一款的规定，${w}责令${y}${when}改正上述违法行为：`),
      ...d.corrections.map((c, i) => bodyParagraph(`${i + 1}. ${c}${i === d.corrections.length - 1 ? '。' : '；'}`)),
      bodyParagraph(`${y}应当在改正完成后将改正情况书面报告${w}。${w}将对${y}改正违法行为的情况进行复查。`
        + (d.consequenceOfRefusal ? d.consequenceOfRefusal : '')),
      remediesParagraph(d.remedies, d.party, '决定'),
      ...signatureBlock({ authority: d.authority.name, on: d.decidedOn }),
    ],
  });
}
