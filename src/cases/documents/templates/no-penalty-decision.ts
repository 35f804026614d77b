// 不予行政处罚决定书. 行政处罚法 第三十三条: 第一款 a minor violation corrected in time with no harm is
// not penalised, and a first violation with minor harm corrected in time may be exempted (首违不罚);
// 第二款 no penalty where the party proves it had no fault; 第三款 the party is educated. The
// violation is still ordered corrected (第二十八条第一款).
import type { Document } from 'docx';
import {
  bodyParagraph, bodyParagraphs, officialDocument, officialHeading, signatureBlock,
} from '../../../platform/documents/official.js';
import type { NoPenaltyDecisionData, NoPenaltyGround } from '../types.js';
import {
  APL, citeAll, evidenceParagraphs, investigationOpening, partyBlock, remediesParagraph, we, you,
} from './common.js';

export const NO_PENALTY_GROUND: Record<NoPenaltyGround, { article: string; text: string }> = {
  minorCorrected: { article: '第三十三条第一款', text: '违法行为轻微并及时改正，没有造成危害后果的，不予行政处罚' },
  firstViolation: { article: '第三十三条第一款', text: '初次违法且危害后果轻微并及时改正的，可以不予行政处罚' },
  noFault: { article: '第三十三条第二款', text: '当事人有证据足以证明没有主观过错的，不予行政处罚' },
};

export function noPenaltyDecisionDocument(d: NoPenaltyDecisionData): Document {
  const y = you(d.party);
  const w = we(d.authority);
  const g = NO_PENALTY_GROUND[d.ground];
  return officialDocument({
    title: '不予行政处罚决定书', authority: d.authority.name,
    children: [
      ...officialHeading({ authority: d.authority.name, title: '不予行政处罚决定书', number: d.documentNumber }),
      ...partyBlock(d.party),
      investigationOpening(d.authority, d.party, d.inspectedOn),
      ...bodyParagraphs(d.facts),
      bodyParagraph('以上事实，有下列证据为凭：'),
      ...evidenceParagraphs(d.evidence),
      bodyParagraph(`${y}的上述行为违反了${citeAll(d.violatedProvisions)}的规定。`),
      bodyParagraph(`鉴于${d.groundReasons}，符合${APL}${g.article}“${g.text}”的规定`
        + `${d.exemptionListReference ? `及${d.exemptionListReference}` : ''}，${w}决定对${y}不予行政处罚。`),
      bodyParagraph(`依据${APL}第二十八条第一款的规定，${w}责令${y}${d.correctionOrdered}`),
      // 行政处罚法 第三十三条第三款: 依法不予行政处罚的，行政机关应当对当事人进行教育.
      bodyParagraph(`依据${APL}第三十三条第三款的规定，${w}对${y}予以批评教育：${d.education}`),
      remediesParagraph(d.remedies, d.party, '决定'),
      ...signatureBlock({ authority: d.authority.name, on: d.decidedOn }),
    ],
  });
}
