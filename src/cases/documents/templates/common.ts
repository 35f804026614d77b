// Phrases shared by the case documents: the party block, provisions, evidence lists, penalties,
// remedies. Wording follows the published 环境行政执法文书 formats (环境保护部 2016 制作指南) as
// adapted to the 2021 行政处罚法.
import type { Paragraph } from 'docx';
import { bodyParagraph, fieldLine, formatArabicDate, type Span } from '../../../platform/documents/official.js';
import { formatFenForDocument } from '../amount.js';
import type { Authority, Evidence, Officer, Party, PenaltyItem, PenaltyKind, Provision, Remedies } from '../types.js';

export const APL = '《中华人民共和国行政处罚法》';

/** How the document addresses the party: 你单位 for an organisation, 你 for a citizen. */
export const you = (p: Party): string => (p.kind === 'organisation' ? '你单位' : '你');

/** How the agency refers to itself: 我局 for a 局, 我厅 for a 厅, otherwise 本机关. */
export function we(a: Authority): string {
  if (a.name.endsWith('局')) return '我局';
  if (a.name.endsWith('厅')) return '我厅';
  return '本机关';
}

/** 当事人 block: name, credit code or ID number, legal representative, address. */
export function partyBlock(p: Party): Paragraph[] {
  const out = [fieldLine('当事人', p.name)];
  if (p.kind === 'organisation') {
    out.push(fieldLine('统一社会信用代码', p.unifiedSocialCreditCode ?? ''));
    if (p.legalRepresentative) {
      out.push(fieldLine('法定代表人（负责人）', p.legalRepresentative
        + (p.legalRepresentativeTitle ? `（${p.legalRepresentativeTitle}）` : '')));
    }
    out.push(fieldLine('地址', p.address));
  } else {
    out.push(fieldLine('公民身份号码', p.idNumber ?? ''));
    out.push(fieldLine('住址', p.address));
  }
  return out;
}

/** The code identifying the party, with its caption. */
export function partyIdentifier(p: Party): [string, string] {
  return p.kind === 'organisation'
    ? ['统一社会信用代码', p.unifiedSocialCreditCode ?? '']
    : ['公民身份号码', p.idNumber ?? ''];
}

/** 《中华人民共和国大气污染防治法》第一百零八条第（五）项“…”. */
export function cite(p: Provision): string {
  return `《${p.law}》${p.article}${p.text ? `“${p.text}”` : ''}`;
}
export const citeAll = (ps: readonly Provision[]): string => ps.map(cite).join('、');

/** "1. 现场检查笔录，证明…；" … the last ending in 。 */
export function evidenceParagraphs(items: readonly Evidence[]): Paragraph[] {
  return items.map((e, i) => bodyParagraph(
    `${i + 1}. ${e.name}${e.detail ? `，${e.detail}` : ''}${i === items.length - 1 ? '。' : '；'}`));
}

/** 行政处罚法 第九条 names of the penalty kinds. */
export const PENALTY_KIND_ZH: Record<PenaltyKind, string> = {
  warning: '警告', circulatedCriticism: '通报批评',
  fine: '罚款', confiscateIllegalGains: '没收违法所得', confiscateIllegalProperty: '没收非法财物',
  suspendLicence: '暂扣许可证件', lowerQualification: '降低资质等级', revokeLicence: '吊销许可证件',
  restrictProduction: '限制开展生产经营活动', suspendProduction: '责令停产停业', closure: '责令关闭',
  restrictPractice: '限制从业', other: '',
};

/** '罚款人民币贰拾万元整（¥200,000.00）', '警告', '责令停产停业：…'. */
export function penaltyText(p: PenaltyItem): string {
  const name = PENALTY_KIND_ZH[p.kind];
  const money = p.amountFen !== undefined ? formatFenForDocument(p.amountFen) : '';
  const detail = p.detail ? (name ? `（${p.detail}）` : p.detail) : '';
  return `${name}${money}${detail}`;
}

export function penaltyParagraphs(items: readonly PenaltyItem[]): Paragraph[] {
  return items.map((p, i) => bodyParagraph(
    `${items.length > 1 ? `${i + 1}. ` : ''}${penaltyText(p)}${i === items.length - 1 ? '。' : '；'}`));
}

export const hasMoney = (items: readonly PenaltyItem[]): boolean =>
  items.some((p) => p.amountFen !== undefined && p.amountFen > 0);

/** 张三（执法证号：37060001）、李四（执法证号：37060002）. */
export const officerList = (os: readonly Officer[]): string =>
  os.map((o) => `${o.name}（执法证号：${o.credentialNumber}）`).join('、');

/**
 * 行政复议 within 60 days (行政复议法 第二十条), 行政诉讼 within 6 months (行政诉讼法 第四十六条);
 * the decision is executed meanwhile (行政处罚法 第七十三条).
 */
export function remediesParagraph(r: Remedies, party: Party, decisionName: string): Paragraph {
  const bodies = r.reconsiderationBodies.join('或者');
  const court = r.court ?? '有管辖权的人民法院';
  return bodyParagraph(`${you(party)}如不服本${decisionName}，可以自收到本决定书之日起六十日内向${bodies}`
    + `申请行政复议，也可以自收到本决定书之日起六个月内向${court}提起行政诉讼。`
    + `申请行政复议或者提起行政诉讼的，不停止本${decisionName}的执行，法律另有规定的除外。`);
}

/** "我局于2020年5月6日对你单位进行了调查，发现你单位实施了以下环境违法行为：". */
export function investigationOpening(a: Authority, p: Party, inspectedOn: string): Paragraph {
  return bodyParagraph(`${we(a)}于${formatArabicDate(inspectedOn)}对${you(p)}进行了调查，发现${you(p)}实施了以下环境违法行为：`);
}

export const bold = (text: string): Span => ({ text, bold: true });
