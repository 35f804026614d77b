// 现场检查（勘察）笔录. Officers show their credentials and the person checked must answer truthfully
// (行政处罚法 第五十五条; 环境保护法 第二十四条); the right to ask for recusal is stated
// (行政处罚法 第四十三条). Each page is signed, so the signature line repeats in the footer.
import type { Document, Paragraph } from 'docx';
import {
  bodyParagraph, bodyParagraphs, fieldLine, formatArabicDateTime, formatTimeOfDay, officialDocument,
  officialHeading, signatureLine, writeIn,
} from '../../../platform/documents/official.js';
import type { Exchange, InspectionRecordData, Officer, Person } from '../types.js';
import { bold, officerList, partyIdentifier } from './common.js';

export function exchangeParagraphs(xs: readonly Exchange[]): Paragraph[] {
  return xs.flatMap((x) => [bodyParagraph([bold('问：'), x.question]), bodyParagraph([bold('答：'), x.answer])]);
}

export function personLine(p: Person): string {
  return [p.name, p.sex, p.age !== undefined ? `${p.age}岁` : undefined, p.title ? `职务：${p.title}` : undefined,
    p.phone ? `联系电话：${p.phone}` : undefined].filter(Boolean).join('　');
}

/** The opening statement: who we are, credentials, the duty to cooperate, the right to recusal. */
export function credentialStatement(authority: string, officers: readonly Officer[], purpose: string, duty: string): Paragraph[] {
  return [
    bodyParagraph([bold('执法人员告知：'), `我们是${authority}的执法人员${officers.map((o) => o.name).join('、')}，`
      + `执法证号分别为${officers.map((o) => o.credentialNumber).join('、')}，现向你出示执法证件。${purpose}`
      + `${duty}如你认为执法人员与本案有直接利害关系或者有其他关系可能影响公正执法的，有权申请回避。`]),
  ];
}

export function timeSpan(startedAt: string, endedAt: string): string {
  return startedAt.slice(0, 10) === endedAt.slice(0, 10)
    ? `${formatArabicDateTime(startedAt)}至${formatTimeOfDay(endedAt)}`
    : `${formatArabicDateTime(startedAt)}至${formatArabicDateTime(endedAt)}`;
}

export function inspectionRecordDocument(d: InspectionRecordData): Document {
  const [idLabel, idValue] = partyIdentifier(d.party);
  return officialDocument({
    title: '现场检查（勘察）笔录', authority: d.authority.name,
    footerNote: '被检查人签名：　　　　　　　检查人签名：　　　　　　　记录人签名：',
    children: [
      ...officialHeading({ authority: d.authority.name, title: '现场检查（勘察）笔录' }),
      ...(d.caseNumber ? [fieldLine('案件编号', d.caseNumber)] : []),
      fieldLine('检查时间', timeSpan(d.startedAt, d.endedAt)),
      fieldLine('检查地点', d.place),
      fieldLine('被检查单位（人）', d.party.name),
      fieldLine(idLabel, idValue),
      ...(d.party.legalRepresentative ? [fieldLine('法定代表人（负责人）', d.party.legalRepresentative)] : []),
      fieldLine('地址', d.party.address),
      fieldLine('现场负责人', personLine(d.onSite)),
      fieldLine('检查人', officerList(d.officers)),
      fieldLine('记录人', d.recorder),
      ...(d.otherParticipants ? [fieldLine('其他在场人员', d.otherParticipants)] : []),
      fieldLine('案由', d.cause),
      ...credentialStatement(d.authority.name, d.officers, '现依法对你单位进行现场检查，请予以配合。',
        '你有如实反映情况、提供有关资料和协助调查的义务，不得拒绝、阻挠或者提供虚假材料。'),
      bodyParagraph([bold('问：'), '你是否看清了我们的执法证件？是否申请执法人员回避？']),
      bodyParagraph([bold('答：'), d.recusalAnswer]),
      bodyParagraph([bold('现场检查情况：')], { indent: false }),
      ...bodyParagraphs(d.findings),
      ...exchangeParagraphs(d.exchanges ?? []),
      ...(d.recordings ? [bodyParagraph([bold('现场取证：'), d.recordings])] : []),
      bodyParagraph([bold('被检查人对笔录的意见：'), d.onSiteComment ?? '以上笔录我已看过，记录属实。']),
      signatureLine('被检查人（签名）：'), signatureLine('　　　年　　月　　日'),
      signatureLine('检查人（签名）：'), signatureLine('记录人（签名）：'),
      ...(d.otherParticipants ? [bodyParagraph(['见证人（签名）：', writeIn(8)], { indent: false })] : []),
    ],
  });
}
