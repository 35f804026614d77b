// 批复, 不予批准决定 and the 补正通知 as Word documents on the GB/T 9704 layout of src/platform/documents.
import {
  bodyParagraph, fieldLine, formatArabicDate, officialDocument, officialHeading, packOfficialDocument, signatureBlock,
} from '../platform/documents/official.js';

export interface DecisionDocumentData {
  authority: string; number: string; decidedOn: string; enterpriseName: string; projectName: string; siteAddress: string;
  categoryName: string; receivedOn: string; acceptedOn: string; decision: 'approval' | 'refusal'; text: string;
  grounds: { item: string; text: string }[]; siteCheckSummary: string; remedies: { reconsiderationBody: string; court: string };
  commitment: { verificationDueOn: string } | null;
}

export async function renderDecisionDocument(d: DecisionDocumentData): Promise<Buffer> {
  const approval = d.decision === 'approval';
  const title = approval ? `关于${d.projectName}环境影响${d.categoryName}的批复` : '不予批准建设项目环境影响评价文件决定书';
  return packOfficialDocument(officialDocument({
    title, authority: d.authority,
    children: [
      ...officialHeading({ authority: d.authority, title, number: d.number }),
      bodyParagraph(`${d.enterpriseName}：`, { indent: false }),
      bodyParagraph(`你单位报送的《${d.projectName}环境影响${d.categoryName}》（以下简称《${d.categoryName}》）于${formatArabicDate(d.receivedOn)}收悉，`
        + `我局于${formatArabicDate(d.acceptedOn)}受理。项目建设地点：${d.siteAddress}。`),
      bodyParagraph(`“三线一单”生态环境分区管控符合性：${d.siteCheckSummary}`),
      ...(approval
        ? [
          bodyParagraph(`依据《中华人民共和国环境影响评价法》第二十二条，经审查，原则同意《${d.categoryName}》的环境影响评价结论。${d.text}`),
          ...(d.commitment ? [bodyParagraph(`本批复依你单位的告知承诺作出（《优化营商环境条例》第四十条）。我局将于${formatArabicDate(d.commitment.verificationDueOn)}前核查承诺内容；承诺不实的，依法撤销本批复并记入信用记录。`)] : []),
          bodyParagraph('项目的性质、规模、地点、采用的生产工艺或者防治污染、防止生态破坏的措施发生重大变动的，应当重新报批环境影响评价文件；自批准之日起超过五年方决定开工建设的，应当报我局重新审核（《中华人民共和国环境影响评价法》第二十四条）。'),
        ]
        : [
          bodyParagraph('经审查，该项目存在《建设项目环境保护管理条例》第十一条规定的下列情形：'),
          ...d.grounds.map((g) => bodyParagraph(`${g.item}${g.text}；`)),
          bodyParagraph(`${d.text}依据《建设项目环境保护管理条例》第十一条，我局决定对该项目环境影响${d.categoryName}不予批准。`),
          bodyParagraph(`如不服本决定，可以在收到本决定书之日起六十日内向${d.remedies.reconsiderationBody}申请行政复议，或者在六个月内向${d.remedies.court}提起行政诉讼。`),
        ]),
      fieldLine('建设单位', d.enterpriseName),
      ...signatureBlock({ authority: d.authority, on: d.decidedOn }),
    ],
  }));
}

export interface NoticeDocumentData {
  authority: string; number: string; issuedOn: string; enterpriseName: string; projectName: string; receivedOn: string;
  missing: { name: string }[];
}

/** 行政许可法 第三十二条: one notice listing everything the applicant must supply. */
export async function renderNoticeDocument(d: NoticeDocumentData): Promise<Buffer> {
  const title = '行政许可申请材料补正告知书';
  return packOfficialDocument(officialDocument({
    title, authority: d.authority,
    children: [
      ...officialHeading({ authority: d.authority, title, number: d.number }),
      bodyParagraph(`${d.enterpriseName}：`, { indent: false }),
      bodyParagraph(`你单位于${formatArabicDate(d.receivedOn)}提交的${d.projectName}环境影响评价文件审批申请，申请材料不齐全。`
        + '依据《中华人民共和国行政许可法》第三十二条第一款第（四）项，现一次告知你单位需要补正的全部内容如下：'),
      ...d.missing.map((m, i) => bodyParagraph(`${i + 1}. ${m.name}`)),
      bodyParagraph('请补正上述全部材料后重新提交。补正材料提交之日起重新计算受理期限。'),
      ...signatureBlock({ authority: d.authority, on: d.issuedOn }),
    ],
  }));
}
