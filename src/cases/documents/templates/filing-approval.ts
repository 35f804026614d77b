// 立案审批表: the filing decision by the responsible head (生态环境行政处罚办法; at least two
// handling officers, 行政处罚法 第四十二条).
import type { Document } from 'docx';
import {
  formTable, formatArabicDate, officialDocument, officialHeading, opinionRow,
} from '../../../platform/documents/official.js';
import type { CaseSource, FilingApprovalData } from '../types.js';
import { citeAll, partyIdentifier } from './common.js';

export const CASE_SOURCE_ZH: Record<CaseSource, string> = {
  inspection: '现场检查', complaint: '信访投诉举报', onlineMonitoring: '自动监控数据异常',
  transfer: '其他部门移送', assigned: '上级交办', other: '其他',
};

export function filingApprovalDocument(d: FilingApprovalData): Document {
  const [idLabel, idValue] = partyIdentifier(d.party);
  const source = CASE_SOURCE_ZH[d.source] + (d.sourceDetail ? `（${d.sourceDetail}）` : '');
  const summary = [
    ...d.summary.split(/\r?\n/).filter((l) => l.trim() !== ''),
    ...(d.suspectedProvisions.length > 0 ? [`涉嫌违反：${citeAll(d.suspectedProvisions)}。`] : []),
  ];
  return officialDocument({
    title: '立案审批表', authority: d.authority.name,
    children: [
      ...officialHeading({ authority: d.authority.name, title: '立案审批表' }),
      formTable([2, 3, 2, 3], [
        { cells: [{ content: '案件来源', label: true }, { content: source }, { content: '立案号', label: true }, { content: d.documentNumber }] },
        { cells: [{ content: '案由', label: true }, { content: d.cause, span: 3 }] },
        { cells: [{ content: '当事人', label: true }, { content: d.party.name, span: 3 }] },
        { cells: [{ content: idLabel, label: true }, { content: idValue },
          { content: '法定代表人（负责人）', label: true }, { content: d.party.legalRepresentative ?? '' }] },
        { cells: [{ content: '地址', label: true }, { content: d.party.address },
          { content: '联系电话', label: true }, { content: d.party.phone ?? '' }] },
        { cells: [{ content: '发现日期', label: true }, { content: formatArabicDate(d.discoveredOn) },
          { content: '承办人及执法证号', label: true },
          { content: { lines: d.handlingOfficers.map((o) => `${o.name}（${o.credentialNumber}）`) } }] },
        { minHeightTwip: 2800, cells: [{ content: '案情简介及立案理由', label: true }, { content: { lines: summary }, span: 3 }] },
        opinionRow('承办人意见', d.handlerOpinion),
        opinionRow('承办机构负责人审核意见', d.unitOpinion),
        opinionRow('负责人审批意见', d.leaderOpinion),
      ]),
    ],
  });
}
