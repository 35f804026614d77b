// The demo bureau's case-file review standard (行政处罚案卷评查标准), loaded by seedFileReviewStandard and
// maintained by administrators. 100 points over eight parts; excellent ≥ 90, qualified ≥ 70. Modelled
// on published environmental case-file review standards; items, points and bands are demo values
// (unconfirmed against the bureau's own standard).
import type { ScoringStandard } from '../rules/standard.js';

export const FILE_REVIEW_STANDARD: Omit<ScoringStandard, 'version'> = {
  code: 'YT-AJPC', title: '烟台市生态环境行政处罚案卷评查标准（演示）', effectiveOn: '2020-01-01',
  bands: { excellentMin: 90, qualifiedMin: 70 },
  items: [
    { code: 'S1', category: 'subject', title: '执法主体与执法人员', points: 10, deductions: [
      { code: 'S1-1', text: '执法主体不合法或超越职权', points: 10, veto: true },
      { code: 'S1-2', text: '办案人员少于两名或无执法资格', points: 10, veto: true, precheck: 'TOO_FEW_OFFICERS' },
      { code: 'S1-3', text: '当事人主体认定不清或名称、信用代码错误', points: 5 },
    ] },
    { code: 'P1', category: 'procedure', title: '立案与调查程序', points: 10, deductions: [
      { code: 'P1-1', text: '未经立案审批即调查取证', points: 5 },
      { code: 'P1-2', text: '程序环节先后颠倒', points: 5, precheck: 'STEPS_OUT_OF_ORDER' },
      { code: 'P1-3', text: '未告知当事人申请回避的权利', points: 3 },
    ] },
    { code: 'P2', category: 'procedure', title: '审核、告知与听证', points: 15, deductions: [
      { code: 'P2-1', text: '重大执法决定未经法制审核', points: 15, veto: true, precheck: 'LEGAL_REVIEW_MISSING' },
      { code: 'P2-2', text: '未履行事先告知或未听取陈述申辩', points: 15, veto: true },
      { code: 'P2-3', text: '应告知听证权利而未告知', points: 10 },
      { code: 'P2-4', text: '集体讨论记录不完整', points: 5 },
    ] },
    { code: 'E1', category: 'evidence', title: '证据', points: 20, deductions: [
      { code: 'E1-1', text: '主要事实缺乏证据支持', points: 20, veto: true },
      { code: 'E1-2', text: '证据文件无校验值，无法证明未被篡改', points: 4, precheck: 'EVIDENCE_WITHOUT_HASH' },
      { code: 'E1-3', text: '笔录缺少签名或记录要素不全', points: 4 },
      { code: 'E1-4', text: '监测报告、照片等证据未注明来源或时间', points: 3 },
    ] },
    { code: 'L1', category: 'legalBasis', title: '法律适用', points: 15, deductions: [
      { code: 'L1-1', text: '适用法律错误', points: 15, veto: true },
      { code: 'L1-2', text: '未载明违反的法律条款或处罚依据', points: 10, precheck: 'LEGAL_BASIS_MISSING' },
      { code: 'L1-3', text: '引用法条不具体（未引至条、款、项）', points: 3 },
    ] },
    { code: 'D1', category: 'discretion', title: '自由裁量', points: 10, deductions: [
      { code: 'D1-1', text: '罚款偏离裁量基准且未说明理由', points: 6, precheck: 'DISCRETION_UNEXPLAINED' },
      { code: 'D1-2', text: '从轻、减轻或从重情节认定无依据', points: 5 },
      { code: 'D1-3', text: '处罚明显不当、畸轻畸重', points: 10 },
    ] },
    { code: 'W1', category: 'documents', title: '文书', points: 10, deductions: [
      { code: 'W1-1', text: '缺少必备文书', points: 4, precheck: 'MISSING_DOCUMENT' },
      { code: 'W1-2', text: '文书未使用统一模板或要素缺失', points: 3 },
      { code: 'W1-3', text: '文书文号、日期、印章错误', points: 2 },
    ] },
    { code: 'T1', category: 'deadlines', title: '期限', points: 5, deductions: [
      { code: 'T1-1', text: '超过法定或规定期限', points: 3, precheck: 'DEADLINE_MISSED' },
    ] },
    { code: 'A1', category: 'archive', title: '立卷归档', points: 5, deductions: [
      { code: 'A1-1', text: '结案后未按时归档', points: 3, precheck: 'NOT_ARCHIVED' },
      { code: 'A1-2', text: '卷内材料排列顺序混乱或缺少目录', points: 2 },
    ] },
  ],
};
