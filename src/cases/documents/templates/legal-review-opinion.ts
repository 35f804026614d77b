// 法制审核意见书. 行政处罚法 第五十八条: before deciding a case listed in its first paragraph the
// agency's legal reviewers examine it; no decision without a passed review. The points examined
// follow 国办发〔2018〕118号 (三项制度): subject, authority, procedure, facts, evidence, legal basis,
// discretion.
import type { Document } from 'docx';
import {
  bodyParagraph, formTable, formatArabicDate, formatChineseDate, officialDocument, officialHeading,
  signatureLine, type FormRow,
} from '../../../platform/documents/official.js';
import type { LegalReviewGround, LegalReviewOpinionData, ReviewPoint } from '../types.js';
import { APL, partyIdentifier } from './common.js';

/** 行政处罚法 第五十八条第一款 items (一)–(四). */
export const LEGAL_REVIEW_GROUND_ZH: Record<LegalReviewGround, string> = {
  majorPublicInterest: '（一）涉及重大公共利益',
  majorRightsAfterHearing: '（二）直接关系当事人或者第三人重大权益，经过听证程序',
  complexSeveralLegalRelations: '（三）案件情况疑难复杂、涉及多个法律关系',
  requiredByOtherLaw: '（四）法律、法规规定应当进行法制审核的其他情形',
};

export const REVIEW_POINT_ZH: Record<ReviewPoint, string> = {
  subject: '执法主体是否合法，执法人员是否具备执法资格',
  authority: '是否超越法定权限',
  procedure: '执法程序是否合法',
  facts: '案件事实是否清楚',
  evidence: '证据是否合法、确凿、充分',
  legalBasis: '适用法律、法规、规章是否准确',
  discretion: '裁量基准运用是否适当',
};
const REVIEW_POINTS: readonly ReviewPoint[] = ['subject', 'authority', 'procedure', 'facts', 'evidence', 'legalBasis', 'discretion'];

export const REVIEW_OUTCOME_ZH = { passed: '审核通过', returned: '退回补充调查或者修改', rejected: '审核不通过' } as const;

export function legalReviewOpinionDocument(d: LegalReviewOpinionData): Document {
  const [idLabel, idValue] = partyIdentifier(d.party);
  const findingRows: FormRow[] = REVIEW_POINTS.map((pt) => ({
    cells: [
      { content: REVIEW_POINT_ZH[pt] },
      { content: d.findings[pt].conforms ? '符合' : '不符合', align: 'center' },
      { content: d.findings[pt].opinion, span: 2 },
    ],
  }));
  return officialDocument({
    title: '法制审核意见书', authority: d.authority.name,
    children: [
      ...officialHeading({ authority: d.authority.name, title: '法制审核意见书', number: d.documentNumber }),
      formTable([3, 2, 2, 3], [
        { cells: [{ content: '案件编号', label: true }, { content: d.caseNumber ?? '', span: 3 }] },
        { cells: [{ content: '案由', label: true }, { content: d.cause, span: 3 }] },
        { cells: [{ content: '当事人', label: true }, { content: d.party.name, span: 3 }] },
        { cells: [{ content: idLabel, label: true }, { content: idValue, span: 3 }] },
        { cells: [{ content: '送审机构', label: true }, { content: d.submittedBy },
          { content: '送审日期', label: true }, { content: formatArabicDate(d.submittedOn) }] },
        { cells: [{ content: '审核依据', label: true },
          { content: { lines: [`${APL}第五十八条第一款`, ...d.grounds.map((g) => LEGAL_REVIEW_GROUND_ZH[g])] }, span: 3 }] },
        { minHeightTwip: 1400, cells: [{ content: '拟处理意见', label: true }, { content: d.proposedDecision, span: 3 }] },
        { cells: [{ content: '审核事项', label: true }, { content: '结论', label: true }, { content: '审核意见', label: true, span: 2 }] },
        ...findingRows,
        { cells: [{ content: '审核结论', label: true }, { content: REVIEW_OUTCOME_ZH[d.outcome], span: 3 }] },
        { minHeightTwip: 1700, cells: [{ content: '审核意见和建议', label: true }, { content: d.conclusion, span: 3 }] },
      ]),
      bodyParagraph(`注：未经法制审核或者审核未通过的，不得作出决定（${APL}第五十八条第一款）。`, { indent: false }),
      signatureLine(`审核人员：${d.reviewers.map((r) => r.name + (r.legalQualificationNumber ? `（法律职业资格证书编号：${r.legalQualificationNumber}）` : '')).join('、')}`),
      signatureLine(formatChineseDate(d.reviewedOn)),
    ],
  });
}
