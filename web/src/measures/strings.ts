// The panel's strings in both UI languages, added to the shared i18n catalogue when the panel loads
// (kept here so the panel does not need edits to the shared JSON files).
import i18n from '../i18n';

const zh = {
  title: '强制措施与特别措施',
  add: '新增措施',
  empty: '本案尚无强制措施或移送记录',
  archived: '案件已归档，不得新增或变更措施',
  created: '措施已登记',
  saved: '已记录',
  basis: '法律依据',
  responsible: '承办人',
  startedOn: '开始日期',
  dueOn: '期限',
  endedOn: '办结日期',
  outcome: '结果',
  note: '备注',
  timeline: '办理经过',
  reminders: '提示',
  computation: '按日连续处罚计算',
  reinspections: '复查记录',
  items: '查封、扣押清单',
  persons: '责任人员',
  mandatory: '应当查封、扣押',
  discretionary: '可以查封、扣押',
  late: '超期',
  kind: {
    daily_penalty: '按日连续处罚', seizure: '查封、扣押', production_restriction: '限制生产、停产整治',
    detention_transfer: '移送公安机关行政拘留', crime_transfer: '移送涉嫌犯罪案件',
  },
  status: {
    awaiting_reinspection: '待复查', violation_continuing: '违法行为持续', corrected: '已改正', decided: '已决定',
    in_force: '实施中', extended: '已延期', released: '已解除', lifted: '已解除',
    transfer_decided: '已决定移送', transferred: '已移送', accepted: '已受理', not_accepted: '不予受理', detained: '已决定拘留', not_detained: '未予拘留',
    awaiting_approval: '待负责人审批', not_approved: '不批准移送', approved: '已批准移送', filed: '已立案', not_filed: '不予立案', returned: '已退回',
  },
  deadline: { overdue: '已逾期', due_soon: '即将到期', ok: '未到期' },
  event: {
    create: '登记', reinspection: '记录复查', decide: '作出按日连续处罚决定', extension: '延长期限', release: '解除查封、扣押',
    plan: '整改方案备案', lifting: '解除限产停产', approval: '负责人审批', transfer: '移送', outcome: '登记处理结果',
  },
  mode: { seal: '查封', detain: '扣押', restriction: '限制生产', suspension: '停产整治' },
  dailyGround: {
    exceeding_standards: '（一）超标或超总量排放污染物', evading_supervision: '（二）以逃避监管的方式排放污染物',
    prohibited_pollutants: '（三）排放法律、法规禁止排放的污染物', dumping_hazardous_waste: '（四）违法倾倒危险废物', other_illegal_discharge: '（五）其他违法排放污染物行为',
  },
  seizureGround: {
    toxic_or_hazardous: '（一）违法排放、倾倒、处置有毒有害物质', protected_area: '（二）在饮用水水源一级保护区、自然保护区核心区排污',
    industrial_sludge: '（三）违法排放、倾倒工业污泥', evading_supervision: '（四）以逃避监管的方式排放污染物',
    emergency_discharge: '（五）突发环境事件后未执行停产、停排措施', other_serious_pollution: '（六）其他造成或者可能造成严重污染的违法排污行为',
  },
  releaseGround: {
    no_violation: '（一）当事人没有违法行为', unrelated_to_violation: '（二）查封、扣押的设施、设备与违法行为无关',
    handled: '（三）已作出处理决定，不再需要查封、扣押', period_expired: '（四）查封、扣押期限已经届满', no_longer_needed: '（五）其他不再需要采取查封、扣押措施的情形',
  },
  restrictionGround: {
    exceeding_standards: '超过污染物排放标准', exceeding_daily_total: '超过重点污染物日最高允许排放总量控制指标',
    evading_supervision: '（一）以逃避监管的方式排放污染物，超过排放标准', heavy_metals_three_times: '（二）重金属等污染物超过排放标准三倍以上',
    exceeding_annual_total: '（三）超过重点污染物排放总量年度控制指标', exceeding_after_restriction: '（四）被责令限制生产后仍然超标排放',
    emergency_incident: '（五）因突发事件造成超标或超总量排放', other: '（六）法律、法规规定的其他情形',
  },
  situation: {
    no_eia_refusing_stop: '（一）建设项目未依法进行环境影响评价，被责令停止建设，拒不执行',
    no_permit_refusing_stop: '（二）未取得排污许可证排放污染物，被责令停止排污，拒不执行',
    evading_supervision: '（三）通过暗管、渗井、渗坑、灌注或者篡改、伪造监测数据，或者不正常运行防治污染设施等逃避监管的方式违法排放污染物',
    banned_pesticide_refusing_correction: '（四）生产、使用国家明令禁止生产、使用的农药，被责令改正，拒不改正',
  },
  finding: { continuing: '仍在违法排放', corrected: '已改正', obstructed: '拒绝、阻挠复查' },
  outcomeValue: {
    accepted: '公安机关受理', not_accepted: '公安机关不予受理', detained: '决定行政拘留', not_detained: '未予拘留',
    filed: '公安机关立案', not_filed: '公安机关不予立案', returned: '退回',
  },
  field: {
    kind: '措施种类', responsibleOfficerId: '承办人', note: '备注', ground: '适用情形', violation: '违法排放行为',
    orderNumber: '责令改正违法行为决定书文号', orderServedOn: '责令改正决定书送达日期', mode: '措施', seriousPollutionCaused: '已造成严重污染',
    decisionNumber: '决定书文号', decidedOn: '决定日期', implementedOn: '实施日期', emergency: '情况紧急，当场实施',
    items: '设施、设备', itemName: '名称', itemSpecification: '规格型号', itemQuantity: '数量', itemLocation: '存放地点',
    servedOn: '送达日期', requirements: '限产或整治要求', situation: '移送情形（环境保护法第六十三条）', persons: '直接负责的主管人员和其他直接责任人员',
    personName: '姓名', personPosition: '职务', facts: '违法事实', suspectedCrime: '涉嫌罪名', reportOn: '书面报告日期',
    inspectedOn: '复查日期', officerIds: '复查人员（至少两名执法人员）', finding: '复查结论',
    approvedOn: '批准日期', days: '延长天数', months: '延长月数', reason: '理由', releasedOn: '解除日期', releaseGround: '解除理由',
    filedOn: '备案日期', summary: '整改方案要点', liftedOn: '解除日期', approved: '批准移送', lateReason: '延误理由（超过时限时必填）',
    transferredOn: '移送日期', receivingOrgan: '接收机关', materials: '随案移送材料（每行一项）', outcome: '结果', detentionDays: '拘留天数',
    dailyDecisionNumber: '按日连续处罚决定书文号',
  },
  disabledBecause: '不可操作：{{message}}',
};

const en: typeof zh = {
  title: 'Coercive and special measures',
  add: 'Add a measure',
  empty: 'No coercive measure or transfer on this case yet',
  archived: 'The case is archived: measures cannot be added or changed',
  created: 'Measure recorded',
  saved: 'Recorded',
  basis: 'Legal basis',
  responsible: 'Responsible officer',
  startedOn: 'Began',
  dueOn: 'Due',
  endedOn: 'Ended',
  outcome: 'Outcome',
  note: 'Note',
  timeline: 'History',
  reminders: 'Reminders',
  computation: 'Daily penalty computation',
  reinspections: 'Re-inspections',
  items: 'Items sealed or detained',
  persons: 'Responsible persons',
  mandatory: 'Seizure mandatory',
  discretionary: 'Seizure discretionary',
  late: 'Late',
  kind: {
    daily_penalty: 'Continuous daily penalty', seizure: 'Seizure / detention of equipment', production_restriction: 'Production restriction / suspension',
    detention_transfer: 'Transfer to police for detention', crime_transfer: 'Transfer of a suspected crime',
  },
  status: {
    awaiting_reinspection: 'Awaiting re-inspection', violation_continuing: 'Violation continuing', corrected: 'Corrected', decided: 'Decided',
    in_force: 'In force', extended: 'Extended', released: 'Released', lifted: 'Lifted',
    transfer_decided: 'Transfer decided', transferred: 'Transferred', accepted: 'Accepted', not_accepted: 'Not accepted', detained: 'Detention decided', not_detained: 'No detention',
    awaiting_approval: 'Awaiting approval', not_approved: 'Not approved', approved: 'Approved', filed: 'Filed by police', not_filed: 'Not filed', returned: 'Returned',
  },
  deadline: { overdue: 'Overdue', due_soon: 'Due soon', ok: 'On time' },
  event: {
    create: 'Recorded', reinspection: 'Record re-inspection', decide: 'Decide the daily penalty', extension: 'Extend', release: 'Release',
    plan: 'File rectification plan', lifting: 'Lift', approval: 'Approval', transfer: 'Transfer', outcome: 'Record outcome',
  },
  mode: { seal: 'Seal', detain: 'Detain', restriction: 'Restrict production', suspension: 'Suspend for rectification' },
  dailyGround: {
    exceeding_standards: '(1) Exceeding discharge standards or totals', evading_supervision: '(2) Discharging by evading supervision',
    prohibited_pollutants: '(3) Discharging prohibited pollutants', dumping_hazardous_waste: '(4) Illegal dumping of hazardous waste', other_illegal_discharge: '(5) Other illegal discharge',
  },
  seizureGround: {
    toxic_or_hazardous: '(1) Toxic or hazardous substances', protected_area: '(2) Drinking-water or nature reserve core zones',
    industrial_sludge: '(3) Industrial sludge', evading_supervision: '(4) Evading supervision',
    emergency_discharge: '(5) Discharging after an environmental emergency', other_serious_pollution: '(6) Other serious pollution',
  },
  releaseGround: {
    no_violation: '(1) No violation', unrelated_to_violation: '(2) Unrelated to the violation', handled: '(3) Handled; no longer needed',
    period_expired: '(4) Period ended', no_longer_needed: '(5) Otherwise no longer needed',
  },
  restrictionGround: {
    exceeding_standards: 'Exceeding discharge standards', exceeding_daily_total: 'Exceeding the daily total',
    evading_supervision: '(1) Evading supervision and exceeding standards', heavy_metals_three_times: '(2) Heavy metals etc. over three times the standard',
    exceeding_annual_total: '(3) Exceeding the annual total', exceeding_after_restriction: '(4) Still exceeding after restriction',
    emergency_incident: '(5) Exceeding because of an emergency', other: '(6) Other situations set by law',
  },
  situation: {
    no_eia_refusing_stop: '(1) Built without EIA, refusing an order to stop',
    no_permit_refusing_stop: '(2) Discharging without a permit, refusing an order to stop',
    evading_supervision: '(3) Evading supervision (hidden pipes, seepage, injection, falsified monitoring data, idle facilities)',
    banned_pesticide_refusing_correction: '(4) Banned pesticides, refusing to correct',
  },
  finding: { continuing: 'Still discharging', corrected: 'Corrected', obstructed: 'Refused or obstructed' },
  outcomeValue: {
    accepted: 'Accepted by police', not_accepted: 'Not accepted', detained: 'Detention decided', not_detained: 'No detention',
    filed: 'Filed (立案)', not_filed: 'Not filed', returned: 'Returned',
  },
  field: {
    kind: 'Kind', responsibleOfficerId: 'Responsible officer', note: 'Note', ground: 'Ground', violation: 'Illegal discharge',
    orderNumber: 'Correction order number', orderServedOn: 'Correction order served on', mode: 'Measure', seriousPollutionCaused: 'Serious pollution caused',
    decisionNumber: 'Decision number', decidedOn: 'Decided on', implementedOn: 'Carried out on', emergency: 'Emergency, on the spot',
    items: 'Facilities and equipment', itemName: 'Name', itemSpecification: 'Model', itemQuantity: 'Quantity', itemLocation: 'Kept at',
    servedOn: 'Served on', requirements: 'Requirements', situation: 'Situation (EPL art. 63)', persons: 'Responsible persons',
    personName: 'Name', personPosition: 'Position', facts: 'Facts', suspectedCrime: 'Suspected crime', reportOn: 'Report date',
    inspectedOn: 'Re-inspected on', officerIds: 'Officers (at least two)', finding: 'Finding',
    approvedOn: 'Approved on', days: 'Days added', months: 'Months added', reason: 'Reason', releasedOn: 'Released on', releaseGround: 'Ground',
    filedOn: 'Filed on', summary: 'Plan summary', liftedOn: 'Lifted on', approved: 'Approve the transfer', lateReason: 'Reason for delay (if late)',
    transferredOn: 'Transferred on', receivingOrgan: 'Receiving organ', materials: 'Materials (one per line)', outcome: 'Outcome', detentionDays: 'Detention days',
    dailyDecisionNumber: 'Daily penalty decision number',
  },
  disabledBecause: 'Not available: {{message}}',
};

for (const [lng, bundle] of [['zh-CN', zh], ['en', en]] as const) {
  if (!i18n.hasResourceBundle(lng, 'translation') || !i18n.exists('measures.title', { lng })) {
    i18n.addResourceBundle(lng, 'translation', { measures: bundle }, true, false);
  }
}
