// A realistic case for the document tests and for previews: a chemical plant in 福山区 discharging
// waste water above the standard (水污染防治法 第十条, 第八十三条第（二）项), fined 250 000 yuan after a
// hearing notice, legal review and collective discussion. Names and numbers are invented.
import { documentNumberFor, type CaseDocumentData } from './index.js';
import { defaultRemedies } from './remedies.js';
import type { Authority, Evidence, Officer, Party, Provision } from './types.js';

export const authority: Authority = { name: '烟台市生态环境局', address: '烟台市莱山区港城东大街1267号', postcode: '264003' };

export const party: Party = {
  kind: 'organisation',
  name: '烟台鑫源化工有限公司',
  unifiedSocialCreditCode: '91370611MA3C5KT2XM',
  legalRepresentative: '王建国',
  legalRepresentativeTitle: '总经理',
  address: '烟台市福山区福新街道永福园路88号',
  phone: '0535-6300000',
};

export const officers: Officer[] = [
  { name: '李明', credentialNumber: '37060020001' },
  { name: '赵强', credentialNumber: '37060020015' },
];

export const caseNumber = documentNumberFor('filing-approval', 2020, 12);
const cause = '超过水污染物排放标准排放水污染物';
const base = { authority, caseNumber, cause, party };

const facts = '2020年5月6日，我局执法人员对你单位进行现场检查，并委托烟台市环境监测中心站对你单位污水总排口外排废水进行采样监测。'
  + '监测报告（烟环监字〔2020〕第0506号）显示，你单位污水总排口外排废水化学需氧量浓度为186毫克/升，'
  + '超过《污水综合排放标准》（GB 8978-1996）表4三级标准限值（150毫克/升）0.24倍。';

const evidence: Evidence[] = [
  { name: '现场检查（勘察）笔录', detail: '证明你单位污水处理设施运行及废水外排情况' },
  { name: '调查询问笔录', detail: '证明你单位生产部经理承认超标排放的事实' },
  { name: '烟台市环境监测中心站监测报告（烟环监字〔2020〕第0506号）', detail: '证明外排废水化学需氧量超标' },
  { name: '现场照片12张、执法记录仪视频2段', detail: '证明现场情况' },
  { name: '营业执照复印件、法定代表人身份证明', detail: '证明当事人主体资格' },
];

const violated: Provision[] = [{
  law: '中华人民共和国水污染防治法', article: '第十条',
  text: '排放水污染物，不得超过国家或者地方规定的水污染物排放标准和重点水污染物排放总量控制指标',
}];
const basis: Provision[] = [{ law: '中华人民共和国水污染防治法', article: '第八十三条第（二）项' }];
const discretion = '参照《山东省生态环境行政处罚裁量基准》，考虑到你单位超标倍数较低、能够积极配合调查',
  fineFen = 25_000_000;
const contact = { name: '李明', phone: '0535-6780000', address: '烟台市莱山区港城东大街1267号' };

const filingApproval: CaseDocumentData['filing-approval'] = {
  ...base, documentNumber: caseNumber, source: 'inspection', discoveredOn: '2020-05-06',
  summary: '2020年5月6日现场检查及监测发现，当事人污水总排口外排废水化学需氧量浓度为186毫克/升，'
    + '超过《污水综合排放标准》（GB 8978-1996）表4三级标准限值0.24倍。\n当事人涉嫌超标排放水污染物，事实基本清楚，依法应予立案调查。',
  suspectedProvisions: violated, handlingOfficers: officers,
  handlerOpinion: { opinion: '建议立案调查。', signer: '李明', on: '2020-05-08' },
  unitOpinion: { opinion: '同意立案。', signer: '孙立新', on: '2020-05-08' },
  leaderOpinion: { opinion: '同意。', signer: '刘志刚', on: '2020-05-09' },
};

const inspectionRecord: CaseDocumentData['inspection-record'] = {
  ...base, caseNumber: undefined,
  startedAt: '2020-05-06T09:30', endedAt: '2020-05-06T11:20',
  place: '烟台鑫源化工有限公司污水处理站及污水总排口',
  onSite: { name: '张伟', sex: '男', age: 42, title: '生产部经理', phone: '13805350000' },
  officers, recorder: '赵强', otherParticipants: '烟台市环境监测中心站采样人员陈晨',
  recusalAnswer: '看清楚了，不申请回避。',
  findings: '检查时该公司正在生产，污水处理站生化池正常运行，污水总排口有废水外排，外排废水呈浅黄色。\n'
    + '监测人员在污水总排口采集废水样品2瓶，现场加贴封条，由现场负责人签字确认。',
  exchanges: [{ question: '你单位污水处理设施近期是否正常运行？', answer: '上周生化池曝气风机坏了一台，还没修好。' }],
  recordings: '现场拍摄照片12张、执法记录仪视频2段',
};

const inquiryRecord: CaseDocumentData['inquiry-record'] = {
  ...base,
  startedAt: '2020-05-12T14:00', endedAt: '2020-05-12T15:10', place: '烟台市生态环境局福山分局询问室',
  inquired: { name: '张伟', sex: '男', age: 42, idNumber: '370611197801010012', employer: '烟台鑫源化工有限公司',
    title: '生产部经理', phone: '13805350000', relationToCase: '受法定代表人委托接受询问' },
  officers, recorder: '赵强', recusalAnswer: '听清楚了，不申请回避。',
  exchanges: [
    { question: '请介绍你单位的基本情况。', answer: '我公司主要生产精细化工产品，年产能3000吨，废水经厂内污水处理站处理后排入市政管网。' },
    { question: '2020年5月6日检查时，你单位外排废水为什么超标？', answer: '生化池一台曝气风机损坏，处理效果下降，我们没有及时停产维修。' },
  ],
};

const correctionOrder: CaseDocumentData['correction-order'] = {
  ...base, documentNumber: documentNumberFor('correction-order', 2020, 9), inspectedOn: '2020-05-06',
  facts, evidence, violatedProvisions: violated, basisProvisions: basis,
  corrections: ['立即修复污水处理设施，确保外排废水稳定达标排放', '对超标排放原因进行排查并制定整改方案'],
  correctByOn: '2020-05-20',
  consequenceOfRefusal: '你单位拒不改正的，我局将依据《中华人民共和国环境保护法》第五十九条的规定实施按日连续处罚。',
  remedies: defaultRemedies('2020-05-13', '烟台市芝罘区人民法院'), decidedOn: '2020-05-13',
};

const notification = {
  ...base, inspectedOn: '2020-05-06', facts, evidence, violatedProvisions: violated, basisProvisions: basis,
  discretion, proposedPenalties: [{ kind: 'fine' as const, amountFen: fineFen }], contact, notifiedOn: '2020-06-10',
};

const priorNotice: CaseDocumentData['prior-notice'] = { ...notification, documentNumber: documentNumberFor('prior-notice', 2020, 31) };
const hearingNotice: CaseDocumentData['hearing-notice'] = {
  ...notification, documentNumber: documentNumberFor('hearing-notice', 2020, 7), hearingGround: '较大数额罚款',
};

const legalReviewOpinion: CaseDocumentData['legal-review-opinion'] = {
  ...base, documentNumber: documentNumberFor('legal-review-opinion', 2020, 5),
  submittedBy: '烟台市生态环境局福山分局', submittedOn: '2020-06-28', reviewedOn: '2020-07-02',
  reviewers: [{ name: '周敏', legalQualificationNumber: 'A20153706000123' }, { name: '高洁' }],
  grounds: ['complexSeveralLegalRelations'],
  proposedDecision: '依据《中华人民共和国水污染防治法》第八十三条第（二）项，拟对当事人罚款人民币贰拾伍万元整。',
  findings: {
    subject: { conforms: true, opinion: '执法主体适格，办案人员均持有有效执法证件。' },
    authority: { conforms: true, opinion: '属于本机关法定职权范围。' },
    procedure: { conforms: true, opinion: '立案、调查取证、告知等程序合法。' },
    facts: { conforms: true, opinion: '违法事实清楚。' },
    evidence: { conforms: true, opinion: '监测报告、笔录等证据合法、确凿、充分。' },
    legalBasis: { conforms: true, opinion: '适用法律正确。' },
    discretion: { conforms: true, opinion: '裁量适当，符合山东省裁量基准。' },
  },
  outcome: 'passed', conclusion: '同意承办机构的处理意见，建议提交集体讨论。',
};

const collectiveDiscussion: CaseDocumentData['collective-discussion'] = {
  ...base,
  meeting: { name: '2020年第5次重大行政处罚案件集体讨论会', startedAt: '2020-07-08T09:00', endedAt: '2020-07-08T10:30',
    place: '烟台市生态环境局第三会议室', host: '刘志刚（局长）', recorder: '高洁' },
  members: [
    { name: '刘志刚', title: '局长', present: true },
    { name: '陈红', title: '副局长', present: true },
    { name: '马骏', title: '副局长', present: true },
    { name: '杨帆', title: '总工程师', present: false, absenceReason: '出差' },
  ],
  nonVoting: [{ name: '李明', title: '承办人' }, { name: '周敏', title: '法制审核人员' }],
  caseReport: '承办人李明汇报了案件的调查经过、违法事实、证据及拟处罚意见。',
  legalReviewSummary: '法制审核认为本案事实清楚，证据确凿，程序合法，适用法律正确，裁量适当，审核通过。',
  opinions: [
    { name: '陈红', opinion: '同意承办人意见，罚款人民币贰拾伍万元整。' },
    { name: '马骏', opinion: '同意，并建议督促企业尽快完成整改。' },
    { name: '刘志刚', opinion: '同意。' },
  ],
  decision: '经集体讨论，一致同意对烟台鑫源化工有限公司罚款人民币贰拾伍万元整。',
};

const penaltyDecision: CaseDocumentData['penalty-decision'] = {
  ...base, documentNumber: documentNumberFor('penalty-decision', 2020, 12), inspectedOn: '2020-05-06',
  facts, evidence, violatedProvisions: violated,
  notification: { documentNumber: hearingNotice.documentNumber, kind: 'hearing', servedOn: '2020-06-11' },
  response: { kind: 'statement', receivedOn: '2020-06-16', summary: '超标系风机突发故障所致，已及时修复，请求减轻处罚。',
    review: '你单位未在发现设施故障后及时停产，超标排放事实清楚，所提理由不足以减轻处罚。', adopted: false },
  collectivelyDiscussed: true, discretion, basisProvisions: basis,
  penalties: [{ kind: 'fine', amountFen: fineFen }],
  payment: { payee: '烟台市财政局', bank: '中国工商银行烟台分行营业部', accountNumber: '1606020009022100000', note: '缴款时请注明本决定书文号' },
  remedies: defaultRemedies('2020-07-15', '烟台市芝罘区人民法院'), decidedOn: '2020-07-15',
};

const noPenaltyDecision: CaseDocumentData['no-penalty-decision'] = {
  ...base, documentNumber: documentNumberFor('no-penalty-decision', 2020, 3), inspectedOn: '2020-05-06',
  cause: '危险废物贮存场所未设置识别标志',
  facts: '2020年5月6日，我局执法人员检查发现你单位危险废物贮存间门口未设置危险废物识别标志。',
  evidence: [
    { name: '现场检查（勘察）笔录', detail: '证明你单位危险废物贮存间未设置识别标志' },
    { name: '现场照片4张', detail: '证明现场情况及改正情况' },
  ],
  violatedProvisions: [{ law: '中华人民共和国固体废物污染环境防治法', article: '第七十七条' }],
  ground: 'firstViolation',
  groundReasons: '你单位系初次违法，危害后果轻微，并已于2020年5月7日设置识别标志，及时改正了违法行为',
  exemptionListReference: '《山东省生态环境轻微违法行为不予行政处罚清单》',
  correctionOrdered: '加强危险废物规范化管理，严格按照国家规定设置危险废物识别标志。',
  education: { on: '2020-05-20', form: '当面约谈', content: '讲解危险废物管理的有关规定，督促你单位落实污染防治主体责任，杜绝类似违法行为再次发生' },
  remedies: defaultRemedies('2020-05-20'), decidedOn: '2020-05-20',
};

const serviceReceipt: CaseDocumentData['service-receipt'] = {
  authority, caseNumber, cause,
  documents: [{ title: '行政处罚决定书', number: penaltyDecision.documentNumber, copies: 1 }],
  recipient: party.name, address: party.address, method: 'direct', servedAt: '2020-07-16T10:15',
  servers: officers, issuer: '高洁', issuedOn: '2020-07-15',
};

const caseTransfer: CaseDocumentData['case-transfer'] = {
  ...base, documentNumber: documentNumberFor('case-transfer', 2020, 2), receiver: '烟台市公安局福山分局',
  cause: '通过暗管排放水污染物', kind: 'administrativeDetention', detentionItem: 3,
  responsiblePersons: [{ name: '张伟', title: '生产部经理', idNumber: '370611197801010012' }],
  facts: '2020年8月3日，我局执法人员检查发现该公司在污水处理站东侧铺设暗管，将未经处理的生产废水直接排入雨水管网。'
    + '经询问，该公司生产部经理张伟承认暗管系其安排铺设。',
  evidence: [
    { name: '现场检查（勘察）笔录', detail: '证明暗管位置及排放情况' },
    { name: '对张伟的调查询问笔录', detail: '证明张伟安排铺设暗管的事实' },
    { name: '现场照片20张、执法记录仪视频3段', detail: '证明暗管排放现场情况' },
  ],
  attachments: ['案件移送审批表', '现场检查（勘察）笔录及调查询问笔录复印件', '监测报告复印件', '现场照片及视频资料'],
  contact, transferredOn: '2020-08-06',
};

const closureApproval: CaseDocumentData['closure-approval'] = {
  ...base, documentNumber: documentNumberFor('closure-approval', 2020, 12), filedOn: '2020-05-09',
  decision: { documentNumber: penaltyDecision.documentNumber, decidedOn: '2020-07-15', summary: '罚款人民币贰拾伍万元整。' },
  execution: { paidFen: fineFen, paidOn: '2020-07-28', summary: '当事人已按期缴纳罚款，经复查已完成整改。' },
  closureReason: '行政处罚决定已执行完毕。',
  handlerOpinion: { opinion: '建议结案。', signer: '李明', on: '2020-08-03' },
  unitOpinion: { opinion: '同意结案。', signer: '孙立新', on: '2020-08-04' },
  leaderOpinion: { opinion: '同意。', signer: '刘志刚', on: '2020-08-05' },
};

const paymentReminder: CaseDocumentData['payment-reminder'] = {
  ...base, documentNumber: documentNumberFor('payment-reminder', 2020, 3),
  decision: { documentNumber: penaltyDecision.documentNumber, decidedOn: '2020-07-15', servedOn: '2020-07-16' },
  // 3 % a day of 250,000 yuan for 20 days: 150,000 yuan.
  fineFen, surchargeFen: 15_000_000, paidFen: 5_000_000, performBy: '2021-01-15',
  payment: penaltyDecision.payment!, contact, remindedOn: '2021-01-04',
};

/** One realistic filling of every document kind. */
export const FIXTURES: CaseDocumentData = {
  'filing-approval': filingApproval,
  'inspection-record': inspectionRecord,
  'inquiry-record': inquiryRecord,
  'correction-order': correctionOrder,
  'prior-notice': priorNotice,
  'hearing-notice': hearingNotice,
  'legal-review-opinion': legalReviewOpinion,
  'collective-discussion': collectiveDiscussion,
  'penalty-decision': penaltyDecision,
  'no-penalty-decision': noPenaltyDecision,
  'service-receipt': serviceReceipt,
  'case-transfer': caseTransfer,
  'closure-approval': closureApproval,
  'payment-reminder': paymentReminder,
};
