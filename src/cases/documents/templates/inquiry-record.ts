// 调查询问笔录. The person questioned must answer truthfully (行政处罚法 第五十五条第二款), may ask for
// recusal (第四十三条), and reads and signs each page.
import type { Document } from 'docx';
import {
  bodyParagraph, fieldLine, officialDocument, officialHeading, signatureLine,
} from '../../../platform/documents/official.js';
import type { InquiryRecordData } from '../types.js';
import { bold, officerList } from './common.js';
import { credentialStatement, exchangeParagraphs, timeSpan } from './inspection-record.js';

export function inquiryRecordDocument(d: InquiryRecordData): Document {
  const p = d.inquired;
  return officialDocument({
    title: '调查询问笔录', authority: d.authority.name,
    footerNote: '被询问人签名：　　　　　　　询问人签名：　　　　　　　记录人签名：',
    children: [
      ...officialHeading({ authority: d.authority.name, title: '调查询问笔录' }),
      ...(d.caseNumber ? [fieldLine('案件编号', d.caseNumber)] : []),
      fieldLine('询问时间', timeSpan(d.startedAt, d.endedAt)),
      fieldLine('询问地点', d.place),
      fieldLine('案由', d.cause),
      fieldLine('被询问人', [p.name, p.sex, p.age !== undefined ? `${p.age}岁` : undefined].filter(Boolean).join('　')),
      ...(p.idNumber ? [fieldLine('公民身份号码', p.idNumber)] : []),
      fieldLine('工作单位及职务', [p.employer ?? d.party.name, p.title].filter(Boolean).join('　')),
      ...(p.phone ? [fieldLine('联系电话', p.phone)] : []),
      ...(p.address ? [fieldLine('住址', p.address)] : []),
      ...(p.relationToCase ? [fieldLine('与本案关系', p.relationToCase)] : []),
      fieldLine('询问人', officerList(d.officers)),
      fieldLine('记录人', d.recorder),
      ...(d.otherParticipants ? [fieldLine('其他在场人员', d.otherParticipants)] : []),
      ...credentialStatement(d.authority.name, d.officers,
        `现就${d.party.name}${d.cause}一案依法向你进行调查询问，请予以配合。`,
        '你应当如实回答询问，如有虚假陈述，应当承担相应的法律责任。'),
      bodyParagraph([bold('问：'), '你是否听清楚了？是否申请执法人员回避？']),
      bodyParagraph([bold('答：'), d.recusalAnswer]),
      ...exchangeParagraphs(d.exchanges),
      bodyParagraph([bold('问：'), '以上笔录请你核对，如记录有误或者遗漏，可以更正或者补充。']),
      bodyParagraph([bold('答：'), d.inquiredComment ?? '以上笔录我已看过，与我说的相符。']),
      signatureLine('被询问人（签名）：'), signatureLine('　　　年　　月　　日'),
      signatureLine('询问人（签名）：'), signatureLine('记录人（签名）：'),
    ],
  });
}
