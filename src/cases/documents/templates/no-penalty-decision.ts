// 不予行政处罚决定书: one text that names the real ground only. 行政处罚法 (2021, read):
// 第五十七条第一款 (三) 违法事实不能成立的，不予行政处罚; 第三十条 不满十四周岁; 第三十一条 不能辨认或者不能控制
// 自己行为; 第三十三条第一款 违法行为轻微并及时改正，没有造成危害后果的，不予行政处罚 (mandatory), 初次违法且危害后果
// 轻微并及时改正的，可以不予行政处罚 (discretionary); 第二款 没有主观过错; 第三款 the party is educated (printed
// only where the education happened). Where a violation was established it is still ordered corrected (第二十八条第一款).
import type { Document } from 'docx';
import {
  bodyParagraph, bodyParagraphs, formatArabicDate, officialDocument, officialHeading, signatureBlock,
} from '../../../platform/documents/official.js';
import type { NoPenaltyDecisionData, NoPenaltyGround, Party } from '../types.js';
import {
  APL, citeAll, evidenceParagraphs, investigationOpening, partyBlock, remediesParagraph, we, you,
} from './common.js';

export const NO_PENALTY_GROUND: Record<NoPenaltyGround, { article: string; text: string }> = {
  factsNotEstablished: { article: '第五十七条第一款第（三）项', text: '违法事实不能成立的，不予行政处罚' },
  minorCorrected: { article: '第三十三条第一款', text: '违法行为轻微并及时改正，没有造成危害后果的，不予行政处罚' },
  firstViolation: { article: '第三十三条第一款', text: '初次违法且危害后果轻微并及时改正的，可以不予行政处罚' },
  noFault: { article: '第三十三条第二款', text: '当事人有证据足以证明没有主观过错的，不予行政处罚' },
  minorUnder14: { article: '第三十条', text: '不满十四周岁的未成年人有违法行为的，不予行政处罚，责令监护人加以管教' },
  noCapacity: { article: '第三十一条', text: '精神病人、智力残疾人在不能辨认或者不能控制自己行为时有违法行为的，不予行政处罚，但应当责令其监护人严加看管和治疗' },
};

const TRAILING = /[\s。；;，,、.:：]+$/u;
/** A clause to embed in a sentence: no final punctuation. */
export const clause = (s: string): string => s.trim().replace(TRAILING, '');
/** A sentence: exactly one final full stop. */
export const sentence = (s: string): string => `${clause(s)}。`;

/** What is ordered, without a leading 责令 / 你单位 / 你 the officer may have typed (the template says them once). */
export function orderedAction(text: string, party: Party): string {
  let t = clause(text).replace(/^(?:我局|本机关)?(?:决定)?/u, '');
  t = t.replace(/^责令/u, '');
  const y = you(party);
  if (t.startsWith(y)) t = t.slice(y.length);
  else if (t.startsWith('你单位')) t = t.slice(3);
  else if (t.startsWith('你')) t = t.slice(1);
  return t.replace(/^[，,]/u, '');
}

export function noPenaltyDecisionDocument(d: NoPenaltyDecisionData): Document {
  const y = you(d.party);
  const w = we(d.authority);
  const g = NO_PENALTY_GROUND[d.ground];
  const established = d.ground !== 'factsNotEstablished';
  const listed = d.exemptionListReference ? `，属于${d.exemptionListReference}所列情形` : '';
  return officialDocument({
    title: '不予行政处罚决定书', authority: d.authority.name,
    children: [
      ...officialHeading({ authority: d.authority.name, title: '不予行政处罚决定书', number: d.documentNumber }),
      ...partyBlock(d.party),
      ...(established
        ? [investigationOpening(d.authority, d.party, d.inspectedOn), ...bodyParagraphs(sentence(d.facts))]
        : [bodyParagraph(`${w}于${formatArabicDate(d.inspectedOn)}对${y}涉嫌环境违法行为进行了调查。经查：${sentence(d.facts)}`)]),
      ...(d.evidence.length ? [bodyParagraph(established ? '以上事实，有下列证据为凭：' : '上述情况，有下列证据为凭：'), ...evidenceParagraphs(d.evidence)] : []),
      ...(established && d.violatedProvisions.length ? [bodyParagraph(`${y}的上述行为违反了${citeAll(d.violatedProvisions)}的规定。`)] : []),
      bodyParagraph(established
        ? `鉴于${clause(d.groundReasons)}，依据${APL}${g.article}“${g.text}”的规定${listed}，${w}决定对${y}不予行政处罚。`
        : `${clause(d.groundReasons)}，违法事实不能成立。依据${APL}${g.article}的规定，${w}决定对${y}不予行政处罚。`),
      ...(established && d.correctionOrdered ? [bodyParagraph(`依据${APL}第二十八条第一款的规定，${w}责令${y}${orderedAction(d.correctionOrdered, d.party)}。`)] : []),
      // 行政处罚法 第三十三条第三款: 依法不予行政处罚的，行政机关应当对当事人进行教育 — stated only as it happened.
      ...(d.education ? [bodyParagraph(`依据${APL}第三十三条第三款的规定，${w}已于${formatArabicDate(d.education.on)}以${clause(d.education.form)}的方式对${y}进行了批评教育：${sentence(d.education.content)}`)] : []),
      remediesParagraph(d.remedies, d.party, '决定'),
      ...signatureBlock({ authority: d.authority.sealText ?? d.authority.name, on: d.decidedOn }),
    ],
  });
}
