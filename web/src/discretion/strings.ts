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

// The case forms' strings that come with the violation catalogue and the embedded calculator.
const caseFormsZh = {
  violation: {
    label: '违法行为', placeholder: '输入违法行为或编号查找', range: '法定罚款幅度', line: '违反 {{violated}}；依据 {{penalty}}；{{range}}',
    exemptions: '首违不罚目录有对应条目：{{list}}（可在案件页“首违不罚”核对）',
  },
  calc: {
    title: '裁量基准测算（行政处罚法 第三十四条）', hint: '逐项选择裁量因子等级，测算结果自动填入拟罚款金额；改动金额须书面说明理由。',
    result: '测算罚款 {{fine}}（法定幅度 {{min}} – {{max}}）', departs: '拟罚款与测算额 {{fine}} 不一致，须说明裁量理由',
    recorded: '据系统记录', recordedNone: '{{from}} 以来本当事人无已作出处罚决定的案件', recordedSome: '{{from}} 以来已作出处罚决定 {{n}} 件：{{list}}',
  },
  draft: {
    facts: '经查，{{party}}：{{found}}。', caseReviewPassed: '事实清楚，证据确凿，适用依据正确，同意提交法制审核。',
    legalReviewPassed: '经审核，执法主体、权限、程序合法，事实清楚，证据确凿，适用依据正确，裁量适当，同意。',
    conclusion: '同意对{{party}}给予{{penalty}}的处罚。', fine: '罚款{{amount}}', cause: '{{party}}涉嫌{{title}}案',
  },
  discussion: {
    stance: '意见', agree: '同意', disagree: '不同意', other: '其他意见', agreeText: '同意拟处理意见',
    wordsRequired: '请写明该委员的意见', wordsOptional: '补充意见（可不填）', meetingsHint: '仅列出立案（{{on}}）后召开、尚未讨论本案的会议',
  },
  review: {
    facts: '违法事实', proposal: '拟处理意见', evidence: '证据材料', noEvidence: '暂无证据材料', allYes: '以上各项均符合',
    carriedOver: '沿用 {{on}} 审核意见', carriedOverHint: '{{who}}的审核结论已带入，只需改动听证或重新告知后变化的项目',
  },
  filing: { officersHint: '已预选线索登记人及一名同辖区持证执法人员，可修改；至少两名持证执法人员', causeHint: '根据所选违法行为拟定，可修改' },
  committee: { standingHint: '已按审委会常任委员预填，可增减' },
};

const caseFormsEn: typeof caseFormsZh = {
  violation: {
    label: 'Violation', placeholder: 'Search by violation or code', range: 'Legal range of the fine', line: 'Violates {{violated}}; penalty under {{penalty}}; {{range}}',
    exemptions: 'The first-violation exemption list has entries for it: {{list}} (check under "Exemption" on the case page)',
  },
  calc: {
    title: 'Benchmark calculation (Administrative Penalty Law art. 34)', hint: 'Choose each factor\'s level; the result fills the proposed fine. Changing the amount needs a written reason.',
    result: 'Benchmark fine {{fine}} (legal range {{min}} – {{max}})', departs: 'The proposed fine differs from the benchmark {{fine}}: give the reason',
    recorded: 'From the records', recordedNone: 'No penalty decided against this party since {{from}}', recordedSome: '{{n}} penalties decided since {{from}}: {{list}}',
  },
  draft: caseFormsZh.draft,
  discussion: {
    stance: 'Opinion', agree: 'Agree', disagree: 'Disagree', other: 'Other', agreeText: caseFormsZh.discussion.agreeText,
    wordsRequired: 'Write this member\'s opinion', wordsOptional: 'Further words (optional)', meetingsHint: 'Only meetings held after the filing ({{on}}) that have not discussed this case',
  },
  review: {
    facts: 'Facts', proposal: 'Proposal', evidence: 'Evidence', noEvidence: 'No evidence on file', allYes: 'All the points above are met',
    carriedOver: 'Carried over from the review of {{on}}', carriedOverHint: 'The findings of {{who}} are filled in: change only what the hearing or the new notice changed',
  },
  filing: { officersHint: 'Proposed: who registered the lead and one credentialed colleague of its district; editable; at least two credentialed officers', causeHint: 'Drafted from the violation; editable' },
  committee: { standingHint: 'Pre-filled with the standing committee members; add or remove' },
};

for (const [lng, bundle] of [['zh-CN', caseFormsZh], ['en', caseFormsEn]] as const) {
  i18n.addResourceBundle(lng, 'translation', { caseForms: bundle }, true, false);
}
