// The case-file review pages' strings in both UI languages, added to the shared catalogue when loaded.
import i18n from '../i18n';

const zh = {
  title: '案卷评查', results: '评查结果',
  workbench: {
    year: '结案年度', filter: { all: '全部', todo: '未评查', done: '已评查' }, number: '案号', party: '当事人', district: '区市', closedAt: '结案日期',
    reviews: '评查次数', score: '得分', band: '等次', mine: '我的评查', open: '评查', draft: '草稿', submitted: '已提交', none: '—', goResults: '查看评查结果',
  },
  sheet: {
    title: '案卷评查表 · {{number}}', findings: '系统自动预检', noFindings: '系统预检未发现问题', standard: '评查标准：{{title}}（第 {{v}} 版）', total: '得分 {{score}} / {{max}}',
    veto: '否决项', note: '扣分说明', precheck: '系统预检', comment: '评查意见', saveDraft: '保存草稿', submit: '提交评查', saved: '已保存', submittedOk: '评查结果已提交',
    confirmSubmit: '提交后不能修改，确定提交？', readOnly: '本人已提交或无权评查此案卷', others: '其他评查记录', reviewer: '评查人',
  },
  band: { excellent: '优秀', qualified: '合格', unqualified: '不合格' },
  resultsPage: { year: '年度', export: '导出 Excel', overall: '总体', byUnit: '按单位', byOfficer: '按主办人员', defects: '常见问题', key: '名称', cases: '案卷数', mean: '平均分', min: '最低分',
    code: '扣分项', item: '评查项目', text: '问题', caseCount: '涉及案卷', occurrences: '出现次数', pointsLost: '累计扣分' },
};

const en: typeof zh = {
  title: 'Case-file review', results: 'Review results',
  workbench: {
    year: 'Year closed', filter: { all: 'All', todo: 'Not reviewed', done: 'Reviewed' }, number: 'Case no.', party: 'Party', district: 'District', closedAt: 'Closed',
    reviews: 'Reviews', score: 'Score', band: 'Band', mine: 'My review', open: 'Review', draft: 'Draft', submitted: 'Submitted', none: '—', goResults: 'Results',
  },
  sheet: {
    title: 'Score sheet · {{number}}', findings: 'Automatic pre-checks', noFindings: 'The pre-checks found nothing', standard: 'Standard: {{title}} (v{{v}})', total: 'Score {{score}} / {{max}}',
    veto: 'Veto', note: 'Note', precheck: 'Pre-check', comment: 'Comment', saveDraft: 'Save draft', submit: 'Submit', saved: 'Saved', submittedOk: 'Review submitted',
    confirmSubmit: 'A submitted review cannot change. Submit?', readOnly: 'Submitted, or not yours to review', others: 'Other reviews', reviewer: 'Reviewer',
  },
  band: { excellent: 'Excellent', qualified: 'Qualified', unqualified: 'Unqualified' },
  resultsPage: { year: 'Year', export: 'Export Excel', overall: 'Overall', byUnit: 'By unit', byOfficer: 'By lead officer', defects: 'Most common defects', key: 'Name', cases: 'Cases', mean: 'Mean', min: 'Lowest',
    code: 'Rule', item: 'Item', text: 'Defect', caseCount: 'Cases', occurrences: 'Occurrences', pointsLost: 'Points lost' },
};

for (const [lng, bundle] of [['zh-CN', zh], ['en', en]] as const) {
  i18n.addResourceBundle(lng, 'translation', { fileReview: bundle }, true, false);
}
