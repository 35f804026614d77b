// The discretion pages' strings in both UI languages, added to the shared catalogue when loaded.
import i18n from '../i18n';

const zh = {
  title: '自由裁量',
  tab: { calculator: '罚款测算', tables: '裁量基准', consistency: '执法一致性' },
  calc: {
    title: '裁量基准测算', table: '违法行为（裁量基准）', chooseTable: '选择违法行为', version: '第 {{v}} 版，{{on}} 起施行', range: '法定幅度',
    base: '计罚基数：{{label}}（元）', factor: '裁量因子', level: '等级', weight: '权重', score: '分值', moved: '对罚款的影响',
    baseline: '起算金额', rounding: '取整调整', fine: '测算罚款', position: '裁量百分比 {{p}}%', store: '保存到案件', stored: '已保存到案件',
    caseStored: '本案已保存的测算：{{code}} 第 {{v}} 版，{{fine}}（{{who}}，{{at}}）', proposal: '拟处罚款', decision: '决定罚款', departs: '与测算额相差 {{d}}',
    reasonRequired: '偏离测算额须书面说明理由，法制审核时可见', reason: '裁量理由', noReason: '（未说明）', sameAsComputed: '与测算额一致', citing: '依据',
    violated: '违反条款', penalty: '处罚条款', source: '来源', caseDecided: '本案已作出决定，测算结果已锁定', grounds: '已记录法定情节：{{list}}',
  },
  tables: { code: '编号', title: '违法行为', penalty: '处罚条款', range: '法定幅度', version: '版本', effectiveOn: '施行日期', publish: '发布新版本', json: '基准表（JSON）', published: '已发布第 {{v}} 版', factors: '裁量因子' },
  consistency: {
    from: '决定日期自', to: '至', decided: '已测算并作出处罚决定 {{n}} 件；未测算 {{u}} 件', type: '违法行为', cases: '案件数', min: '最低', median: '中位', max: '最高',
    meanDev: '平均偏离', absDev: '平均绝对偏离', range: '偏离区间', departures: '偏离件数', byDistrict: '按区市', byOfficer: '按主办人员', key: '名称',
  },
};

const en: typeof zh = {
  title: 'Discretion',
  tab: { calculator: 'Calculator', tables: 'Benchmark tables', consistency: 'Consistency' },
  calc: {
    title: 'Benchmark calculation', table: 'Violation (benchmark table)', chooseTable: 'Choose a violation', version: 'Version {{v}}, in force from {{on}}', range: 'Legal range',
    base: 'Base: {{label}} (yuan)', factor: 'Factor', level: 'Level', weight: 'Weight', score: 'Score', moved: 'Effect on the fine',
    baseline: 'Starting amount', rounding: 'Rounding', fine: 'Benchmark fine', position: 'Position {{p}}%', store: 'Store on the case', stored: 'Stored on the case',
    caseStored: 'Stored on this case: {{code}} v{{v}}, {{fine}} ({{who}}, {{at}})', proposal: 'Proposed fine', decision: 'Decided fine', departs: 'Differs by {{d}}',
    reasonRequired: 'A departure needs a written reason, seen by the legal review', reason: 'Reason', noReason: '(none given)', sameAsComputed: 'Same as the benchmark', citing: 'Basis',
    violated: 'Violated', penalty: 'Penalty', source: 'Source', caseDecided: 'The case is decided: the calculation is locked', grounds: 'Statutory grounds recorded: {{list}}',
  },
  tables: { code: 'Code', title: 'Violation', penalty: 'Penalty provision', range: 'Legal range', version: 'Version', effectiveOn: 'Effective', publish: 'Publish a version', json: 'Table (JSON)', published: 'Version {{v}} published', factors: 'Factors' },
  consistency: {
    from: 'Decided from', to: 'to', decided: '{{n}} decided with a calculation; {{u}} without', type: 'Violation', cases: 'Cases', min: 'Min', median: 'Median', max: 'Max',
    meanDev: 'Mean deviation', absDev: 'Mean |deviation|', range: 'Deviation range', departures: 'Departures', byDistrict: 'By district', byOfficer: 'By lead officer', key: 'Name',
  },
};

for (const [lng, bundle] of [['zh-CN', zh], ['en', en]] as const) {
  i18n.addResourceBundle(lng, 'translation', { discretion: bundle }, true, false);
}
