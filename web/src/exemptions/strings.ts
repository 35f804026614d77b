// The exemption pages' strings in both UI languages, added to the shared catalogue when loaded.
import i18n from '../i18n';

const zh = {
  title: '首违不罚',
  tab: { catalogue: '目录清单', applied: '已免罚企业', check: '案件核查' },
  catalogue: {
    batches: '清单批次', code: '编号', name: '名称', documentNumber: '文号', issuer: '发布机关', effectiveOn: '施行日期', expiresOn: '失效日期', entries: '条目数',
    inForce: '现行有效', notYet: '尚未施行', expired: '已失效', frozen: '已施行的批次内容不得修改，调整请发布新批次', newBatch: '发布新批次', addEntry: '新增条目',
    seq: '序号', entryTitle: '违法行为', violated: '违反条款', penalty: '处罚条款', circumstances: '适用情形', conditions: '适用条件',
    lookBack: '初次违法回溯 {{n}} 个月', correction: '{{n}} {{unit}}内改正', workingDays: '个工作日', days: '日', noIntent: '非主观故意', extra: '附加条件（每行一条，格式：标识=条件）',
    created: '已保存', note: '备注',
  },
  applied: { year: '年度', count: '{{year}} 年共 {{n}} 家企业适用首违不罚', caseNumber: '案号', enterprise: '企业', district: '区市', entry: '清单条目', decidedOn: '决定日期' },
  check: { caseId: '案件 ID', open: '核查', hint: '输入案件 ID，对照清单核查首违不罚适用条件' },
  panel: {
    title: '首违不罚核查', entry: '适用清单条目', chooseEntry: '选择现行清单条目', facts: '认定事实', consequence: '危害后果',
    consequenceValue: { none: '未造成危害后果', minor: '危害后果轻微', serious: '危害后果较重' }, unknown: '未查明',
    correctionOrderedOn: '责令改正日期', correctedOn: '完成改正日期', dueOn: '改正期限至 {{on}}', intentional: '主观过错', intentionalValue: { false: '非主观故意', true: '主观故意' },
    attested: '系统外违法记录核查', attestedValue: { true: '已核查，无违法记录', false: '已核查，存在违法记录' }, extra: '清单附加条件', yes: '符合', no: '不符合',
    save: '保存并核查', saved: '已保存，核查结果已更新', evaluation: '核查结果', condition: '条件', result: '结果', evidence: '依据',
    status: { eligible: '符合首违不罚条件', not_eligible: '不符合首违不罚条件', needs_facts: '尚需查明事实' },
    resultValue: { met: '符合', not_met: '不符合', unknown: '待查明' },
    conditionName: { firstViolation: '初次违法', minorConsequence: '危害后果轻微', correctedInTime: '及时改正', noIntent: '非主观故意' },
    apply: '适用首违不罚，作出不予行政处罚决定', applyTitle: '适用首违不罚', correctionOrder: '责令改正内容', educationOn: '批评教育日期', educationForm: '教育方式', educationContent: '教育内容',
    reasons: '不予处罚理由（留空则按核查结果生成）', applied: '已适用首违不罚：{{on}} 作出不予行政处罚决定', decidedOther: '本案已作出决定，不能再核查首违不罚',
    entryNotInForce: '所选条目在决定之日不在施行期内', grounds: '法定不予、从轻、减轻处罚情节（行政处罚法第三十条至第三十三条）', addGround: '记录情节', groundNote: '说明',
    removeGround: '删除', removeReason: '删除理由', noGrounds: '未记录', openCase: '查看案件',
  },
};

const en: typeof zh = {
  title: 'First-violation exemption',
  tab: { catalogue: 'Catalogue', applied: 'Exempted enterprises', check: 'Check a case' },
  catalogue: {
    batches: 'Batches', code: 'Code', name: 'Title', documentNumber: 'Document no.', issuer: 'Issuer', effectiveOn: 'Effective', expiresOn: 'Expires', entries: 'Entries',
    inForce: 'In force', notYet: 'Not yet in force', expired: 'Expired', frozen: 'A batch in force is frozen: publish a new batch to change it', newBatch: 'Publish a batch', addEntry: 'Add entry',
    seq: 'No.', entryTitle: 'Violation', violated: 'Violated provision', penalty: 'Penalty provision', circumstances: 'Circumstances', conditions: 'Conditions',
    lookBack: 'First violation: {{n}} months look-back', correction: 'Corrected within {{n}} {{unit}}', workingDays: 'working days', days: 'days', noIntent: 'No intent', extra: 'Extra conditions (one per line: key=text)',
    created: 'Saved', note: 'Note',
  },
  applied: { year: 'Year', count: '{{n}} enterprises exempted in {{year}}', caseNumber: 'Case no.', enterprise: 'Enterprise', district: 'District', entry: 'Entry', decidedOn: 'Decided on' },
  check: { caseId: 'Case ID', open: 'Check', hint: 'Enter a case ID to check it against the catalogue' },
  panel: {
    title: 'First-violation exemption check', entry: 'Catalogue entry', chooseEntry: 'Choose an entry in force', facts: 'Facts', consequence: 'Harm',
    consequenceValue: { none: 'No harm', minor: 'Minor harm', serious: 'Serious harm' }, unknown: 'Not established',
    correctionOrderedOn: 'Correction ordered on', correctedOn: 'Corrected on', dueOn: 'Correct by {{on}}', intentional: 'Fault', intentionalValue: { false: 'Not intentional', true: 'Intentional' },
    attested: 'Records outside the system', attestedValue: { true: 'Checked: none', false: 'Checked: violation found' }, extra: 'Entry conditions', yes: 'Met', no: 'Not met',
    save: 'Save and evaluate', saved: 'Saved; evaluation updated', evaluation: 'Evaluation', condition: 'Condition', result: 'Result', evidence: 'Evidence',
    status: { eligible: 'Eligible for exemption', not_eligible: 'Not eligible', needs_facts: 'Needs facts' },
    resultValue: { met: 'Met', not_met: 'Not met', unknown: 'Unknown' },
    conditionName: { firstViolation: 'First violation', minorConsequence: 'Minor harm', correctedInTime: 'Corrected in time', noIntent: 'No intent' },
    apply: 'Apply: decide not to penalise', applyTitle: 'Apply the exemption', correctionOrder: 'Correction ordered', educationOn: 'Education on', educationForm: 'Form', educationContent: 'Content',
    reasons: 'Reasons (generated from the evaluation when empty)', applied: 'Exemption applied: decided on {{on}}', decidedOther: 'The case is decided: no exemption check',
    entryNotInForce: 'The entry is not in force on the day of decision', grounds: 'Statutory grounds (APL arts. 30–33)', addGround: 'Record ground', groundNote: 'Note',
    removeGround: 'Remove', removeReason: 'Reason', noGrounds: 'None recorded', openCase: 'Open case',
  },
};

for (const [lng, bundle] of [['zh-CN', zh], ['en', en]] as const) {
  i18n.addResourceBundle(lng, 'translation', { exemptions: bundle }, true, false);
}
