// 集体讨论记录. 行政处罚法 第五十七条第二款: for complex or major violations the agency's heads decide
// collectively; the record names who attended, each member's opinion and the decision.
import type { Document } from 'docx';
import {
  bodyParagraph, bodyParagraphs, fieldLine, heading, officialDocument, officialHeading, signatureLine,
} from '../../../platform/documents/official.js';
import type { CollectiveDiscussionData } from '../types.js';
import { APL, bold, partyIdentifier } from './common.js';
import { timeSpan } from './inspection-record.js';

export function collectiveDiscussionDocument(d: CollectiveDiscussionData): Document {
  const present = d.members.filter((m) => m.present);
  const absent = d.members.filter((m) => !m.present);
  const [idLabel, idValue] = partyIdentifier(d.party);
  const nameTitle = (m: { name: string; title: string }) => `${m.name}（${m.title}）`;
  return officialDocument({
    title: '案件集体讨论记录', authority: d.authority.name,
    children: [
      ...officialHeading({ authority: d.authority.name, title: '案件集体讨论记录' }),
      ...(d.meeting.name ? [fieldLine('会议名称', d.meeting.name)] : []),
      fieldLine('讨论时间', timeSpan(d.meeting.startedAt, d.meeting.endedAt)),
      fieldLine('讨论地点', d.meeting.place),
      fieldLine('主持人', d.meeting.host),
      fieldLine('记录人', d.meeting.recorder),
      fieldLine('出席人员', present.map(nameTitle).join('、')),
      fieldLine('缺席人员', absent.length === 0 ? '无'
        : absent.map((m) => `${m.name}（${m.title}${m.absenceReason ? `，${m.absenceReason}` : ''}）`).join('、')),
      fieldLine('列席人员', d.nonVoting.length === 0 ? '无' : d.nonVoting.map(nameTitle).join('、')),
      fieldLine('出席情况', `应到${d.members.length}人，实到${present.length}人`),
      fieldLine('讨论案件', `${d.party.name}${d.cause}案${d.caseNumber ? `（${d.caseNumber}）` : ''}`),
      fieldLine(idLabel, idValue),
      bodyParagraph(`讨论依据：${APL}第五十七条第二款“对情节复杂或者重大违法行为给予行政处罚，行政机关负责人应当集体讨论决定”。`),
      heading('一、承办人汇报案件情况'),
      ...bodyParagraphs(d.caseReport),
      ...(d.legalReviewSummary ? [heading('二、法制审核意见'), ...bodyParagraphs(d.legalReviewSummary)] : []),
      heading(d.legalReviewSummary ? '三、讨论意见' : '二、讨论意见'),
      ...d.opinions.map((o) => bodyParagraph([bold(`${o.name}：`), o.opinion])),
      heading(d.legalReviewSummary ? '四、讨论决定' : '三、讨论决定'),
      ...bodyParagraphs(d.decision),
      signatureLine('出席人员（签名）：　　　　　　　　　　　　　　　　'),
      signatureLine('主持人（签名）：　　　　　　　　'),
      signatureLine('记录人（签名）：　　　　　　　　'),
    ],
  });
}
