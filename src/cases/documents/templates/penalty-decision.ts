// 行政处罚决定书. 行政处罚法 第五十九条 requires: (一) the party's name and address; (二) the facts and
// evidence of the violation; (三) the kind and basis of the penalty; (四) the manner and time limit
// of execution; (五) the way and time limit to apply for reconsideration or sue; (六) the agency and
// the date, with the agency's seal.
import type { Document, Paragraph } from 'docx';
import {
  bodyParagraph, bodyParagraphs, formatArabicDate, heading, officialDocument, officialHeading, signatureBlock,
} from '../../../platform/documents/official.js';
import type { PenaltyDecisionData } from '../types.js';
import {
  APL, citeAll, evidenceParagraphs, hasMoney, investigationOpening, partyBlock, penaltyParagraphs,
  remediesParagraph, we, you,
} from './common.js';

/** How the notification was given and what the party said (行政处罚法 第四十四条, 第四十五条, 第六十二条). */
function procedureParagraphs(d: PenaltyDecisionData): Paragraph[] {
  const y = you(d.party);
  const w = we(d.authority);
  const notice = d.notification.kind === 'hearing' ? '行政处罚听证告知书' : '行政处罚事先告知书';
  const rights = d.notification.kind === 'hearing' ? '陈述、申辩和要求听证的权利' : '陈述、申辩的权利';
  const told = `${w}于${formatArabicDate(d.notification.servedOn)}向${y}送达了《${notice}》（${d.notification.documentNumber}），`
    + `告知${y}拟作出行政处罚的事实、理由、依据及${y}依法享有的${rights}。`;
  const r = d.response;
  switch (r.kind) {
    case 'none':
      return [bodyParagraph(`${told}${y}在法定期限内未提出陈述、申辩意见${d.notification.kind === 'hearing' ? '，也未要求听证' : ''}。`)];
    case 'statement':
      return [
        bodyParagraph(`${told}${y}于${formatArabicDate(r.receivedOn)}提出陈述、申辩意见：${r.summary}`),
        bodyParagraph(`经复核，${r.review}${w}对${y}的陈述、申辩意见${r.adopted ? '予以采纳' : '不予采纳'}。`),
      ];
    case 'hearing':
      return [
        bodyParagraph(`${told}${y}要求听证，${w}于${formatArabicDate(r.heldOn)}依法举行了听证。${y}在听证中提出：${r.summary}`),
        // 行政处罚法 第六十五条: the decision follows the hearing record.
        bodyParagraph(`${w}根据听证笔录进行了复核，${r.review}${w}对${y}的意见${r.adopted ? '予以采纳' : '不予采纳'}。`),
      ];
  }
}

export function penaltyDecisionDocument(d: PenaltyDecisionData): Document {
  const y = you(d.party);
  const w = we(d.authority);
  const money = hasMoney(d.penalties);
  if (money && !d.payment) throw new RangeError('a decision with a fine needs payment instructions');
  const p = d.payment;
  return officialDocument({
    title: '行政处罚决定书', authority: d.authority.name,
    children: [
      ...officialHeading({ authority: d.authority.name, title: '行政处罚决定书', number: d.documentNumber }),
      ...partyBlock(d.party), // 第五十九条 (一)
      heading('一、环境违法事实和证据'), // 第五十九条 (二)
      investigationOpening(d.authority, d.party, d.inspectedOn),
      ...bodyParagraphs(d.facts),
      bodyParagraph('以上事实，有下列证据为凭：'),
      ...evidenceParagraphs(d.evidence),
      bodyParagraph(`${y}的上述行为违反了${citeAll(d.violatedProvisions)}的规定。`),
      ...procedureParagraphs(d),
      heading('二、行政处罚的依据、种类及其履行方式、期限'), // 第五十九条 (三)(四)
      bodyParagraph(`依据${citeAll(d.basisProvisions)}的规定，${d.discretion ? `${d.discretion}，` : ''}`
        // 行政处罚法 第五十七条第二款: 情节复杂或者重大违法行为由负责人集体讨论决定.
        + `${d.collectivelyDiscussed ? `经${w}负责人集体讨论，` : ''}${w}决定对${y}作出如下行政处罚：`),
      ...penaltyParagraphs(d.penalties),
      ...(money && p ? [
        // 行政处罚法 第六十七条第三款: pay at the designated bank within 15 days of receipt.
        bodyParagraph(`${y}应当自收到本决定书之日起十五日内，将罚款缴至指定账户（收款单位：${p.payee}；`
          + `开户银行：${p.bank}；账号：${p.accountNumber}）${p.note ? `，${p.note}` : ''}，并将缴款凭证复印件送${w}备案。`),
        // 行政处罚法 第七十二条第一款 (一)(四): 3 % a day, not above the fine; court enforcement.
        bodyParagraph(`到期不缴纳罚款的，${w}将依据${APL}第七十二条第一款第（一）项的规定，每日按罚款数额的百分之三加处罚款，`
          + '加处罚款的数额不超出罚款的数额，并依法申请人民法院强制执行。'),
      ] : []),
      heading('三、申请行政复议或者提起行政诉讼的途径和期限'), // 第五十九条 (五)
      remediesParagraph(d.remedies, d.party, '处罚决定'),
      bodyParagraph(`${y}逾期不申请行政复议、不提起行政诉讼，又不履行本处罚决定的，${w}将依法申请人民法院强制执行。`),
      ...signatureBlock({ authority: d.authority.name, on: d.decidedOn }), // 第五十九条 (六)
    ],
  });
}
