// 行政处罚事先告知书 and 行政处罚听证告知书. Before a decision the agency tells the party the facts,
// reasons and basis of the intended penalty and its rights (行政处罚法 第四十四条); it hears the
// statement and defence, and never increases the penalty because of it (第四十五条). The hearing
// notice adds the right to request a hearing (第六十三条) within five working days (第六十四条).
// "五日" in the law are working days (第八十五条).
import type { Document, Paragraph } from 'docx';
import {
  bodyParagraph, bodyParagraphs, fieldLine, officialDocument, officialHeading, signatureBlock,
} from '../../../platform/documents/official.js';
import type { HearingNoticeData, NotificationContent, PriorNoticeData } from '../types.js';
import {
  APL, citeAll, evidenceParagraphs, investigationOpening, partyBlock, penaltyParagraphs, we, you,
} from './common.js';

/** Facts, evidence, violated articles, basis and the intended penalty. */
function notificationBody(d: NotificationContent): Paragraph[] {
  const y = you(d.party);
  const w = we(d.authority);
  return [
    ...partyBlock(d.party),
    investigationOpening(d.authority, d.party, d.inspectedOn),
    ...bodyParagraphs(d.facts),
    bodyParagraph('以上事实，有下列证据为凭：'),
    ...evidenceParagraphs(d.evidence),
    bodyParagraph(`${y}的上述行为违反了${citeAll(d.violatedProvisions)}的规定。`),
    bodyParagraph(`依据${citeAll(d.basisProvisions)}的规定，${d.discretion ? `${d.discretion}，` : ''}`
      + `${w}拟对${y}作出如下行政处罚：`),
    ...penaltyParagraphs(d.proposedPenalties),
  ];
}

/** 行政处罚法 第四十四条, 第四十五条: the right to state and defend, within five working days. */
function statementRights(d: NotificationContent): Paragraph {
  const y = you(d.party);
  const w = we(d.authority);
  return bodyParagraph(`根据${APL}第四十四条、第四十五条的规定，${y}享有陈述、申辩的权利。${y}如需陈述、申辩，`
    + `应当自收到本告知书之日起五个工作日内向${w}提出，逾期未提出的，视为放弃陈述、申辩的权利。`
    + `${w}将对${y}提出的事实、理由和证据进行复核，${y}提出的事实、理由或者证据成立的，${w}将予以采纳；`
    + `${w}不会因${y}陈述、申辩而给予更重的处罚。`);
}

function contactLines(d: NotificationContent): Paragraph[] {
  return [
    fieldLine('联系人', d.contact.name),
    fieldLine('联系电话', d.contact.phone),
    fieldLine('联系地址', d.contact.address),
  ];
}

export function priorNoticeDocument(d: PriorNoticeData): Document {
  return officialDocument({
    title: '行政处罚事先告知书', authority: d.authority.name,
    children: [
      ...officialHeading({ authority: d.authority.name, title: '行政处罚事先告知书', number: d.documentNumber }),
      ...notificationBody(d),
      statementRights(d),
      ...contactLines(d),
      ...signatureBlock({ authority: d.authority.name, on: d.notifiedOn }),
    ],
  });
}

export function hearingNoticeDocument(d: HearingNoticeData): Document {
  const y = you(d.party);
  const w = we(d.authority);
  return officialDocument({
    title: '行政处罚听证告知书', authority: d.authority.name,
    children: [
      ...officialHeading({ authority: d.authority.name, title: '行政处罚听证告知书', number: d.documentNumber }),
      ...notificationBody(d),
      statementRights(d),
      // 行政处罚法 第六十三条 (the kinds that qualify), 第六十四条 (一) (five working days),
      // (四) (host not the investigator, recusal), (五) (one or two agents).
      bodyParagraph(`因${w}拟对${y}作出${d.hearingGround}的行政处罚，根据${APL}第六十三条、第六十四条的规定，`
        + `${y}有要求举行听证的权利。${y}要求听证的，应当自收到本告知书之日起五个工作日内向${w}提出，`
        + `逾期未提出的，视为放弃听证的权利。${w}将在举行听证的七个工作日前通知${y}听证的时间、地点。`
        + `听证由${w}指定的非本案调查人员主持；${y}认为主持人与本案有直接利害关系的，有权申请回避。`
        + `${y}可以亲自参加听证，也可以委托一至二人代理。`),
      ...contactLines(d),
      ...signatureBlock({ authority: d.authority.name, on: d.notifiedOn }),
    ],
  });
}
