// 结案审批表: the case is closed when the decision has been executed (or not needed), then archived.
import type { Document } from 'docx';
import {
  formTable, formatArabicDate, officialDocument, officialHeading, opinionRow,
} from '../../../platform/documents/official.js';
import { formatFenForDocument } from '../amount.js';
import type { ClosureApprovalData } from '../types.js';
import { partyIdentifier } from './common.js';

export function closureApprovalDocument(d: ClosureApprovalData): Document {
  const [idLabel, idValue] = partyIdentifier(d.party);
  const x = d.execution;
  const execution = [
    ...(x.paidFen !== undefined ? [`${x.paidOn ? `${formatArabicDate(x.paidOn)}` : ''}已缴纳罚款${formatFenForDocument(x.paidFen)}`] : []),
    // 行政处罚法 第七十二条第一款第（一）项: 加处罚款.
    ...(x.surchargeFen ? [`加处罚款${formatFenForDocument(x.surchargeFen)}`] : []),
    ...x.summary.split(/\r?\n/).filter((l) => l.trim() !== ''),
  ];
  const decision = [
    ...(d.decision.documentNumber ? [`决定书文号：${d.decision.documentNumber}`] : []),
    ...(d.decision.decidedOn ? [`决定日期：${formatArabicDate(d.decision.decidedOn)}`] : []),
    d.decision.summary,
  ];
  return officialDocument({
    title: '行政处罚案件结案审批表', authority: d.authority.name,
    children: [
      ...officialHeading({ authority: d.authority.name, title: '行政处罚案件结案审批表', number: d.documentNumber }),
      formTable([2, 3, 2, 3], [
        { cells: [{ content: '案件编号', label: true }, { content: d.caseNumber }, { content: '立案日期', label: true }, { content: formatArabicDate(d.filedOn) }] },
        { cells: [{ content: '案由', label: true }, { content: d.cause, span: 3 }] },
        { cells: [{ content: '当事人', label: true }, { content: d.party.name, span: 3 }] },
        { cells: [{ content: idLabel, label: true }, { content: idValue }, { content: '法定代表人（负责人）', label: true }, { content: d.party.legalRepresentative ?? '' }] },
        { minHeightTwip: 1400, cells: [{ content: '处理结果', label: true }, { content: { lines: decision }, span: 3 }] },
        { minHeightTwip: 1400, cells: [{ content: '执行情况', label: true }, { content: { lines: execution }, span: 3 }] },
        { cells: [{ content: '结案理由', label: true }, { content: d.closureReason, span: 3 }] },
        opinionRow('承办人意见', d.handlerOpinion, 1400),
        opinionRow('承办机构负责人审核意见', d.unitOpinion, 1400),
        opinionRow('负责人审批意见', d.leaderOpinion, 1400),
      ]),
    ],
  });
}
